# Reproduces: https://codehunter.cc/a/python-3.x/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: numpy loadtxt of a CSV with a header skipped, column slices X = dataset[:, 0:8], evaluate, predict + round
# Intent: works
from numpy import loadtxt
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

dataset = loadtxt("diabetes.csv", delimiter=",", skiprows=1)
X = dataset[:, 0:8]
y = dataset[:, 8]

model = Sequential()
model.add(Dense(12, input_shape=(8,), activation="relu"))
model.add(Dense(8, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=2, batch_size=10, verbose=0)
_, accuracy = model.evaluate(X, y, verbose=0)
print("Accuracy: %.2f" % (accuracy * 100))
predictions = (model.predict(X) > 0.5).astype(int)
for i in range(5):
    print("%s => %d (expected %d)" % (X[i].tolist(), predictions[i][0], y[i]))
