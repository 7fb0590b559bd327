# Reproduces: https://stackoverflow.com/questions/60753759/keras-model-input-shape-dimension-error-for-rl-agent
# Style: model-in-attribute, self.model, dqn, model.add, predict-wrapper-method
# Intent: the DQN class builds self.model for state_size=1 (the scalar state) but the agent
#   asks it for Q-values of one state one-hot encoded over its 11 values, a (1, 11) row;
#   model.predict raises (the model expects (None, 1)).
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.optimizers import Adam


class DQN:
    def __init__(self, state_size, action_size, lr):
        self.state_size = state_size
        self.action_size = action_size
        self.lr = lr
        self.model = Sequential()
        self.model.add(Dense(32, input_dim=self.state_size, activation="relu"))
        self.model.add(Dense(32, activation="relu"))
        self.model.add(Dense(self.action_size, activation="linear"))
        self.model.compile(optimizer=Adam(learning_rate=self.lr), loss="mse")

    def predict(self, state):
        return self.model.predict(state, verbose=0)


class Agent:
    def __init__(self):
        self.dqn = DQN(1, 2, 0.001)

    def select_action(self, state):
        q_values = self.dqn.predict(state)
        return int(np.argmax(q_values[0]))


agent = Agent()
state = np.zeros((1, 11))
state[0, 5] = 1.0
print(agent.select_action(state))
