# Reproduces: https://keras.io/examples/vision/mnist_convnet/
# Style: model.add-in-loop, conv-blocks, sequential, filters-list, mnist
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x_train = np.expand_dims(x_train[:256].astype("float32") / 255, -1)
y_train = keras.utils.to_categorical(y_train[:256], 10)

model = keras.Sequential()
model.add(keras.Input(shape=(28, 28, 1)))
for filters in [16, 32]:
    model.add(layers.Conv2D(filters, kernel_size=(3, 3), activation="relu"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dropout(0.5))
model.add(layers.Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=64, epochs=1, validation_split=0.1)
