# Reproduces: https://blog.youkuaiyun.com/Strive_For_Future/article/details/92571705
# Style: from_tensor_slices, map with a normalise function that also expand_dims, batch, Dense model
# Intent: works, though not as meant: the map adds a trailing axis, Dense maps (batch, 8, 1) to (batch, 8, 1) and the loss broadcasts against (batch, 1)
import numpy as np
import tensorflow as tf

x = np.random.rand(96, 8).astype("float32")
y = np.random.randint(0, 2, size=(96, 1)).astype("float32")


def normalize(features, label):
    features = (features - 0.5) / 0.5
    features = tf.expand_dims(features, -1)
    return features, label


ds = tf.data.Dataset.from_tensor_slices((x, y)).map(normalize).batch(16)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(8,)),
    tf.keras.layers.Dense(4, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(ds, epochs=1)
