# Reproduces: https://packtpub.com/en-in/product/tensorflow-20-quick-start-guide-9781789530759/chapter/ann-technologies-using-tensorflow-2-4/section/one-hot-encoding-ch04lvl1sec18
# Style: tf.one_hot(y, depth=10) labels, numpy features, Dense(num_classes) from another constant
# Intent: one-hot labels of depth 10 against a softmax output of 9 units (an off-by-one class count)
import numpy as np
import tensorflow as tf

NUM_DIGITS = 10
num_classes = NUM_DIGITS - 1  # "0 is not a class"

x_train = np.random.rand(200, 64).astype("float32")
y = np.random.randint(0, NUM_DIGITS, size=(200,))
y_train_ohe = tf.one_hot(y, depth=NUM_DIGITS)

model = tf.keras.Sequential([
    tf.keras.layers.Dense(32, activation="relu", input_shape=(64,)),
    tf.keras.layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train_ohe, epochs=1, batch_size=32)
