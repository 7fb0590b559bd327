# Reproduces: https://github.com/keras-team/keras/issues/10955
# Style: PIL Image.open().convert("RGB").resize((width, height)), np.asarray, scaling, img[None, ...], predict
# Intent: works
import numpy as np
from PIL import Image
from tensorflow import keras

IMG_H, IMG_W = 128, 96

model = keras.Sequential()
model.add(keras.layers.Conv2D(8, (3, 3), input_shape=(IMG_H, IMG_W, 3)))
model.add(keras.layers.MaxPooling2D(pool_size=(2, 2)))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(1, activation="sigmoid"))

img = Image.open("test_cat.png").convert("RGB").resize((IMG_W, IMG_H))
x = np.asarray(img, dtype="float32") / 255.0
print(model.predict(x[None, ...]))
