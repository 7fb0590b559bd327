# Reproduces: https://datumo.com/en/blog/tech/understanding-input-data-shapes-for-neural-networks-in-tensorflow-keras
# Style: pandas read_csv, drop, get_dummies(drop_first=True), StandardScaler, input_dim=X_train.shape[1]
# Intent: works
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

dataset = pd.read_csv("Churn_Modelling.csv")
X = dataset.iloc[:, 3:13]
y = dataset.iloc[:, 13].values

geography = pd.get_dummies(X["Geography"], drop_first=True)
gender = pd.get_dummies(X["Gender"], drop_first=True)
X = pd.concat([X, geography, gender], axis=1)
X = X.drop(["Geography", "Gender"], axis=1).astype(float)
print(X.columns)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.transform(X_test)

classifier = keras.Sequential()
classifier.add(keras.layers.Dense(6, activation="relu", input_dim=X_train.shape[1]))
classifier.add(keras.layers.Dropout(0.1))
classifier.add(keras.layers.Dense(1, activation="sigmoid"))
classifier.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
classifier.fit(X_train, y_train, validation_split=0.33, batch_size=10, epochs=1)

y_pred = classifier.predict(X_test)
y_pred = y_pred > 0.5
