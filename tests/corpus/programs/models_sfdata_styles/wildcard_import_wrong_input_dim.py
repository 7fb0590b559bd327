# Reproduces: https://github.com/lsdefine/attention-is-all-you-need-keras/issues/26
# Style: wildcard-import, from-tensorflow.keras.layers-import-*, pima-diabetes, input_dim
# Intent: the model is declared with input_dim=8, but the label column was left in the feature
#   matrix (9 columns); model.fit raises.
import numpy as np
from tensorflow.keras.models import *
from tensorflow.keras.layers import *

dataset = np.random.rand(150, 9)
X = dataset[:, 0:9]
y = (dataset[:, 8] > 0.5).astype("int32")
model = Sequential()
model.add(Dense(12, input_dim=8, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=2, batch_size=10)
