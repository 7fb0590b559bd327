# Reproduces: https://keras.io/guides/making_new_layers_and_models_via_subclassing/
# Style: Keras 3 `from keras import ops`, custom layer creating its weight in __init__ with a fixed input_dim, ops.matmul in call, np.random data
# Intent: the layer's weight is made for input_dim=32 but the data has 20 features: ops.matmul fails (Keras 2 has no keras.ops; the import fails there)
import numpy as np
import keras
from keras import ops, layers


class Linear(layers.Layer):
    def __init__(self, units=32, input_dim=32):
        super().__init__()
        self.w = self.add_weight(shape=(input_dim, units), initializer="random_normal", trainable=True)
        self.b = self.add_weight(shape=(units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.w) + self.b


x_train = np.random.rand(128, 20).astype("float32")
y_train = np.random.rand(128, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(20,)),
    Linear(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=2, batch_size=32, verbose=0)
