# Reproduces: https://github.com/keras-team/keras/issues/21089
# Style: lambda, expand_dims, conv1d, functional, tabular-as-sequence
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Input, Lambda, Conv1D, GlobalMaxPooling1D, Dense
from tensorflow.keras.models import Model

features = Input(shape=(30,))
features_expand_dims = Lambda(lambda x: tf.expand_dims(x, axis=-1))(features)
h = Conv1D(16, 3, activation="relu")(features_expand_dims)
h = GlobalMaxPooling1D()(h)
out = Dense(1, activation="sigmoid")(h)
model = Model(features, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.rand(100, 30), np.random.randint(0, 2, (100, 1)), epochs=1, batch_size=20)
