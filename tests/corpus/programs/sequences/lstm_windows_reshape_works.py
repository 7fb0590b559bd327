# Reproduces: https://askpythonquestions.com/2021/09/06/using-lstm-rnn-to-predict-a-sequence-of-numbers/
# Style: pandas Close column, MinMaxScaler, create_dataset loop, np.reshape to (samples, look_back, 1), inverse_transform
# Intent: works
import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense

df = pd.read_csv("stock.csv")
scaler = MinMaxScaler()
dataset = scaler.fit_transform(df[["Close"]].values)


def create_dataset(dataset, look_back=1):
    dataX, dataY = [], []
    for i in range(len(dataset) - look_back - 1):
        dataX.append(dataset[i:(i + look_back), 0])
        dataY.append(dataset[i + look_back, 0])
    return np.array(dataX), np.array(dataY)


look_back = 5
trainX, trainY = create_dataset(dataset, look_back)
# reshape input to be [samples, time steps, features]
trainX = np.reshape(trainX, (trainX.shape[0], trainX.shape[1], 1))

model = Sequential()
model.add(LSTM(4, input_shape=(look_back, 1)))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=1, batch_size=4, verbose=0)
trainPredict = scaler.inverse_transform(model.predict(trainX))
print(trainPredict[:3])
