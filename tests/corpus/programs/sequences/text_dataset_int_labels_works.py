# Reproduces: https://github.com/tensorflow/tensorflow/issues/47021
# Style: text_dataset_from_directory with int labels, len(class_names) for the head, TextVectorization adapted on ds.map(lambda x, y: x), sparse loss
# Intent: works
import tensorflow as tf
from tensorflow.keras import layers

raw_train_ds = tf.keras.utils.text_dataset_from_directory("reviews/train", batch_size=8, seed=42)
num_classes = len(raw_train_ds.class_names)

vectorize_layer = layers.TextVectorization(max_tokens=100, output_sequence_length=12)
vectorize_layer.adapt(raw_train_ds.map(lambda x, y: x))

inputs = tf.keras.Input(shape=(1,), dtype="string")
x = vectorize_layer(inputs)
x = layers.Embedding(101, 8)(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(num_classes, activation="softmax")(x)
model = tf.keras.Model(inputs, outputs)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(raw_train_ds.cache().prefetch(2), epochs=1)
