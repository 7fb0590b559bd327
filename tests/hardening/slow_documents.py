"""Documents that take the analysis a long time: many bad `fit` calls (each one an error)."""

from __future__ import annotations

HEADER = """import numpy as np
import tensorflow as tf

X = np.random.rand(150, 20, 3)
y = np.random.randint(0, 2, size=150)
model = tf.keras.models.Sequential([
    tf.keras.layers.LSTM(units=32, input_shape=(20, 5)),
    tf.keras.layers.Dense(units=1, activation='sigmoid')
])
model.compile(optimizer='adam', loss='binary_crossentropy')
"""
BAD_FIT = "model.fit(X, y, epochs=1)\n"


def bad_fits(count: int) -> str:
    """`count` top-level statements, each an SS102 error."""
    return HEADER + BAD_FIT * count
