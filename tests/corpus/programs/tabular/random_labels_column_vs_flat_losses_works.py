# Reproduces: https://github.com/tensorflow/tensorflow/issues/32333
# Style: np.random features, labels as (n,) and as (n, 1) columns, binary_crossentropy, sparse_categorical_crossentropy and mse on the same data
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n = 150
X = np.random.rand(n, 8)
y_flat = np.random.randint(0, 3, size=n)          # (150,)
y_col = y_flat.reshape(-1, 1)                       # (150, 1)
y_bin = (np.random.rand(n) > 0.5).astype("float32")


def make(units, activation):
    model = keras.Sequential([
        layers.Dense(16, activation="relu", input_shape=(8,)),
        layers.Dense(units, activation=activation),
    ])
    return model


for labels in (y_flat, y_col):
    clf = make(3, "softmax")
    clf.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    clf.fit(X, labels, epochs=1, verbose=0)

for labels in (y_bin, y_bin.reshape(-1, 1)):
    binary = make(1, "sigmoid")
    binary.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    binary.fit(X, labels, epochs=1, verbose=0)

reg = make(1, None)
reg.compile(optimizer="adam", loss="mse")
reg.fit(X, np.random.rand(n), epochs=1, verbose=0)
print(reg.evaluate(X, np.random.rand(n, 1), verbose=0))
