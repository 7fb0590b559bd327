# Reproduces: https://taourl.com/read-1918676.html
# Style: pandas read_csv, MinMaxScaler with values.reshape(-1, 1), inverse_transform of predictions
# Intent: works
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
y = y_scaler.fit_transform(target.values.reshape(-1, 1))

model = Sequential([Dense(8, activation="relu", input_shape=(3,)), Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=2, verbose=0)
predictions = y_scaler.inverse_transform(model.predict(X[:10]))
print(predictions[:3])
