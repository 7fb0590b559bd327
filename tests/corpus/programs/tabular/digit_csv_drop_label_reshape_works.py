# Reproduces: https://github.com/sushilregmi/MNIST
# Style: pandas read_csv of the Kaggle digit CSV, drop(columns='label'), to_numpy().reshape, to_categorical of a Series
# Intent: works
import pandas as pd
from tensorflow.keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from tensorflow.keras.models import Sequential
from tensorflow.keras.utils import to_categorical

train = pd.read_csv("train.csv")
print(train.shape)

X = train.drop(columns="label")
y = train["label"]
X = X.to_numpy(dtype="float32").reshape(-1, 28, 28, 1) / 255.0
y = to_categorical(y)

model = Sequential()
model.add(Conv2D(8, (3, 3), activation="relu", input_shape=(28, 28, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=10)
