# Reproduces: https://github.com/tensorflow/tensorflow/issues/44046
# Style: keras.utils.timeseries_dataset_from_array with targets of two columns, batch_size, Dense(1) head, mae
# Intent: works, wrongly: the targets have two columns but the model predicts one value, and mae broadcasts it against both (no error in Keras 3 or 2)
import numpy as np
from tensorflow import keras

data = np.random.rand(300, 4).astype("float32")
past, future = 16, 4
targets = data[past + future:, :2]
train = keras.utils.timeseries_dataset_from_array(
    data[: -(past + future)], targets, sequence_length=past, batch_size=32)

model = keras.Sequential([
    keras.layers.Input(shape=(past, 4)),
    keras.layers.GRU(8),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mae")
model.fit(train, epochs=1)
