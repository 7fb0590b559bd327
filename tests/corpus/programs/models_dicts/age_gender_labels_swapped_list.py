# Reproduces: https://theneuralbase.com/keras/learn/intermediate/loss-weighting-for-multi-output/
# Style: multi-output, loss-list, loss_weights-list, list-labels, wrong-order
# Intent: the labels list gives the 5-class one-hot emotion labels first, but the first output
#   is the 1-unit sigmoid gender head; model.fit raises (target (None, 5) vs output (None, 1)).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(48,))
x = layers.Dense(32, activation="relu")(inputs)
gender = layers.Dense(1, activation="sigmoid", name="gender")(x)
emotion = layers.Dense(5, activation="softmax", name="emotion")(x)
model = keras.Model(inputs, [gender, emotion])
model.compile(optimizer="adam", loss=["binary_crossentropy", "categorical_crossentropy"],
              loss_weights=[1.0, 0.5])
X = np.random.rand(100, 48)
y_gender = np.random.randint(0, 2, (100, 1))
y_emotion = keras.utils.to_categorical(np.random.randint(0, 5, 100), 5)
model.fit(X, [y_emotion, y_gender], epochs=1, batch_size=20)
