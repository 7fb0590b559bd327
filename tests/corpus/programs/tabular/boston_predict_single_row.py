# Reproduces: https://taourl.com/read-1918676.html
# Style: keras.datasets.boston_housing, mean/std normalisation by hand, predict on one row
# Intent: predicts on x_test[0] (shape (13,)) instead of x_test[0:1]
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

(train_data, train_targets), (test_data, test_targets) = keras.datasets.boston_housing.load_data()

mean = train_data.mean(axis=0)
train_data = train_data - mean
std = train_data.std(axis=0) + 1e-7
train_data /= std
test_data = (test_data - mean) / std


def build_model():
    model = keras.Sequential([
        layers.Dense(16, activation="relu", input_shape=(train_data.shape[1],)),
        layers.Dense(16, activation="relu"),
        layers.Dense(1),
    ])
    model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
    return model


model = build_model()
model.fit(train_data, train_targets, epochs=1, batch_size=16, verbose=0)

# price of the first house in the test set
sample = test_data[0]
print(sample.shape)
print("predicted price:", model.predict(sample))
