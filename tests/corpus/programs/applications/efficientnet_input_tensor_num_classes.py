# Reproduces: https://keras.io/examples/vision/image_classification_efficientnet_fine_tuning/
# Style: augmentation Sequential, EfficientNetB0(input_tensor=augmented), model.output, GlobalAveragePooling2D, to_categorical labels
# Intent: the backbone is built on the augmentation block's output (input_tensor=x), and the head
#   has NUM_CLASSES = 4 units while the one-hot labels have 6 columns (six breeds); model.fit
#   raises on the labels.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.applications import EfficientNetB0

IMG_SIZE = 64
NUM_CLASSES = 4
BREEDS = 6

img_augmentation = keras.Sequential(
    [layers.RandomRotation(factor=0.15), layers.RandomFlip()],
    name="img_augmentation",
)


def build_model(num_classes):
    inputs = layers.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
    x = img_augmentation(inputs)
    model = EfficientNetB0(include_top=False, input_tensor=x, weights="imagenet")
    model.trainable = False
    x = layers.GlobalAveragePooling2D(name="avg_pool")(model.output)
    x = layers.BatchNormalization()(x)
    x = layers.Dropout(0.2, name="top_dropout")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="pred")(x)
    model = keras.Model(inputs, outputs, name="EfficientNet")
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


images = np.random.rand(16, IMG_SIZE, IMG_SIZE, 3).astype("float32") * 255
breed_ids = np.random.randint(0, BREEDS, 16)
labels = keras.utils.to_categorical(breed_ids, BREEDS)

model = build_model(num_classes=NUM_CLASSES)
model.fit(images, labels, epochs=1, batch_size=8, verbose=2)
