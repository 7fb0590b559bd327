# Reproduces: https://www.tensorflow.org/tutorials/keras/regression
# Style: preprocessing-layers, Normalization-adapt, feature-selection, sequential
# Intent: the Normalization layer is adapted on all 9 columns, but after dropping columns the
#   model is trained on 5; model.fit raises at the Normalization layer (its mean has 9 values).
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

train_features = np.random.rand(200, 9).astype("float32")
train_labels = np.random.rand(200).astype("float32")

normalizer = layers.Normalization(axis=-1)
normalizer.adapt(train_features)

selected = train_features[:, :5]
model = tf.keras.Sequential([normalizer, layers.Dense(32, activation="relu"), layers.Dense(1)])
model.compile(loss="mean_absolute_error", optimizer="adam")
model.fit(selected, train_labels, epochs=1, verbose=0)
