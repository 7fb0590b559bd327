# Reproduces: https://www.tensorflow.org/tutorials/keras/regression
# Style: preprocessing-layers, Normalization-axis-None, input_shape, one-feature, predict
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

horsepower = (np.random.rand(250) * 200).astype("float32")
mpg = (np.random.rand(250) * 40).astype("float32")

horsepower_normalizer = layers.Normalization(input_shape=[1, ], axis=None)
horsepower_normalizer.adapt(horsepower)

horsepower_model = tf.keras.Sequential([
    horsepower_normalizer,
    layers.Dense(units=1),
])
horsepower_model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.1),
                         loss="mean_absolute_error")
horsepower_model.fit(horsepower, mpg, epochs=2, verbose=0, validation_split=0.2)
x = tf.linspace(0.0, 250, 251)
y = horsepower_model.predict(x)
print(y.shape)
