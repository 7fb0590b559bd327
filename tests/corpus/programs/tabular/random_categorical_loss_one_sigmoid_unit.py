# Reproduces: https://errorhandle.ai/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: np.random features and 0/1 labels reshaped to a column (n, 1), one sigmoid unit, categorical_crossentropy copied from a multi-class example
# Intent: works, wrongly: categorical_crossentropy over a single unit is always 0 (the labels match the (None, 1) output): no error in Keras 3 or 2
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

X = np.random.rand(300, 12)
y = np.random.randint(0, 2, size=(300,)).reshape(-1, 1)

model = Sequential()
model.add(Dense(16, input_dim=12, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=32, verbose=0)
print(model.evaluate(X, y, verbose=0))
