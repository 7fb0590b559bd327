# Reproduces: https://www.mariakhalusova.com/posts/2018-01-15-titanic-predictions/
# Style: pandas read_csv, drop(columns, inplace=True), dropna(inplace=True), drop('Survived').values, input_dim counted by hand
# Intent: input_dim=6 counts the Survived column that was dropped from the features (5 remain)
import pandas as pd
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

train = pd.read_csv("train.csv")
train.drop(["PassengerId", "Name", "Ticket", "Cabin", "Sex", "Embarked"], axis=1, inplace=True)
train.dropna(inplace=True)
print(train.columns)  # Survived, Pclass, Age, SibSp, Parch, Fare

X = train.drop("Survived", axis=1).values
y = train["Survived"].values

model = Sequential()
model.add(Dense(16, input_dim=6, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=16)
