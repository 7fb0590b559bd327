"""The seed article's example 3: an LSTM fed data with the wrong number of features."""
import numpy as np
import tensorflow as tf

X_train_rnn = np.random.rand(150, 20, 5)
y_train_rnn = np.random.randint(0, 2, size=150)

model_rnn = tf.keras.models.Sequential([
    tf.keras.layers.LSTM(units=32, input_shape=(20, 5)),
    tf.keras.layers.Dense(units=1, activation='sigmoid')
])
model_rnn.compile(optimizer='adam', loss='binary_crossentropy')

model_rnn.fit(X_train_rnn, y_train_rnn, epochs=1)

X_train_rnn_bad = np.random.rand(150, 20, 3)
model_rnn.fit(X_train_rnn_bad, y_train_rnn, epochs=1)
