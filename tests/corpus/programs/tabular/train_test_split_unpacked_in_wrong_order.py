# Reproduces: https://codehunter.cc/a/python-3.x/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: pandas read_csv, train_test_split unpacked as X_train, y_train, X_test, y_test
# Intent: unpacks train_test_split in the wrong order, so "y_train" is the test features
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

df = pd.read_csv("diabetes.csv")
X = df.iloc[:, :8].values
y = df.iloc[:, 8].values

X_train, y_train, X_test, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

model = Sequential()
model.add(Dense(12, input_dim=8, activation="relu"))
model.add(Dense(8, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=10)
