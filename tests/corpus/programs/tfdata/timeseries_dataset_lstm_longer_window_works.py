# Reproduces: https://github.com/tensorflow/tensorflow/issues/44046
# Style: keras.utils.timeseries_dataset_from_array with sampling_rate and sequence_stride, LSTM Input written for a longer window
# Intent: works: tf.data leaves the window axis undefined, so Keras runs the LSTM on windows of 12 although its Input says 24
import numpy as np
from tensorflow import keras

features = np.random.rand(400, 3).astype("float32")
temperature = features[:, 0]
sequence_length = 12
dataset = keras.utils.timeseries_dataset_from_array(
    features[:-sequence_length],
    temperature[sequence_length:],
    sequence_length=sequence_length,
    sampling_rate=2,
    sequence_stride=2,
    batch_size=32,
)

inputs = keras.layers.Input(shape=(24, 3))
x = keras.layers.LSTM(8)(inputs)
outputs = keras.layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(dataset, epochs=1)
