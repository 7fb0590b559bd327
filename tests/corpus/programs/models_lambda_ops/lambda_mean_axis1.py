# Reproduces: https://github.com/keras-team/keras/issues/3299
# Style: lambda, backend-mean, axis-reduction, functional, sequence
# Intent: works (the Lambda averages over the 21 time steps before the Dense)
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Input, Lambda, Dense, Activation
from tensorflow.keras.models import Model

dim_data = 105
len_data = 21
num_classes = 12

input_data = Input(shape=(len_data, dim_data))
x = Lambda(lambda t: K.mean(t, axis=1))(input_data)
x = Dense(num_classes)(x)
pred = Activation("softmax")(x)
model = Model(inputs=input_data, outputs=pred)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(49, len_data, dim_data), np.random.randint(0, num_classes, 49), epochs=1)
