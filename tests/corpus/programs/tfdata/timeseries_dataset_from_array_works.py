# Reproduces: https://github.com/tensorflow/tensorflow/issues/44046
# Style: keras.utils.timeseries_dataset_from_array, targets shifted by the window length, LSTM
# Intent: works
import numpy as np
from tensorflow import keras

series = np.sin(np.arange(400) / 10.0).astype("float32")
features = series.reshape(-1, 1)
sequence_length = 20

dataset = keras.utils.timeseries_dataset_from_array(
    data=features[:-sequence_length],
    targets=series[sequence_length:],
    sequence_length=sequence_length,
    batch_size=32,
)
for batch in dataset.take(1):
    inputs, targets = batch
    print("Input shape:", inputs.numpy().shape, "Target shape:", targets.numpy().shape)

model = keras.Sequential([
    keras.layers.Input(shape=(sequence_length, 1)),
    keras.layers.LSTM(8),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(dataset, epochs=1)
