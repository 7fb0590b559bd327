# Reproduces: https://www.mariakhalusova.com/posts/2018-01-15-titanic-predictions/
# Style: pandas read_csv, drop(inplace=True), fillna on a column, new column assigned, get_dummies + concat, input_dim from X.shape[1]
# Intent: works
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras

df = pd.read_csv("train.csv")
df.drop(columns=["PassengerId", "Name", "Ticket", "Cabin"], inplace=True)
df["Age"] = df["Age"].fillna(df["Age"].median())
df["FamilySize"] = df["SibSp"] + df["Parch"] + 1
dummies = pd.get_dummies(df[["Sex", "Embarked"]], dtype=float)
df = pd.concat([df.drop(["Sex", "Embarked"], axis=1), dummies], axis=1)

y = df.pop("Survived").values
X = MinMaxScaler().fit_transform(df.values)

model = keras.Sequential([
    keras.layers.Dense(16, activation="relu", input_dim=X.shape[1]),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=16)
