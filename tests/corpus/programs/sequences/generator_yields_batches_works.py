# Reproduces: http://www.brokencontrollers.com/faq/46135499.shtml
# Style: a Python generator yielding batches sliced from numpy arrays, fit with steps_per_epoch
# Intent: works
import numpy as np
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model

X = np.random.rand(64, 10).astype("float32")
Y = np.random.rand(64, 1).astype("float32")
BATCH = 16


def batch_generator(x, y, batch_size):
    while True:
        idx = np.random.permutation(len(x))
        for start in range(0, len(x), batch_size):
            sel = idx[start:start + batch_size]
            yield x[sel], y[sel]


input_vals = Input(shape=(10,))
output = Dense(1, activation="relu")(input_vals)
model = Model(inputs=input_vals, outputs=output)
model.compile("rmsprop", "mean_squared_error")
model.fit(batch_generator(X, Y, BATCH), steps_per_epoch=len(X) // BATCH, epochs=1, verbose=2)
