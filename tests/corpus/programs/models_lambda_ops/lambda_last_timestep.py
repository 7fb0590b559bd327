# Reproduces: https://groups.google.com/a/abrs.com.hk/g/maids/c/XDBjaLzBzs0
# Style: lambda, slicing, lstm-return-sequences, functional
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Input, LSTM, Lambda, Dense

T = 10
XIn = Input(shape=(T, 6))
seq = LSTM(16, return_sequences=True)(XIn)
last = Lambda(lambda x: x[:, -1, :])(seq)
out = Dense(1)(last)
model = keras.Model(XIn, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(64, T, 6), np.random.rand(64, 1), epochs=1, batch_size=16)
