# Reproduces: https://keras.io/guides/making_new_layers_and_models_via_subclassing/
# Style: Keras 3 keras.ops in a custom layer (ops.tanh, ops.matmul, ops.softmax over time, ops.sum, ops.expand_dims), np.random sequences, GRU(return_sequences=True)
# Intent: works under Keras 3; Keras 2 (tf_keras) has no keras.ops, so the import fails there
import numpy as np
import keras
from keras import ops, layers


class AttentionPooling(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], 1), initializer="glorot_uniform", name="att_w")
        self.b = self.add_weight(shape=(input_shape[1], 1), initializer="zeros", name="att_b")

    def call(self, x):
        e = ops.tanh(ops.matmul(x, self.w) + self.b)       # (batch, time, 1)
        a = ops.softmax(ops.squeeze(e, axis=-1), axis=-1)   # (batch, time)
        a = ops.expand_dims(a, axis=-1)                     # (batch, time, 1)
        return ops.sum(x * a, axis=1)                       # (batch, features)


x_train = np.random.rand(96, 15, 6).astype("float32")
y_train = np.random.randint(0, 2, size=(96, 1))

inputs = keras.Input(shape=(15, 6))
h = layers.GRU(16, return_sequences=True)(inputs)
h = AttentionPooling()(h)
outputs = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)
print(model.predict(x_train[:3], verbose=0).shape)
