# Reproduces: https://kiwix.lema.org/stackoverflow.com_en_all_2023-11/questions/67382294/tensorflow-predict-1-of-4-labels-for-text-classification
# Style: image_dataset_from_directory(label_mode='categorical'), cache/prefetch, sparse loss
# Intent: one-hot labels (label_mode='categorical') given to sparse_categorical_crossentropy
import tensorflow as tf

batch_size = 8
img_height = 64
img_width = 64

train_ds = tf.keras.utils.image_dataset_from_directory(
    "flower_photos",
    label_mode="categorical",
    image_size=(img_height, img_width),
    batch_size=batch_size,
)
class_names = train_ds.class_names
num_classes = len(class_names)
AUTOTUNE = tf.data.AUTOTUNE
train_ds = train_ds.cache().shuffle(100).prefetch(buffer_size=AUTOTUNE)

model = tf.keras.Sequential([
    tf.keras.layers.Rescaling(1.0 / 255, input_shape=(img_height, img_width, 3)),
    tf.keras.layers.Conv2D(8, 3, padding="same", activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(5),
])
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(train_ds, epochs=1)
