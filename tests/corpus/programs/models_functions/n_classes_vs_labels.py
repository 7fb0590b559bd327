# Reproduces: https://github.com/keras-team/keras/issues/7339
# Style: model-in-function, to_categorical-without-num_classes, softmax-head
# Intent: the label values run 1..4, so to_categorical(y) makes 5 columns, while the model is
#   built with n_classes=4 (the number of distinct labels); model.fit raises
#   (target (None, 5) vs output (None, 4)).
import numpy as np
from tensorflow import keras
from tensorflow.keras.utils import to_categorical


def build_classifier(n_features, n_classes):
    model = keras.Sequential([
        keras.layers.Dense(32, activation="relu", input_shape=(n_features,)),
        keras.layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


X = np.random.rand(160, 10)
y = np.random.randint(1, 5, size=160)
y_cat = to_categorical(y)
model = build_classifier(X.shape[1], len(np.unique(y)))
model.fit(X, y_cat, epochs=2, batch_size=16)
