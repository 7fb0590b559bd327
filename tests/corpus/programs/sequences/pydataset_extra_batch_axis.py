# Reproduces: https://github.com/keras-team/keras/issues/20115
# Style: keras.utils.PyDataset subclass over numpy arrays, __getitem__ wraps the batch in another axis, functional Dense model
# Intent: each batch is (1, 96, 360) because __getitem__ adds a leading axis; the model takes (None, 360)
import numpy as np
import keras


class SpectraDataset(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size=96, **kwargs):
        super().__init__(**kwargs)
        self.x = x
        self.y = y
        self.batch_size = batch_size

    def __len__(self):
        return int(np.ceil(len(self.x) / self.batch_size))

    def __getitem__(self, idx):
        start = idx * self.batch_size
        end = start + self.batch_size
        X = self.x[start:end]
        y = self.y[start:end]
        return np.array([X]), y


features = np.random.rand(192, 360).astype("float32")
labels = keras.utils.to_categorical(np.random.randint(0, 3, 192), 3)
dataset = SpectraDataset(features, labels)

visible = keras.Input(shape=(360,))
x = keras.layers.Dense(64, activation="relu")(visible)
output = keras.layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs=visible, outputs=output)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(dataset, epochs=1)
