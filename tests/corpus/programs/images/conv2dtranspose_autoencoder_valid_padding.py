# Reproduces: https://taourl.com/read-3049930.html
# Style: np.random images, encoder Conv2D strides=2, decoder Conv2DTranspose strides=2 with the default padding='valid', fit(x, x)
# Intent: the decoder's valid-padded transposed convolutions grow 7 -> 15 -> 31, so the reconstruction (31, 31, 1) does not match the 28x28 target
import numpy as np
from tensorflow.keras.layers import Input, Conv2D, Conv2DTranspose
from tensorflow.keras.models import Model

x_train = np.random.rand(64, 28, 28, 1).astype("float32")

input_img = Input(shape=(28, 28, 1))
x = Conv2D(16, (3, 3), strides=2, activation="relu", padding="same")(input_img)
encoded = Conv2D(8, (3, 3), strides=2, activation="relu", padding="same")(x)

x = Conv2DTranspose(8, (3, 3), strides=2, activation="relu")(encoded)
x = Conv2DTranspose(16, (3, 3), strides=2, activation="relu")(x)
decoded = Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)

autoencoder = Model(input_img, decoded)
autoencoder.compile(optimizer="adam", loss="mse")
print(autoencoder.output_shape)
autoencoder.fit(x_train, x_train, epochs=1, batch_size=32, verbose=0)
