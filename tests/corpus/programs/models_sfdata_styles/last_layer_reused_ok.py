# Reproduces: https://github.com/experiencor/keras-yolo2/issues/57
# Style: model.layers[-1]-reused, model.layers[:-1], functional, new-input
# Intent: works (the reused head gets 64 features, as it was trained on)
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
x = layers.Dense(64, activation="relu")(new_inp)
new_model = keras.Model(new_inp, head(x))
print(new_model.predict(np.random.rand(4, 10)).shape)
