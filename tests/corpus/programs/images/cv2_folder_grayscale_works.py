# Reproduces: https://github.com/iparaskev/simple-blink-detector/issues/1
# Style: os.listdir over class folders, cv2.imread(IMREAD_GRAYSCALE) + cv2.resize in a loop, list append, np.array, reshape(-1, h, w, 1)
# Intent: works
import os

import cv2
import numpy as np
from tensorflow.keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from tensorflow.keras.models import Sequential

height, width = 34, 26
X, y = [], []
for label, folder in enumerate(sorted(os.listdir("eyes"))):
    for fname in os.listdir(os.path.join("eyes", folder)):
        img = cv2.imread(os.path.join("eyes", folder, fname), cv2.IMREAD_GRAYSCALE)
        X.append(cv2.resize(img, (width, height)))
        y.append(label)
X = np.array(X).reshape(-1, height, width, 1) / 255.0
y = np.array(y)

model = Sequential()
model.add(Conv2D(8, (3, 3), activation="relu", input_shape=(height, width, 1)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=4)
