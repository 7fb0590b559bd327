# Reproduces: https://blog.youkuaiyun.com/Strive_For_Future/article/details/92571705
# Style: from_tensor_slices with a tuple (features, labels), shuffle, batch
# Intent: works
import numpy as np
import tensorflow as tf

features = np.random.rand(100, 4).astype("float32")
labels = np.random.randint(0, 3, size=100)

train_ds = tf.data.Dataset.from_tensor_slices((features, labels)).shuffle(100).batch(10)

model = tf.keras.Sequential([
    tf.keras.layers.Dense(10, activation="relu", input_shape=(4,)),
    tf.keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1)
