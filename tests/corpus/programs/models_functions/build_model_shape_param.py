# Reproduces: https://keras.io/examples/structured_data/structured_data_classification_from_scratch/
# Style: model-in-function, input-shape-parameter, X.shape[1:], numpy, fit
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def build_model(input_shape, n_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dropout(0.3)(x)
    x = layers.Dense(32, activation="relu")(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


X_train = np.random.rand(240, 13)
y_train = np.random.randint(0, 4, size=240)
model = build_model(X_train.shape[1:], n_classes=4)
model.fit(X_train, y_train, epochs=2, batch_size=32, validation_split=0.2)
