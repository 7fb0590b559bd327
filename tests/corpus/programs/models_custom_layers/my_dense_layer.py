# Reproduces: https://www.tensorflow.org/tutorials/customization/custom_layers
# Style: custom-layer, build-input-shape, add_weight, sequential
# Intent: works
import numpy as np
import tensorflow as tf


class MyDenseLayer(tf.keras.layers.Layer):
    def __init__(self, num_outputs):
        super(MyDenseLayer, self).__init__()
        self.num_outputs = num_outputs

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel",
                                      shape=[int(input_shape[-1]), self.num_outputs])

    def call(self, inputs):
        return tf.matmul(inputs, self.kernel)


model = tf.keras.Sequential([
    tf.keras.Input(shape=(5,)),
    MyDenseLayer(10),
    tf.keras.layers.Activation("relu"),
    tf.keras.layers.Dense(1),
])
X = np.random.rand(100, 5).astype("float32")
y = np.random.rand(100, 1).astype("float32")
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=2, verbose=0)
print(model.predict(X[:3]))
