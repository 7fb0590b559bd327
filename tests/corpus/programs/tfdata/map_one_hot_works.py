# Reproduces: https://github.com/tensorflow/tensorflow/issues/78621
# Style: image_dataset_from_directory, map with tf.one_hot on the labels, prefetch
# Intent: works
import tensorflow as tf
from tensorflow import keras

IMG_SIZE = 64
ds_train = keras.utils.image_dataset_from_directory(
    "insects/train", image_size=(IMG_SIZE, IMG_SIZE), batch_size=4)
NUM_CLASSES = len(ds_train.class_names)


def input_preprocess(image, label):
    label = tf.one_hot(label, NUM_CLASSES)
    return image / 255.0, label


ds_train = ds_train.map(input_preprocess, num_parallel_calls=tf.data.AUTOTUNE).prefetch(tf.data.AUTOTUNE)

model = keras.Sequential([
    keras.layers.Input(shape=(IMG_SIZE, IMG_SIZE, 3)),
    keras.layers.Conv2D(8, 3, activation="relu"),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(NUM_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(ds_train, epochs=1)
