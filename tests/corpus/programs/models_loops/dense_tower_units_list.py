# Reproduces: https://github.com/Yoctol/yoctol-keras-layer-zoo/pull/4
# Style: layers-in-for-loop, units-list, functional, x = layer(x), regression
# Intent: works
import numpy as np
import tensorflow as tf

hidden_units = [128, 64, 32]
inp = tf.keras.layers.Input(shape=(9,))
x = inp
for units in hidden_units:
    x = tf.keras.layers.Dense(units, activation="relu")(x)
    x = tf.keras.layers.BatchNormalization()(x)
out = tf.keras.layers.Dense(1)(x)
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="mae")
model.fit(np.random.rand(200, 9), np.random.rand(200), epochs=2, batch_size=50, verbose=0)
print(model.predict(np.random.rand(3, 9)))
