# Reproduces: https://github.com/keras-team/keras/issues/16347
# Style: cv2.imread with IMREAD_GRAYSCALE, cv2.resize to the model's size, np.reshape with final_image.shape, predict
# Intent: works
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

gray = cv2.imread("digit.png", cv2.IMREAD_GRAYSCALE)
final_image = cv2.resize(gray, (128, 128))
final_image = np.reshape(final_image, (1, final_image.shape[0], final_image.shape[1], 1)) / 255.0
pred = model.predict(final_image)
print(np.argmax(pred))
