# Reproduces: https://devsolus.com/why-do-we-reshape-grayscale-image-to-xy1/
# Style: mnist.load_data, reshape to (n, 28, 28, 1), to_categorical, a quick np.random.rand(28, 28) test image given to predict as it is
# Intent: predicts on one (28, 28) grayscale image without the batch and channel axes
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x_train = x_train[:256].reshape(-1, 28, 28, 1).astype("float32") / 255
y_train = keras.utils.to_categorical(y_train[:256], 10)

model = keras.Sequential([
    layers.Conv2D(8, (3, 3), activation="relu", input_shape=(28, 28, 1)),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=64, verbose=0)

test_image = np.random.rand(28, 28)
prediction = model.predict(test_image)
print(np.argmax(prediction))
