# Reproduces: https://www.tensorflow.org/tutorials/keras/text_classification
# Style: TextVectorization-adapt, output_sequence_length, tf.data map, Embedding, GlobalAveragePooling1D
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

reviews = np.array([
    "a wonderful film with a great cast",
    "boring and far too long",
    "i loved every minute of it",
    "the plot made no sense at all",
] * 8)
sentiment = np.array([1, 0, 1, 0] * 8)

max_features = 200
sequence_length = 12
vectorize_layer = layers.TextVectorization(
    max_tokens=max_features, output_mode="int", output_sequence_length=sequence_length
)
vectorize_layer.adapt(reviews)

model = tf.keras.Sequential([
    tf.keras.Input(shape=(1,), dtype=tf.string),
    vectorize_layer,
    layers.Embedding(max_features, 16),
    layers.Dropout(0.2),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
print(model.output_shape)

train_ds = tf.data.Dataset.from_tensor_slices((reviews, sentiment)).batch(8)
model.fit(train_ds, epochs=1, verbose=0)
