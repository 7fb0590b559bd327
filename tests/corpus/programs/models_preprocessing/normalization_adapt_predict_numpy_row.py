# Reproduces: https://www.tensorflow.org/tutorials/keras/regression
# Style: pandas DataFrame from np.random, train_features.pop(label), Normalization(axis=-1).adapt(np.array(df)), predict on np.array(df)[0]
# Intent: predicts on np.array(train_features)[0], one row (5,) without its batch axis, not the tutorial's train_features[:1]: Keras 3 refuses it; Keras 2 feeds it as 5 samples of one value, which the Normalization broadcasts against its mean (1, 5) back to one sample: one prediction, no error
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

first = np.array(train_features)[0]
print("First example:", first)

linear_model = keras.Sequential([
    keras.Input(shape=(5,)),
    normalizer,
    layers.Dense(units=1),
])
linear_model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.1), loss="mean_absolute_error")
linear_model.fit(train_features, train_labels, epochs=2, verbose=0, validation_split=0.2)

print(linear_model.predict(first, verbose=0))
