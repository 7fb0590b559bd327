# Reproduces: https://taourl.com/read-1981754.html
# Style: pandas read_csv, OneHotEncoder with the categories listed and sparse_output=False, Dense(3, softmax)
# Intent: the labels are one-hot over 5 written categories but the output layer has 3 units
import pandas as pd
from sklearn.preprocessing import OneHotEncoder
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

KINDS = ["apple", "pear", "plum", "fig", "kiwi"]

df = pd.read_csv("fruit.csv")
X = df[["weight", "length", "sweetness"]].values
encoder = OneHotEncoder(categories=[KINDS], sparse_output=False)
y = encoder.fit_transform(df[["kind"]])

model = Sequential([
    Dense(16, activation="relu", input_shape=(3,)),
    Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=8)
