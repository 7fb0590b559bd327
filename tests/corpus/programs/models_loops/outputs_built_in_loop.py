# Reproduces: https://github.com/shenweichen/DeepCTR/issues/356
# Style: layers-in-for-loop, list-comprehension-outputs, multi-output, list-labels
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n_tasks = 3
inputs = keras.Input(shape=(12,))
x = inputs
for units in [64, 32]:
    x = layers.Dense(units, activation="relu")(x)
outputs = [layers.Dense(1, activation="sigmoid", name=f"task_{i}")(x) for i in range(n_tasks)]
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=["binary_crossentropy"] * n_tasks)

X = np.random.rand(150, 12)
ys = [np.random.randint(0, 2, (150, 1)) for _ in range(n_tasks)]
model.fit(X, ys, epochs=1, batch_size=30)
