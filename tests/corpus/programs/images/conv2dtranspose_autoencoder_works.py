# Reproduces: https://taourl.com/read-2371172.html
# Style: np.random images, functional encoder Conv2D strides=2, decoder Conv2DTranspose strides=2 padding='same', fit(x, x)
# Intent: works
import numpy as np
from tensorflow.keras.layers import Input, Conv2D, Conv2DTranspose
from tensorflow.keras.models import Model

x_train = np.random.rand(64, 28, 28, 1).astype("float32")
x_test = np.random.rand(16, 28, 28, 1).astype("float32")

# Encoder
input_img = Input(shape=(28, 28, 1))
x = Conv2D(16, (3, 3), strides=2, activation="relu", padding="same")(input_img)   # 14x14
encoded = Conv2D(8, (3, 3), strides=2, activation="relu", padding="same")(x)      # 7x7

# Decoder
x = Conv2DTranspose(8, (3, 3), strides=2, activation="relu", padding="same")(encoded)
x = Conv2DTranspose(16, (3, 3), strides=2, activation="relu", padding="same")(x)
decoded = Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)

autoencoder = Model(input_img, decoded)
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
autoencoder.summary()
autoencoder.fit(x_train, x_train, epochs=1, batch_size=32, validation_data=(x_test, x_test), verbose=0)
reconstructed = autoencoder.predict(x_test[:4], verbose=0)
print(reconstructed.shape)
