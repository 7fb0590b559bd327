# Reproduces: https://github.com/thtrieu/darkflow/issues/83
# Style: cv2.imread, cv2.resize(im, (w, h)), cv2.cvtColor BGR2RGB, np.expand_dims, predict on a non-square network input
# Intent: works
import cv2
import numpy as np
from tensorflow import keras

h, w = 96, 64

model = keras.Sequential([
    keras.layers.Conv2D(4, 3, activation="relu", input_shape=(h, w, 3)),
    keras.layers.MaxPooling2D(),
    keras.layers.Flatten(),
    keras.layers.Dense(2, activation="softmax"),
])

im = cv2.imread("street.png")
im = cv2.resize(im, (w, h))
im = cv2.cvtColor(im, cv2.COLOR_BGR2RGB) / 255.0
out = model.predict(np.expand_dims(im, axis=0))
print(out)
