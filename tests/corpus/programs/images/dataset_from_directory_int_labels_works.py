# Reproduces: https://kiwix.lema.org/stackoverflow.com_en_all_2023-11/questions/67382294/tensorflow-predict-1-of-4-labels-for-text-classification
# Style: image_dataset_from_directory default int labels, data augmentation layers, from_logits
# Intent: works
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

img_height = img_width = 64
train_ds = keras.utils.image_dataset_from_directory(
    "flower_photos", validation_split=0.2, subset="training", seed=123,
    image_size=(img_height, img_width), batch_size=8)
val_ds = keras.utils.image_dataset_from_directory(
    "flower_photos", validation_split=0.2, subset="validation", seed=123,
    image_size=(img_height, img_width), batch_size=8)
num_classes = len(train_ds.class_names)

data_augmentation = keras.Sequential([
    layers.RandomFlip("horizontal"),
    layers.RandomRotation(0.1),
])

model = keras.Sequential([
    keras.Input(shape=(img_height, img_width, 3)),
    data_augmentation,
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(8, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(num_classes),
])
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
history = model.fit(train_ds, validation_data=val_ds, epochs=1)
