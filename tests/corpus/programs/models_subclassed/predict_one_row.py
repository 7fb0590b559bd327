# Reproduces: https://github.com/keras-team/keras/issues/15521
# Style: subclassed-model, predict, single-sample, 1d-input
# Intent: after training, one sample x_test[0] of shape (8,) is passed to predict without a
#   batch axis; model.predict raises (Dense expects min_ndim=2).
import numpy as np
from tensorflow import keras


class Regressor(keras.Model):
    def __init__(self):
        super().__init__()
        self.h1 = keras.layers.Dense(32, activation="relu")
        self.h2 = keras.layers.Dense(1)

    def call(self, x):
        return self.h2(self.h1(x))


x_train = np.random.rand(100, 8)
y_train = np.random.rand(100)
x_test = np.random.rand(10, 8)

model = Regressor()
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, verbose=0)
pred = model.predict(x_test[0])
print(pred)
