# Reproduces: https://github.com/keras-team/keras/issues/16347
# Style: cv2.cvtColor BGR2GRAY, GaussianBlur, cv2.resize, np.reshape with final_image.shape, predict
# Intent: the region is resized to 64 x 64 but the model was built for 128 x 128 x 1 inputs
import cv2
import numpy as np
from tensorflow import keras

model = keras.Sequential([
    keras.layers.Input(shape=(128, 128, 1)),
    keras.layers.Conv2D(4, 3, activation="relu"),
    keras.layers.MaxPooling2D(4),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
])

frame = cv2.imread("digit.png")
gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
blurred = cv2.GaussianBlur(gray, (5, 5), 2)
final_image = cv2.resize(gray, (64, 64))
final_image = np.reshape(final_image, (1, final_image.shape[0], final_image.shape[1], 1))
pred = model.predict(final_image)
print(np.argmax(pred))
