# Reproduces: https://python-pypi.developreference.com/article/18792441/Understanding+Keras+LSTMs+Role+of+Batch+size+and+Statefulness
# Style: bone size measured over 3 months, reshape to (samples, 3, 1), input_shape written with the sample count
# Intent: input_shape=(4000, 3, 1) includes the number of samples
import numpy as np
from tensorflow.keras import layers
from tensorflow.keras.models import Sequential

n_samples = 400
trainX = np.random.rand(n_samples, 3).reshape(n_samples, 3, 1)
train_op = np.random.randint(0, 2, n_samples)

model = Sequential()
model.add(layers.SimpleRNN(units=10, input_shape=(n_samples, 3, 1), activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="sgd")
model.summary()
model.fit(trainX, train_op, epochs=1, batch_size=50, verbose=2)
