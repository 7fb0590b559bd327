# Reproduces: https://www.commonlounge.com/discussion/ba07d359df5b4323a1219a69b6e0b827
# Style: pandas read_csv, feature columns chosen by a list of names, dropna, StandardScaler, train_test_split of frames
# Intent: works
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

diabetesDF = pd.read_csv("diabetes.csv")
print(diabetesDF.head())

features = ["Pregnancies", "Glucose", "BloodPressure", "SkinThickness", "Insulin", "BMI",
            "DiabetesPedigreeFunction", "Age"]
diabetesDF = diabetesDF.dropna()
X = diabetesDF[features]
y = diabetesDF["Outcome"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.transform(X_test)

model = keras.Sequential([
    keras.layers.Dense(16, activation="relu", input_shape=(len(features),)),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=16, validation_data=(X_test, y_test))
print(model.evaluate(X_test, y_test))
