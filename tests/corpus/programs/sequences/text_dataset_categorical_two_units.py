# Reproduces: https://github.com/tensorflow/tensorflow/issues/47021
# Style: text_dataset_from_directory with label_mode="categorical", TextVectorization adapted on ds.map(lambda x, y: x), string Input, Embedding
# Intent: three class folders give labels (batch, 3); the head was written for two classes
import tensorflow as tf
from tensorflow.keras import layers

raw_train_ds = tf.keras.preprocessing.text_dataset_from_directory(
    "reviews/train", label_mode="categorical", batch_size=8, seed=42)

vectorize_layer = layers.TextVectorization(max_tokens=100, output_sequence_length=12)
train_text = raw_train_ds.map(lambda x, y: x)
vectorize_layer.adapt(train_text)

inputs = tf.keras.Input(shape=(1,), dtype="string")
x = vectorize_layer(inputs)
x = layers.Embedding(101, 8)(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = tf.keras.Model(inputs, outputs)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(raw_train_ds, epochs=1)
