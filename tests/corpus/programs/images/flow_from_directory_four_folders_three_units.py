# Reproduces: https://newbetuts.com/49392972-error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: ImageDataGenerator(rescale), flow_from_directory(target_size, class_mode='categorical'), Dense(3, softmax) hard-coded
# Intent: the training folder holds 4 class folders (one more added later) but the output layer has 3 units
from tensorflow.keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from tensorflow.keras.models import Sequential
from tensorflow.keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 32, 32
train_data_dir = "places/train"
batch_size = 4

train_datagen = ImageDataGenerator(rescale=1.0 / 255, shear_range=0.2, zoom_range=0.2)
train_generator = train_datagen.flow_from_directory(
    train_data_dir,
    target_size=(img_width, img_height),
    batch_size=batch_size,
    class_mode="categorical",
)

model = Sequential([
    Conv2D(8, (3, 3), activation="relu", input_shape=(img_width, img_height, 3)),
    MaxPooling2D(pool_size=(2, 2)),
    Flatten(),
    Dense(3, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(train_generator, epochs=1)
