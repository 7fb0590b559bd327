# Reproduces: https://github.com/hsahovic/poke-env/issues/178
# Style: predict([x]), single-sample-in-list, self.model, reinforcement-learning
# Intent: one 10-value state vector is wrapped in a list, predict([state]), which Keras reads as
#   a list of inputs holding a batch of 10 scalars; self.model.predict([state]) raises inside
#   choose_move.
import numpy as np
import tensorflow as tf


class TrainedRLPlayer:
    def __init__(self, model):
        self.model = model

    def embed_battle(self):
        return np.random.rand(10)

    def choose_move(self):
        state = self.embed_battle()
        predictions = self.model.predict([state])[0]
        return int(np.argmax(predictions))


model = tf.keras.Sequential([
    tf.keras.layers.Dense(128, activation="relu", input_shape=(10,)),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(22, activation="linear"),
])
model.compile(loss="mse", optimizer="adam")
player = TrainedRLPlayer(model)
print(player.choose_move())
