# Reproduces: https://codehunter.cc/a/python-3.x/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: pandas read_csv, LabelEncoder on the species column, train_test_split, Dense(3, softmax)
# Intent: integer labels from LabelEncoder with categorical_crossentropy (needs one-hot labels)
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

df = pd.read_csv("iris.csv")
print(df.head())

X = df.drop("species", axis=1).values
encoder = LabelEncoder()
y = encoder.fit_transform(df["species"])

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

model = Sequential()
model.add(Dense(16, input_dim=4, activation="relu"))
model.add(Dense(3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=2, batch_size=16, validation_data=(X_test, y_test))
