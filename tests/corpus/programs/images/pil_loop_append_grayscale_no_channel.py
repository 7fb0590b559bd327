# Reproduces: https://byteacademy804.pages.dev/posts/2025-04-04-preprocessing-images-for-convolutional-neural-networks-cnns-with-keras-a-step-by-step-guide-to-resolving-common-errors
# Style: os.walk over class folders, PIL Image.open().convert('L'), append, np.array, label list
# Intent: works: grayscale images stacked to (N, 48, 48) without the channel axis; Keras adds it itself
import os

import numpy as np
from PIL import Image
from tensorflow.keras import layers, models

data_dir = "faces"
X, labels = [], []
class_names = sorted(os.listdir(data_dir))
for label, name in enumerate(class_names):
    for fname in os.listdir(os.path.join(data_dir, name)):
        img = Image.open(os.path.join(data_dir, name, fname)).convert("L").resize((48, 48))
        X.append(np.asarray(img, dtype="float32") / 255.0)
        labels.append(label)

X = np.array(X)
y = np.array(labels)
print("data:", X.shape, y.shape)

model = models.Sequential()
model.add(layers.Conv2D(8, (3, 3), activation="relu", input_shape=(48, 48, 1)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(len(class_names), activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=8)
