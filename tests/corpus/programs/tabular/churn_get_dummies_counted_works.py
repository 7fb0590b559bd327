# Reproduces: https://datumo.com/en/blog/tech/understanding-input-data-shapes-for-neural-networks-in-tensorflow-keras
# Style: pandas read_csv, drop columns, get_dummies on Geography and Gender, input_dim counted by hand
# Intent: works
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("Churn_Modelling.csv")
df = df.drop(["RowNumber", "CustomerId", "Surname"], axis=1)

# 8 numeric columns + 3 countries + 2 genders after one-hot encoding
X = pd.get_dummies(df.drop("Exited", axis=1), columns=["Geography", "Gender"]).astype("float32")
y = df["Exited"].values
print(X.columns.tolist())

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.transform(X_test)

classifier = tf.keras.models.Sequential()
classifier.add(tf.keras.layers.Dense(units=6, activation="relu", input_dim=13))
classifier.add(tf.keras.layers.Dense(units=1, activation="sigmoid"))
classifier.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
classifier.fit(X_train, y_train, batch_size=10, epochs=1)
print(classifier.evaluate(X_test, y_test))
