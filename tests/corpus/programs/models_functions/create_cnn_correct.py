# Reproduces: https://github.com/keras-team/keras/issues/12622
# Style: model-in-function, for-loop-over-filters, functional, house-prices-regression
# Intent: works (the head is built after the loop)
import numpy as np
from tensorflow.keras.layers import (Input, Conv2D, Activation, BatchNormalization,
                                     MaxPooling2D, Flatten, Dense, Dropout)
from tensorflow.keras.models import Model


def create_cnn(width, height, depth, filters=(16, 32, 64), regress=False):
    inputShape = (height, width, depth)
    chanDim = -1
    inputs = Input(shape=inputShape)
    for (i, f) in enumerate(filters):
        if i == 0:
            x = inputs
        x = Conv2D(f, (3, 3), padding="same")(x)
        x = Activation("relu")(x)
        x = BatchNormalization(axis=chanDim)(x)
        x = MaxPooling2D(pool_size=(2, 2))(x)
    x = Flatten()(x)
    x = Dense(16)(x)
    x = Activation("relu")(x)
    x = BatchNormalization(axis=chanDim)(x)
    x = Dropout(0.5)(x)
    x = Dense(4)(x)
    x = Activation("relu")(x)
    if regress:
        x = Dense(1, activation="linear")(x)
    return Model(inputs, x)


images = np.random.rand(40, 64, 64, 3)
prices = np.random.rand(40)
model = create_cnn(64, 64, 3, regress=True)
model.compile(loss="mean_absolute_percentage_error", optimizer="adam")
model.fit(images, prices, epochs=1, batch_size=8)
