# Reproduces: https://www.pythond.com/52081/como-procesar-la-forma-de-entrada-y-salida-para-keras-lstm.html
# Style: sklearn make_regression with 2 targets, StandardScaler, Dense(1) output
# Intent: works, though not as meant: two target columns against one output unit, and mse broadcasts
from sklearn.datasets import make_regression
from sklearn.preprocessing import StandardScaler
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

X, Y = make_regression(n_samples=100, n_features=9, n_informative=9, n_targets=2)
X = StandardScaler().fit_transform(X)
print(X.shape, Y.shape)

model = Sequential()
model.add(Dense(32, input_dim=9, activation="relu"))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X, Y, epochs=1, batch_size=32)
