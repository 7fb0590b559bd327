# Reproduces: https://taourl.com/read-2292278.html
# Style: image_dataset_from_directory without image_size, model Input for smaller images
# Intent: leaves image_size at its default (256, 256); the model was built for 128x128
import tensorflow as tf
from tensorflow.keras import layers, models

train_ds = tf.keras.utils.image_dataset_from_directory(
    "mushroom_dataset",
    seed=123,
    batch_size=4,
    label_mode="binary",
)

model = models.Sequential([
    layers.Input(shape=(128, 128, 3)),
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(4, 3, strides=4, activation="relu"),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1)
