# Reproduces: https://github.com/keras-team/keras/issues/12596
# Style: cv2.imread + cv2.resize, astype("float") / 255.0, image.img_to_array, np.expand_dims with axis=1, predict
# Intent: expand_dims(axis=1) puts the new axis second: (64, 1, 64, 3) instead of (1, 64, 64, 3)
import cv2
import numpy as np
from tensorflow import keras
from tensorflow.keras.preprocessing import image

model = keras.Sequential([
    keras.layers.Input(shape=(64, 64, 3)),
    keras.layers.Conv2D(4, 3, activation="relu"),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(2, activation="softmax"),
])

r = cv2.imread("modi.png", 1)
orig = r.copy()
r = cv2.resize(r, (64, 64))
r = r.astype("float") / 255.0
r = image.img_to_array(r)
ry = np.expand_dims(r, axis=1)
(notSanta, santa) = model.predict(ry)[0]
print(notSanta, santa)
