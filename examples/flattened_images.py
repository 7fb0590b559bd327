"""Flattened images fed to a convolutional model: (50, 784) into Conv2D(input_shape=(28, 28, 1))."""
import numpy as np
import tensorflow as tf

X = np.random.rand(50, 784)
y = np.random.randint(0, 10, 50)

model = tf.keras.models.Sequential([
    tf.keras.layers.Conv2D(8, 3, input_shape=(28, 28, 1)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10, activation='softmax'),
])
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model.fit(X, y, epochs=1)
