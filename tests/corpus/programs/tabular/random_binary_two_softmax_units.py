# Reproduces: https://errorhandle.ai/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: np.random features and 0/1 labels of shape (n,), Dense(2, softmax) output with binary_crossentropy
# Intent: binary_crossentropy on 2 softmax units with 0/1 labels of shape (300,): Keras 3 wants labels of the output's rank, Keras 2 of its shape
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

X = np.random.rand(300, 12)
y = np.random.randint(0, 2, size=(300,))

model = Sequential()
model.add(Dense(16, input_dim=12, activation="relu"))
model.add(Dense(2, activation="softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=32, verbose=0)

