# Reproduces: https://github.com/experiencor/keras-yolo2/issues/57
# Style: model.layers[-1]-reused, functional, new-input, pretrained-head
# Intent: the trained model's last Dense (built for 64 inputs) is taken with model.layers[-1] and
#   applied to a new 32-unit feature tensor; `out = head(x)` raises while the new model is built.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(60, 20), np.random.randint(0, 3, 60), epochs=1, verbose=0)

head = model.layers[-1]
new_inp = keras.Input(shape=(10,))
x = layers.Dense(32, activation="relu")(new_inp)
out = head(x)
new_model = keras.Model(new_inp, out)
