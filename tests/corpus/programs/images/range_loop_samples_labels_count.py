# Reproduces: https://github.com/keras-team/keras/issues/2710
# Style: samples generated in a for loop over range(n) with list append, np.array, labels made separately, model.fit
# Intent: 120 samples are appended but the labels were made for 100: Keras rejects data of different lengths
import numpy as np
from tensorflow import keras

n_samples = 120
master_dataset = []
for i in range(n_samples):
    data = np.random.rand(16, 16, 3).astype("float32")
    master_dataset.append(data)
train_data = np.array(master_dataset)
train_labels = np.random.randint(0, 2, 100)

model = keras.Sequential([
    keras.layers.Input(shape=(16, 16, 3)),
    keras.layers.Flatten(),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(train_data, train_labels, epochs=1)
