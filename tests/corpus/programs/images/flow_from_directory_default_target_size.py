# Reproduces: https://newbetuts.com/49392972-error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: constants at the top, ImageDataGenerator, flow_from_directory without target_size
# Intent: leaves target_size at its default (256, 256) while the model takes 64x64 images
from keras.preprocessing.image import ImageDataGenerator
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

# Constants used
img_width, img_height = 64, 64
train_data_dir = "places/train"
batch_size = 5
epochs = 1

input_shape = (img_width, img_height, 3)

train_datagen = ImageDataGenerator(rescale=1.0 / 255)
train_generator = train_datagen.flow_from_directory(
    train_data_dir, batch_size=batch_size, class_mode="categorical")

model = Sequential([
    Conv2D(8, (3, 3), activation="relu", input_shape=input_shape),
    MaxPooling2D(pool_size=(2, 2)),
    Flatten(),
    Dense(3, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
model.fit(train_generator, epochs=epochs)
