# Reproduces: https://datumo.com/en/blog/tech/understanding-input-data-shapes-for-neural-networks-in-tensorflow-keras
# Style: pandas read_csv, drop columns, get_dummies, input_dim from the original frame
# Intent: input_dim counts the columns before get_dummies expanded Geography and Gender
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
import tensorflow as tf

df = pd.read_csv("Churn_Modelling.csv")
df = df.drop(["RowNumber", "CustomerId", "Surname"], axis=1)
n_features = len(df.columns) - 1  # everything but Exited

X = pd.get_dummies(df.drop("Exited", axis=1), columns=["Geography", "Gender"]).astype("float32")
y = df["Exited"].values

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.transform(X_test)

classifier = tf.keras.models.Sequential()
classifier.add(tf.keras.layers.Dense(units=6, activation="relu", input_dim=n_features))
classifier.add(tf.keras.layers.Dense(units=6, activation="relu"))
classifier.add(tf.keras.layers.Dense(units=1, activation="sigmoid"))
classifier.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
classifier.fit(X_train, y_train, batch_size=10, epochs=1)
