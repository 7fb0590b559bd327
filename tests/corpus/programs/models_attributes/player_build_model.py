# Reproduces: https://github.com/keras-team/keras/issues/15521
# Style: model-in-attribute, self.model, build-method, multi-output, predict-1d
# Intent: the Player keeps its model in self.model (built by a method from self.inputs) and
#   predicts on one hand encoded as a (56,) vector without a batch axis;
#   player.model.predict(hand) raises (the model expects (None, 56)).
import numpy as np
import tensorflow as tf


class Player:
    def __init__(self, name, team, model=None):
        self.name = name
        self.team = team
        if not model:
            self.inputs = tf.keras.Input(shape=(56,), name="input")
            self.model = self.build_model()

    def build_model(self):
        color_branch = self.build_color_branch()
        number_branch = self.build_number_branch()
        return tf.keras.models.Model(inputs=self.inputs,
                                     outputs=[number_branch, color_branch], name="kerasv1")

    def build_color_branch(self):
        x = tf.keras.layers.Dense(100, activation="relu", name="denseC1")(self.inputs)
        x = tf.keras.layers.Dense(50, name="denseC2")(x)
        return tf.keras.layers.Dense(4, activation="softmax", name="color_output")(x)

    def build_number_branch(self):
        x = tf.keras.layers.Dense(100, activation="relu", name="denseN1")(self.inputs)
        return tf.keras.layers.Dense(13, activation="softmax", name="number_output")(x)


player = Player("north", 0)
hand = np.zeros(56)
hand[[3, 17, 40]] = 1
number, color = player.model.predict(hand)
print(number.argmax(), color.argmax())
