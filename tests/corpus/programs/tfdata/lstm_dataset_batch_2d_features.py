# Reproduces: https://github.com/tensorflow/tensorflow/issues/53633
# Style: pandas features, from_tensor_slices, dataset.batch(), LSTM with input_shape=(1, n_features)
# Intent: the rows are 2-D (samples, features); batching gives (batch, features), not the (batch, 1, features) the LSTM takes
import numpy as np
import pandas as pd
import tensorflow as tf

df = pd.DataFrame(np.random.rand(160, 6), columns=["f%d" % i for i in range(5)] + ["target"])
X = df.drop(columns=["target"]).values.astype("float32")
y = df["target"].values.astype("float32")
n_features = X.shape[1]

dataset = tf.data.Dataset.from_tensor_slices((X, y))
dataset = dataset.batch(16)

model = tf.keras.Sequential()
model.add(tf.keras.layers.LSTM(8, input_shape=(1, n_features)))
model.add(tf.keras.layers.Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(dataset, epochs=1)
