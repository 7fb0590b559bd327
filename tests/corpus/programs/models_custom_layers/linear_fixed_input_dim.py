# Reproduces: https://github.com/keras-team/keras-io/pull/297
# Style: custom-layer, weights-in-init, input_dim-argument, tf.matmul
# Intent: the Linear layer of the subclassing guide creates its weights in __init__ for
#   input_dim=32, but is called on a tensor with 64 features; the call y = linear_layer(x)
#   raises in the matmul.
import tensorflow as tf
from tensorflow import keras


class Linear(keras.layers.Layer):
    def __init__(self, units=32, input_dim=32):
        super().__init__()
        self.w = self.add_weight(shape=(input_dim, units), initializer="random_normal",
                                 trainable=True)
        self.b = self.add_weight(shape=(units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return tf.matmul(inputs, self.w) + self.b


x = tf.ones((3, 64))
linear_layer = Linear(4, 32)
y = linear_layer(x)
print(y)
