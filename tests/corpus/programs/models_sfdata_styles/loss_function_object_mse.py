# Reproduces: https://github.com/tensorflow/tensorflow/issues/43379
# Style: loss-as-function-object, tf.keras.losses.mse, regression, multi-target
# Intent: works
import numpy as np
import tensorflow as tf

x = np.random.rand(120, 6).astype("float32")
y = np.random.rand(120, 2).astype("float32")
model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(6,)),
    tf.keras.layers.Dense(16, activation="relu"),
    tf.keras.layers.Dense(2),
])
model.compile(optimizer="adam", loss=tf.keras.losses.mse, metrics=[tf.keras.metrics.mae])
model.fit(x, y, epochs=2, batch_size=24, verbose=0)
print(model.evaluate(x, y, verbose=0))
