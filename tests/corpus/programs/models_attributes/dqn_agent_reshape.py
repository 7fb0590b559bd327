# Reproduces: https://github.com/keon/deep-q-learning/issues/14
# Style: model-in-attribute, self.model, dqn, np.reshape-state, predict, fit-in-loop
# Intent: works (each state is reshaped to [1, state_size] before predict and fit)
import random
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Dense
from tensorflow.keras.optimizers import Adam


class DQNAgent:
    def __init__(self, state_size, action_size):
        self.state_size = state_size
        self.action_size = action_size
        self.memory = []
        self.gamma = 0.95
        self.epsilon = 0.0
        self.model = self._build_model()

    def _build_model(self):
        model = keras.Sequential()
        model.add(Dense(24, input_dim=self.state_size, activation="relu"))
        model.add(Dense(24, activation="relu"))
        model.add(Dense(self.action_size, activation="linear"))
        model.compile(loss="mse", optimizer=Adam(learning_rate=0.001))
        return model

    def remember(self, state, action, reward, next_state, done):
        self.memory.append((state, action, reward, next_state, done))

    def act(self, state):
        if np.random.rand() <= self.epsilon:
            return random.randrange(self.action_size)
        act_values = self.model.predict(state, verbose=0)
        return np.argmax(act_values[0])

    def replay(self, batch_size):
        for state, action, reward, next_state, done in random.sample(self.memory, batch_size):
            target = reward
            if not done:
                target = reward + self.gamma * np.amax(self.model.predict(next_state, verbose=0)[0])
            target_f = self.model.predict(state, verbose=0)
            target_f[0][action] = target
            self.model.fit(state, target_f, epochs=1, verbose=0)


state_size, action_size = 4, 2
agent = DQNAgent(state_size, action_size)
state = np.reshape(np.random.rand(state_size), [1, state_size])
for t in range(6):
    action = agent.act(state)
    next_state = np.reshape(np.random.rand(state_size), [1, state_size])
    agent.remember(state, action, 1.0, next_state, t == 5)
    state = next_state
agent.replay(4)
