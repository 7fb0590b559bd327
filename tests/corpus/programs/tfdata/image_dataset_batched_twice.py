# Reproduces: https://github.com/tensorflow/tensorflow/issues/78621
# Style: image_dataset_from_directory (already batched) then map(preprocess) and .batch() again
# Intent: batches an already batched dataset: (32, None, 64, 64, 3) into the model
import tensorflow as tf
from tensorflow import keras

IMG_SIZE = 64
BATCH_SIZE = 4

ds_train = keras.utils.image_dataset_from_directory(
    "insects/train", image_size=(IMG_SIZE, IMG_SIZE), batch_size=BATCH_SIZE, label_mode="categorical")
NUM_CLASSES = len(ds_train.class_names)


def input_preprocess(image, label):
    image = tf.cast(image, tf.float32) / 255.0
    return image, label


ds_train = ds_train.map(input_preprocess, num_parallel_calls=tf.data.AUTOTUNE)
ds_train = ds_train.batch(batch_size=BATCH_SIZE, drop_remainder=True)
ds_train = ds_train.prefetch(tf.data.AUTOTUNE)

inputs = keras.layers.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
x = keras.layers.Conv2D(8, 3, activation="relu")(inputs)
x = keras.layers.GlobalAveragePooling2D()(x)
outputs = keras.layers.Dense(NUM_CLASSES, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(ds_train, epochs=1)
