# Reproduces: https://taourl.com/read-2292278.html
# Style: image_dataset_from_directory with validation_split, label_mode='binary', Rescaling layer
# Intent: works
import tensorflow as tf
from tensorflow.keras import layers, models

data_dir = "mushroom_dataset"
img_size = (64, 64)

train_ds = tf.keras.utils.image_dataset_from_directory(
    data_dir,
    validation_split=0.2,
    subset="training",
    seed=123,
    image_size=img_size,
    batch_size=8,
    label_mode="binary",  # Critical for 2 classes
)
val_ds = tf.keras.utils.image_dataset_from_directory(
    data_dir,
    validation_split=0.2,
    subset="validation",
    seed=123,
    image_size=img_size,
    batch_size=8,
    label_mode="binary",
)
print(train_ds.class_names)

model = models.Sequential(
    [
        layers.Rescaling(1.0 / 255, input_shape=(*img_size, 3)),
        layers.Conv2D(8, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(1, activation="sigmoid"),  # single neuron for binary classification
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=1)
