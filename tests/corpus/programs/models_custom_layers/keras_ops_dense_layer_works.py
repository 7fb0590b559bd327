# Reproduces: https://keras.io/guides/making_new_layers_and_models_via_subclassing/
# Style: Keras 3 `from keras import ops`, custom layer with build(input_shape) + add_weight, ops.matmul/ops.relu in call, np.random data
# Intent: works under Keras 3; Keras 2 (tf_keras) has no keras.ops, so the import fails there
import numpy as np
import keras
from keras import ops, layers


class ReluDense(layers.Layer):
    def __init__(self, units=32, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform", trainable=True)
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.relu(ops.matmul(inputs, self.w) + self.b)


x_train = np.random.rand(128, 20).astype("float32")
y_train = np.random.randint(0, 3, size=(128,))

inputs = keras.Input(shape=(20,))
x = ReluDense(32)(inputs)
x = ReluDense(16)(x)
outputs = layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=2, batch_size=32, verbose=0)
print(model.predict(x_train[:2], verbose=0).shape)
