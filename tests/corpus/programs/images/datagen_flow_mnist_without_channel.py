# Reproduces: https://m.jb51.cc/faq/3080888.html
# Style: keras.datasets.mnist, ImageDataGenerator augmentation with datagen.flow on (N, 28, 28)
# Intent: datagen.flow needs rank-4 images; the mnist arrays have no channel axis
from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[:256].astype("float32") / 255
y_train = keras.utils.to_categorical(y_train[:256], 10)

datagen = ImageDataGenerator(rotation_range=10, width_shift_range=0.1, height_shift_range=0.1)

model = keras.Sequential([
    keras.layers.Conv2D(8, 3, activation="relu", input_shape=(28, 28, 1)),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(datagen.flow(x_train, y_train, batch_size=32), epochs=1)
