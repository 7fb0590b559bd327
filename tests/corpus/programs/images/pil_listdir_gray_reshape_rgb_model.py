# Reproduces: https://devsolus.com/why-do-we-reshape-grayscale-image-to-xy1/
# Style: os.listdir over class folders, PIL convert("L") + resize, list append, np.array(X).reshape(-1, IMG_SIZE, IMG_SIZE, 1)
# Intent: grayscale images reshaped to one channel into a Conv2D built for 3 channels
import os

import numpy as np
from PIL import Image
from tensorflow.keras.layers import Conv2D, Dense, Flatten
from tensorflow.keras.models import Sequential

DATADIR = "data"
CATEGORIES = ["cats", "dogs"]
IMG_SIZE = 32

training_data = []
for category in CATEGORIES:
    class_num = CATEGORIES.index(category)
    for img in os.listdir(os.path.join(DATADIR, category)):
        img_array = Image.open(os.path.join(DATADIR, category, img)).convert("L")
        new_array = np.array(img_array.resize((IMG_SIZE, IMG_SIZE)))
        training_data.append([new_array, class_num])

X = []
y = []
for features, label in training_data:
    X.append(features)
    y.append(label)

X = np.array(X).reshape(-1, IMG_SIZE, IMG_SIZE, 1) / 255.0
y = np.array(y)

model = Sequential()
model.add(Conv2D(8, (3, 3), activation="relu", input_shape=(IMG_SIZE, IMG_SIZE, 3)))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, batch_size=4, epochs=1)
