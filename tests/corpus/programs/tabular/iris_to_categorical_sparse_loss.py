# Reproduces: http://www.readke.com/c/01034051B2022.html
# Style: pandas, LabelEncoder, to_categorical, sparse_categorical_crossentropy
# Intent: one-hot labels from to_categorical given to sparse_categorical_crossentropy
import pandas as pd
from sklearn.preprocessing import LabelEncoder
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers import Dense
from keras.utils import to_categorical

data = pd.read_csv("iris.csv")
features = data[["sepal_length", "sepal_width", "petal_length", "petal_width"]].values
labels = to_categorical(LabelEncoder().fit_transform(data["species"]))

x_train, x_val, y_train, y_val = train_test_split(features, labels, test_size=0.2)

model = Sequential()
model.add(Dense(10, activation="relu", input_shape=(4,)))
model.add(Dense(3, activation="softmax"))
# switched to the sparse loss after reading it is "more efficient"
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=2, validation_data=(x_val, y_val))
