# Reproduces: https://github.com/tensorflow/tensorflow/issues/20805
# Style: custom-layer, build-input-shape, functional, sequence-input
# Intent: the custom layer sizes its kernel from input_shape[1] (the time axis, 10) instead of
#   the feature axis (4) on a (None, 10, 4) input; the matmul fails when the layer is called on
#   the Input, at `x = MyLayer(8)(inp)`.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class MyLayer(keras.layers.Layer):
    def __init__(self, output_dim, **kwargs):
        self.output_dim = output_dim
        super(MyLayer, self).__init__(**kwargs)

    def build(self, input_shape):
        shape = tf.TensorShape((input_shape[1], self.output_dim))
        self.kernel = self.add_weight(name="kernel", shape=shape,
                                      initializer="uniform", trainable=True)
        super(MyLayer, self).build(input_shape)

    def call(self, inputs):
        return tf.matmul(inputs, self.kernel)


inp = keras.layers.Input(shape=(10, 4), name="input")
x = MyLayer(8)(inp)
x = keras.layers.GlobalAveragePooling1D()(x)
out = keras.layers.Dense(1)(x)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(50, 10, 4), np.random.rand(50, 1), epochs=1)
