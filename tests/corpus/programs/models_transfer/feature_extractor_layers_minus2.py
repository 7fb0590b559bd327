# Reproduces: https://github.com/experiencor/keras-yolo2/issues/57
# Style: model.layers[-2].output, feature-extractor, keras.Model(model.input, ...), predict
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(32, activation="relu", name="embedding"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
x = np.random.rand(64, 28, 28, 1)
model.fit(x, np.random.randint(0, 10, 64), epochs=1, verbose=0)

feature_extractor = keras.Model(inputs=model.inputs, outputs=model.layers[-2].output)
features = feature_extractor.predict(x)
print(features.shape)
