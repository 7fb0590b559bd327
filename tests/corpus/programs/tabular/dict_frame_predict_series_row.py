# Reproduces: https://swarnadeepseth.github.io/diabetes_ML.html
# Style: pd.DataFrame from a dict of np.random columns, X = df.drop(columns=...), y = df["Outcome"] (a Series), train_test_split on frames, validation_data=(X_test, y_test), predict on X_test.iloc[0]
# Intent: predicts on X_test.iloc[0], one row as a Series of 5 values: Keras takes it as 5 samples of one feature for a model of 5 inputs
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

n = 240
df = pd.DataFrame({
    "Pregnancies": np.random.randint(0, 10, n),
    "Glucose": np.random.rand(n) * 200,
    "BloodPressure": np.random.rand(n) * 120,
    "BMI": np.random.rand(n) * 50,
    "Age": np.random.randint(21, 80, n),
    "Outcome": np.random.randint(0, 3, n),
})

X = df.drop(columns=["Outcome"])
y = df["Outcome"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)

model = keras.Sequential([
    layers.Input(shape=(X_train.shape[1],)),
    layers.Dense(16, activation="relu"),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=2, batch_size=16, validation_data=(X_test, y_test), verbose=0)
print(model.evaluate(X_test, y_test, verbose=0))
patient = X_test.iloc[0]
print(model.predict(patient, verbose=0))
