# Reproduces: https://taourl.com/read-1918676.html
# Style: pandas read_csv, MinMaxScaler on features and on a 1-D target column
# Intent: scales the target with a scaler that needs 2-D input (sklearn raises before Keras)
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

df = pd.read_csv("housing.csv")
features = df[["rooms", "area", "age"]]
target = df["price"]

x_scaler = MinMaxScaler()
y_scaler = MinMaxScaler()
X = x_scaler.fit_transform(features)
y = y_scaler.fit_transform(target.values)

model = Sequential([Dense(8, activation="relu", input_shape=(3,)), Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=2)
