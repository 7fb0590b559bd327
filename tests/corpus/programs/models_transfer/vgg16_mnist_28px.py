# Reproduces: https://github.com/benchopt/benchmark_resnet_classif/pull/3
# Style: applications, VGG16, mnist, grayscale repeated to 3 channels, include_top=False, Flatten head
# Intent: MNIST digits are 28x28, smaller than VGG16's minimum input of 32x32; the
#   constructor raises (Input size must be at least 32x32).
import numpy as np
from tensorflow import keras
from tensorflow.keras.applications.vgg16 import VGG16, preprocess_input

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x_train, y_train = x_train[:64], y_train[:64]
x_train = np.repeat(x_train[..., np.newaxis], 3, axis=-1).astype("float32")
x_train = preprocess_input(x_train)

conv_base = VGG16(weights="imagenet", include_top=False, input_shape=(28, 28, 3))
conv_base.trainable = False

model = keras.models.Sequential()
model.add(conv_base)
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(10, activation="softmax"))
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["acc"])
model.fit(x_train, y_train, epochs=1, batch_size=32)
