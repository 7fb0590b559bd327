# Reproduces: https://swarnadeepseth.github.io/diabetes_ML.html
# Style: pandas read_csv, iloc[:, 0:9] for the features (the Outcome column too), input_dim=8
# Intent: the feature slice takes all 9 columns, the model is built for the 8 features
import pandas as pd
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

all_data = pd.read_csv("diabetes.csv")
print("Data Shape:", all_data.shape)

X = all_data.iloc[:, 0:9]
y = all_data.iloc[:, 8]

model = Sequential()
model.add(Dense(12, input_dim=8, activation="relu"))
model.add(Dense(8, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=10)
