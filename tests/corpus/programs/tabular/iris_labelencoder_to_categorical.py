# Reproduces: https://codehunter.cc/a/python-3.x/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: pandas read_csv, iloc, LabelEncoder + to_categorical, train_test_split, StandardScaler
# Intent: works
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.utils import to_categorical

dataset = pd.read_csv("iris.csv")
X = dataset.iloc[:, 0:4].values
y = dataset.iloc[:, 4].values

# encode class values as integers, then one hot
encoder = LabelEncoder()
encoder.fit(y)
encoded_Y = encoder.transform(y)
dummy_y = to_categorical(encoded_Y)
print("labels:", dummy_y.shape)

X_train, X_test, y_train, y_test = train_test_split(X, dummy_y, test_size=0.25)
sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.transform(X_test)


def baseline_model():
    model = Sequential()
    model.add(Dense(8, input_dim=4, activation="relu"))
    model.add(Dense(3, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = baseline_model()
model.fit(X_train, y_train, epochs=2, batch_size=10, verbose=0)
loss, acc = model.evaluate(X_test, y_test, verbose=0)
print("accuracy: %.2f" % (acc * 100))
pred = model.predict(X_test[:5])
print(np.argmax(pred, axis=1))
