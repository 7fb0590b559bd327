# Reproduces: https://byteacademy804.pages.dev/posts/2025-04-04-preprocessing-images-for-convolutional-neural-networks-cnns-with-keras-a-step-by-step-guide-to-resolving-common-errors
# Style: glob, PIL resize, list append, np.array, to_categorical, train_test_split
# Intent: works
import glob
import os

import numpy as np
from PIL import Image
from sklearn.model_selection import train_test_split
from tensorflow.keras import layers, models
from tensorflow.keras.utils import to_categorical

IMG = 48
images, labels = [], []
classes = ["angry", "happy", "sad"]
for idx, cls in enumerate(classes):
    for path in glob.glob(os.path.join("faces", cls, "*.png")):
        im = Image.open(path).convert("RGB").resize((IMG, IMG))
        images.append(np.array(im))
        labels.append(idx)

images = np.array(images, dtype="float32") / 255.0
labels = to_categorical(labels, num_classes=len(classes))
x_train, x_test, y_train, y_test = train_test_split(images, labels, test_size=0.2, random_state=1)

model = models.Sequential([
    layers.Conv2D(8, (3, 3), activation="relu", input_shape=(IMG, IMG, 3)),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(len(classes), activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, validation_data=(x_test, y_test))
print(model.evaluate(x_test, y_test))
