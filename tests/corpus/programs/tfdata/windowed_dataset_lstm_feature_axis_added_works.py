# Reproduces: https://stackoverflow.com/questions/71211960
# Style: windowed_dataset helper (window, flat_map(lambda window: window.batch), map to (window[:-1], window[-1])), LSTM
# Intent: works: a 1-D series gives windows without a feature axis, and Keras adds the one the LSTM's input (20, 1) needs
import numpy as np
import tensorflow as tf

time = np.arange(400, dtype="float32")
series = np.sin(time / 10.0) + np.random.randn(400).astype("float32") * 0.1

window_size = 20
batch_size = 32
shuffle_buffer_size = 100


def windowed_dataset(series, window_size, batch_size, shuffle_buffer):
    dataset = tf.data.Dataset.from_tensor_slices(series)
    dataset = dataset.window(window_size + 1, shift=1, drop_remainder=True)
    dataset = dataset.flat_map(lambda window: window.batch(window_size + 1))
    dataset = dataset.shuffle(shuffle_buffer).map(lambda window: (window[:-1], window[-1]))
    dataset = dataset.batch(batch_size).prefetch(1)
    return dataset


train_set = windowed_dataset(series, window_size, batch_size, shuffle_buffer_size)

model = tf.keras.models.Sequential([
    tf.keras.layers.LSTM(16, input_shape=[window_size, 1]),
    tf.keras.layers.Dense(1),
])
model.compile(loss="mse", optimizer=tf.keras.optimizers.SGD(learning_rate=1e-5, momentum=0.9))
model.fit(train_set, epochs=1)
