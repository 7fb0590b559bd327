# Reproduces: https://github.com/keon/deep-q-learning/issues/14
# Style: model-in-attribute, self.model, dqn, gym-observation, predict-1d
# Intent: the observation from env.reset() (shape (4,)) is passed to agent.act() without the
#   np.reshape(state, [1, state_size]) step; self.model.predict(state) raises inside act().
import random
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Dense
from tensorflow.keras.optimizers import Adam


class DQNAgent:
    def __init__(self, state_size, action_size):
        self.state_size = state_size
        self.action_size = action_size
        self.epsilon = 0.0
        self.model = self._build_model()

    def _build_model(self):
        model = keras.Sequential()
        model.add(Dense(24, input_dim=self.state_size, activation="relu"))
        model.add(Dense(24, activation="relu"))
        model.add(Dense(self.action_size, activation="linear"))
        model.compile(loss="mse", optimizer=Adam(learning_rate=0.001))
        return model

    def act(self, state):
        if np.random.rand() <= self.epsilon:
            return random.randrange(self.action_size)
        act_values = self.model.predict(state)
        return np.argmax(act_values[0])


class FakeCartPole:
    def reset(self):
        return np.random.uniform(-0.05, 0.05, size=(4,))


env = FakeCartPole()
agent = DQNAgent(4, 2)
state = env.reset()
action = agent.act(state)
print(action)
