# Reproduces: https://newbetuts.com/43396572-dimension-of-shape-in-conv1d
# Style: pandas read_csv, iloc column slices, Conv1D, input_shape=X.shape
# Intent: passes the whole data shape (569, 30) as input_shape and feeds 2-D rows to a Conv1D
import numpy
import pandas as pd
from tensorflow.keras.layers import Conv1D, Dense, Flatten
from tensorflow.keras.models import Sequential

numpy.random.seed(7)

# first column is the diagnosis, the 30 others are the measurements
datasetTraining = pd.read_csv("CancerAdapter.csv", header=None)
X = datasetTraining.iloc[:, 1:31].values
Y = datasetTraining.iloc[:, 0].values
print(X.shape, Y.shape)

model = Sequential()
model.add(Conv1D(2, 2, activation="relu", input_shape=X.shape))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, Y, epochs=1, batch_size=5)
