# Reproduces: https://www.tensorflow.org/tutorials/keras/regression
# Style: preprocessing-layers, Normalization-adapt, pandas-like, sequential, regression
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

train_features = np.random.rand(300, 9).astype("float32") * 100
train_labels = np.random.rand(300).astype("float32") * 40

normalizer = tf.keras.layers.Normalization(axis=-1)
normalizer.adapt(np.array(train_features))


def build_and_compile_model(norm):
    model = tf.keras.Sequential([
        norm,
        layers.Dense(64, activation="relu"),
        layers.Dense(64, activation="relu"),
        layers.Dense(1),
    ])
    model.compile(loss="mean_absolute_error", optimizer=tf.keras.optimizers.Adam(0.001))
    return model


dnn_model = build_and_compile_model(normalizer)
dnn_model.fit(train_features, train_labels, validation_split=0.2, verbose=0, epochs=2)
print(dnn_model.predict(train_features[:5]).flatten())
