# Reproduces: https://github.com/keras-team/keras/issues/10067
# Style: lambda, slicing, embedding, concatenate, functional
# Intent: the embedded column is (None, 1, 10) while the sliced numeric column is (None, 1);
#   concatenate([d1, l1]) raises while the model is being built.
import numpy as np
from tensorflow.keras.layers import Dense, Embedding, Input, Lambda, concatenate, Flatten
from tensorflow.keras.models import Model

inp = Input(shape=(4,))
e_x = Lambda(lambda x: x[:, 0:1])(inp)
e_x = Embedding(100, 10)(e_x)
d1 = Dense(10)(e_x)
l1 = Lambda(lambda x: x[:, 2:3])(inp)
all_concats = concatenate([d1, l1], axis=-1)
out = Dense(1)(Flatten()(all_concats))
model = Model(inp, out)
model.compile(optimizer="adam", loss="mse")
