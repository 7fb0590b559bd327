# Reproduces: https://github.com/zenoxml/SciREX/issues/94
# Style: subclassed-model, layers-in-list, for-loop-in-init, numpy, regression
# Intent: works
import numpy as np
from tensorflow import keras


class DenseNet(keras.Model):
    def __init__(self, layer_dims, activation="tanh"):
        super().__init__()
        self.layer_list = []
        for units in layer_dims[1:-1]:
            self.layer_list.append(keras.layers.Dense(units, activation=activation))
        self.out = keras.layers.Dense(layer_dims[-1])

    def call(self, inputs):
        x = inputs
        for layer in self.layer_list:
            x = layer(x)
        return self.out(x)


X = np.random.rand(300, 2).astype("float32")
y = np.sin(X[:, :1]) + np.cos(X[:, 1:])

model = DenseNet([2, 30, 30, 30, 1])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=2, batch_size=64, verbose=0)
print(model.predict(X[:5]).shape)
