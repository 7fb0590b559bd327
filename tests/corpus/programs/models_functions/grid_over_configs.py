# Reproduces: https://github.com/keras-team/keras/issues/9286
# Style: model-in-function, loop-over-configs, model.add-in-loop, hyperparameter-search
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Dense, Dropout, Activation


def make_model(dense_layer_sizes, n_features, num_classes, dropout=0.2):
    model = keras.Sequential()
    model.add(keras.Input(shape=(n_features,)))
    for layer_size in dense_layer_sizes:
        model.add(Dense(layer_size))
        model.add(Activation("relu"))
    model.add(Dropout(dropout))
    model.add(Dense(num_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
    return model


x = np.random.rand(200, 30)
y = keras.utils.to_categorical(np.random.randint(0, 5, size=200), 5)
results = {}
for sizes in [[32], [64, 64], [32, 32, 32]]:
    model = make_model(sizes, x.shape[1], 5)
    hist = model.fit(x, y, epochs=1, batch_size=40, verbose=0)
    results[str(sizes)] = hist.history["loss"][-1]
print(results)
