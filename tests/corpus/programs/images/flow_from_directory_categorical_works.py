# Reproduces: https://errorhandle.ai/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: ImageDataGenerator with validation_split, flow_from_directory subset, class_mode='categorical'
# Intent: works
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import layers, models

img_width, img_height = 64, 64
batch_size = 5
train_data_dir = "places/train"

datagen = ImageDataGenerator(rescale=1.0 / 255, validation_split=0.2)
train_generator = datagen.flow_from_directory(
    train_data_dir, target_size=(img_width, img_height), batch_size=batch_size,
    class_mode="categorical", subset="training")
validation_generator = datagen.flow_from_directory(
    train_data_dir, target_size=(img_width, img_height), batch_size=batch_size,
    class_mode="categorical", subset="validation")

model = models.Sequential([
    layers.Conv2D(8, (3, 3), activation="relu", input_shape=(img_width, img_height, 3)),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(3, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(train_generator, validation_data=validation_generator, epochs=1)
