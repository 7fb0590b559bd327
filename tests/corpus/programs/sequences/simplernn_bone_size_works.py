# Reproduces: https://python-pypi.developreference.com/article/18792441/Understanding+Keras+LSTMs+Role+of+Batch+size+and+Statefulness
# Style: reshape to (samples, 3, 1), SimpleRNN input_shape=(3, 1), predict on train and test
# Intent: works
import numpy as np
from tensorflow.keras import layers
from tensorflow.keras.models import Sequential

data = np.random.rand(300, 3)
trainX = data[:240].reshape(-1, 3, 1)
testX = data[240:].reshape(-1, 3, 1)
train_op = np.random.randint(0, 2, 240)

model = Sequential()
model.add(layers.SimpleRNN(units=10, input_shape=(3, 1), use_bias=True, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="sgd")
model.fit(trainX, train_op, epochs=1, batch_size=50, verbose=2)
trainPredict = model.predict(trainX)
testPredict = model.predict(testX)
