# Reproduces: https://github.com/keras-team/keras/issues/7479
# Style: keras.backend, K.mean-on-keras-tensor, no-lambda, functional
# Intent: K.mean is applied to the Input directly, outside a Lambda layer; Keras 2 wraps it in a
#   layer and trains, Keras 3 raises on the K.mean line (its backend functions do not take a
#   Keras tensor).
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K

a = keras.Input(shape=(20, 20))
b = K.mean(a, axis=1)
out = keras.layers.Dense(3, activation="softmax")(b)
model = keras.Model(a, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

x = np.random.rand(64, 20, 20)
y = np.random.randint(0, 3, size=(64,))
model.fit(x, y, epochs=1, batch_size=16)
