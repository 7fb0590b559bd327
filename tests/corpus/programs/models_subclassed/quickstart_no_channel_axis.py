# Reproduces: https://github.com/keras-team/keras/issues/12622
# Style: subclassed-model, mnist, conv2d-in-call, fit
# Intent: the user skipped the "add a channels dimension" step of the TensorFlow quickstart:
#   (N, 28, 28) images reach the Conv2D inside call() with rank 3; model.fit raises
#   (Conv2D expects ndim=4).
import tensorflow as tf
from tensorflow.keras.layers import Dense, Flatten, Conv2D
from tensorflow.keras import Model

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
x_train = x_train[:200] / 255.0
y_train = y_train[:200]


class MyModel(Model):
    def __init__(self):
        super(MyModel, self).__init__()
        self.conv1 = Conv2D(8, 3, activation="relu")
        self.flatten = Flatten()
        self.d1 = Dense(32, activation="relu")
        self.d2 = Dense(10)

    def call(self, x):
        x = self.conv1(x)
        x = self.flatten(x)
        x = self.d1(x)
        return self.d2(x)


model = MyModel()
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1)
