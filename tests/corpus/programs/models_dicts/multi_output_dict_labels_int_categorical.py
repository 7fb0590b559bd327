# Reproduces: https://helmuth.at/neural-network/multiple-outputs-and-keras/
# Style: functional model with two named outputs, np.random data, y and loss given as dicts keyed by output names
# Intent: the category head gets integer labels of shape (n, 1) with categorical_crossentropy and 4 softmax units
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n = 160
X = np.random.rand(n, 10).astype("float32")
price = np.random.rand(n, 1)
category = np.random.randint(0, 4, size=(n, 1))

inputs = keras.Input(shape=(10,), name="features")
h = layers.Dense(32, activation="relu")(inputs)
h = layers.Dense(16, activation="relu")(h)
price_out = layers.Dense(1, name="price")(h)
category_out = layers.Dense(4, activation="softmax", name="category")(h)

model = keras.Model(inputs=inputs, outputs=[price_out, category_out])
model.compile(
    optimizer="adam",
    loss={"price": "mse", "category": "categorical_crossentropy"},
    loss_weights={"price": 1.0, "category": 0.5},
)
model.fit(X, {"price": price, "category": category}, epochs=2, batch_size=32, verbose=0)
