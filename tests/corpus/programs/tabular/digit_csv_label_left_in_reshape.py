# Reproduces: https://gh24h2.wildberg.icu/PRAN20/Digit-Recognizer-Kaggle
# Style: pandas read_csv of the Kaggle digit CSV, .values.reshape(-1, 28, 28, 1) with the label column still in
# Intent: reshapes all 785 columns (label included) into 28x28 images; numpy raises
import numpy as np
import pandas as pd
from tensorflow import keras

train = pd.read_csv("train.csv")
labels = train["label"].values

images = train.values.reshape(-1, 28, 28, 1).astype("float32") / 255
model = keras.Sequential([
    keras.layers.Conv2D(8, 3, activation="relu", input_shape=(28, 28, 1)),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, epochs=1)
