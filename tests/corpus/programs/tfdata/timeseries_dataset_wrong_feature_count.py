# Reproduces: https://github.com/tensorflow/tensorflow/issues/44046
# Style: pandas weather columns, timeseries_dataset_from_array, model Input written for one feature
# Intent: windows carry 3 features but the model's Input says 1
import numpy as np
import pandas as pd
from tensorflow import keras

df = pd.DataFrame({
    "T (degC)": np.random.rand(300),
    "p (mbar)": np.random.rand(300),
    "rh (%)": np.random.rand(300),
})
past = 24
x_data = df[["T (degC)", "p (mbar)", "rh (%)"]].values
y_data = df["T (degC)"].values[past:]

dataset_train = keras.utils.timeseries_dataset_from_array(
    x_data[:-past], y_data, sequence_length=past, batch_size=32)

inputs = keras.layers.Input(shape=(past, 1))
lstm_out = keras.layers.LSTM(8)(inputs)
outputs = keras.layers.Dense(1)(lstm_out)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")
model.fit(dataset_train, epochs=1)
