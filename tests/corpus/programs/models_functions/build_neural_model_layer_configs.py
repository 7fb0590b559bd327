# Reproduces: https://github.com/keras-team/keras/issues/10752
# Style: build-function, layers-from-config-loop, sequential, softmax-head, loop-over-configs
# Intent: a helper builds one Sequential model per hidden-layer configuration, stacking Dense
#   layers in a loop over (units, activation) pairs; the class count passed in is 4 while the
#   one-hot labels have 3 columns, so the first model.fit raises (labels (N, 3), output (N, 4)).
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.utils import to_categorical


def build_neural_model(hidden, classes, features, loss):
    model = Sequential()
    model.add(Dense(hidden[0][0], activation=hidden[0][1], input_shape=(features,)))
    for units, activation in hidden[1:]:
        model.add(Dense(units, activation=activation))
    model.add(Dense(classes, activation="softmax"))
    model.compile(optimizer="adam", loss=loss)
    return model


train_x = np.random.rand(90, 7)
train_y = to_categorical(np.random.randint(0, 3, 90), 3)

configs = [((32, "tanh"), (16, "tanh")), ((64, "relu"), (32, "relu"), (16, "relu"))]
for hidden in configs:
    model = build_neural_model(hidden, 4, train_x.shape[1], "categorical_crossentropy")
    model.fit(train_x, train_y, epochs=1, verbose=0)
