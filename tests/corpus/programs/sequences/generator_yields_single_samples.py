# Reproduces: http://www.brokencontrollers.com/faq/46135499.shtml
# Style: a Python generator function yielding (x, y) pairs one sample at a time, fit with steps_per_epoch
# Intent: the generator yields single samples without a batch axis, so Dense gets rank-1 input
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model

X = np.random.rand(64, 10).astype("float32")
Y = np.random.rand(64, 1).astype("float32")


def create_data_generator():
    while True:
        for i in np.random.permutation(len(X)):
            yield X[i], Y[i]


datagen = create_data_generator()

input_vals = Input(shape=(10,))
output = Dense(1, activation="relu")(input_vals)
model = Model(inputs=input_vals, outputs=output)
model.compile("rmsprop", "mean_squared_error")
model.fit(datagen, steps_per_epoch=4, epochs=1, verbose=2)
