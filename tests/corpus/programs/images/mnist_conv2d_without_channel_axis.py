# Reproduces: https://byteacademy804.pages.dev/posts/2025-04-04-preprocessing-images-for-convolutional-neural-networks-cnns-with-keras-a-step-by-step-guide-to-resolving-common-errors
# Style: keras.datasets.mnist, normalise, to_categorical, Conv2D input_shape=(28, 28, 1) fed (N, 28, 28)
# Intent: works: the user forgot to reshape mnist to (N, 28, 28, 1), and Keras adds the channel axis itself
from tensorflow import keras
from tensorflow.keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[:300].astype("float32") / 255
x_test = x_test[:100].astype("float32") / 255
y_train = keras.utils.to_categorical(y_train[:300], 10)
y_test = keras.utils.to_categorical(y_test[:100], 10)

model = keras.Sequential([
    layers.Conv2D(8, kernel_size=(3, 3), activation="relu", input_shape=(28, 28, 1)),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=64, epochs=1, validation_split=0.1)
score = model.evaluate(x_test, y_test, verbose=0)
print("Test accuracy:", score[1])
