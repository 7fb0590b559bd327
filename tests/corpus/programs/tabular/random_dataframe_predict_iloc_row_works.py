# Reproduces: https://py4u.org/questions/58663739/
# Style: pandas DataFrame built from np.random, X = df[feature_cols], model.predict on X.iloc[[0]] and on .values.reshape(1, -1)
# Intent: works
import numpy as np
import pandas as pd
from tensorflow import keras

rng = np.random.default_rng(0)
feature_cols = ["age", "income", "balance", "tenure", "products", "score"]
df = pd.DataFrame(rng.normal(size=(200, len(feature_cols))), columns=feature_cols)
df["churn"] = rng.integers(0, 2, size=200)

X = df[feature_cols]
y = df["churn"]

model = keras.Sequential([
    keras.layers.Dense(16, activation="relu", input_shape=(len(feature_cols),)),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=2, batch_size=32, verbose=0)

customer = X.iloc[[0]]
print(customer.shape)
print("churn probability:", model.predict(customer, verbose=0))
row = X.iloc[5].values.reshape(1, -1)
print("churn probability:", model.predict(row, verbose=0))
