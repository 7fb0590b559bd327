# Reproduces: https://newbetuts.com/49392972-error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: keras.datasets.cifar10, to_categorical, ImageDataGenerator.fit + flow, steps_per_epoch
# Intent: works under Keras 2 (Keras 3 has no keras.preprocessing.image.ImageDataGenerator: ImportError)
import keras
from keras.datasets import cifar10
from keras.preprocessing.image import ImageDataGenerator
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout

num_classes = 10
batch_size = 32

(x_train, y_train), (x_test, y_test) = cifar10.load_data()
x_train, y_train = x_train[:320], y_train[:320]
x_test, y_test = x_test[:64], y_test[:64]
print("x_train shape:", x_train.shape)

y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)
x_train = x_train.astype("float32") / 255
x_test = x_test.astype("float32") / 255

model = Sequential()
model.add(Conv2D(8, (3, 3), padding="same", activation="relu", input_shape=x_train.shape[1:]))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

datagen = ImageDataGenerator(width_shift_range=0.1, height_shift_range=0.1, horizontal_flip=True)
datagen.fit(x_train)
model.fit(datagen.flow(x_train, y_train, batch_size=batch_size),
          steps_per_epoch=len(x_train) // batch_size, epochs=1,
          validation_data=(x_test, y_test))
