# Reproduces: https://www.tensorflow.org/versions/r2.12/api_docs/python/tf/keras/utils/image_dataset_from_directory
# Style: image_dataset_from_directory(label_mode='categorical', image_size), Rescaling, Dense(3, softmax), categorical_crossentropy
# Intent: works
import tensorflow as tf

train_ds = tf.keras.utils.image_dataset_from_directory(
    "flowers",
    label_mode="categorical",
    image_size=(32, 32),
    batch_size=4,
)
print(train_ds.class_names)

model = tf.keras.Sequential([
    tf.keras.layers.Rescaling(1.0 / 255, input_shape=(32, 32, 3)),
    tf.keras.layers.Conv2D(8, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1)
