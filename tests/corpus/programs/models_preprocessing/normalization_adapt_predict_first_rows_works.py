# Reproduces: https://www.tensorflow.org/tutorials/keras/regression
# Style: pandas DataFrame from np.random, train_features.pop(label), Normalization(axis=-1).adapt, np.array(train_features[:1]), one-feature horsepower model
# Intent: works
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

column_names = ["MPG", "Cylinders", "Displacement", "Horsepower", "Weight", "Acceleration"]
raw = pd.DataFrame(np.random.rand(120, len(column_names)) * 100, columns=column_names)

train_dataset = raw.sample(frac=0.8, random_state=0)
train_features = train_dataset.copy()
train_labels = train_features.pop("MPG")

normalizer = layers.Normalization(axis=-1)
normalizer.adapt(np.array(train_features))
first = np.array(train_features[:1])
print("Normalized:", normalizer(first).numpy())

linear_model = keras.Sequential([normalizer, layers.Dense(units=1)])
linear_model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.1), loss="mean_absolute_error")
linear_model.fit(train_features, train_labels, epochs=2, verbose=0, validation_split=0.2)
print(linear_model.predict(train_features[:10], verbose=0).shape)

horsepower = np.array(train_features["Horsepower"])
horsepower_normalizer = layers.Normalization(input_shape=[1], axis=None)
horsepower_normalizer.adapt(horsepower)
horsepower_model = keras.Sequential([horsepower_normalizer, layers.Dense(units=1)])
horsepower_model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.1), loss="mean_absolute_error")
horsepower_model.fit(train_features["Horsepower"], train_labels, epochs=2, verbose=0, validation_split=0.2)
x = tf.linspace(0.0, 250, 251)
print(horsepower_model.predict(x, verbose=0).shape)
