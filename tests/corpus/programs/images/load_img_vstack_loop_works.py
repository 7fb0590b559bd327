# Reproduces: https://ppratikcr7.github.io/2015-02-28-test-markdown
# Style: os.listdir loop, load_img + img_to_array + expand_dims appended to a list, np.vstack
# Intent: works
import os

import numpy as np
from tensorflow import keras
from tensorflow.keras.preprocessing import image

folder = "to_classify"
images = []
for fname in sorted(os.listdir(folder)):
    img = image.load_img(os.path.join(folder, fname), target_size=(64, 64))
    x = image.img_to_array(img)
    x = np.expand_dims(x, axis=0)
    images.append(x)
images = np.vstack(images)
print(images.shape)

model = keras.Sequential([
    keras.layers.Input(shape=(64, 64, 3)),
    keras.layers.Rescaling(1.0 / 255),
    keras.layers.Conv2D(4, 3, activation="relu"),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(2, activation="softmax"),
])
classes = model.predict(images, batch_size=10)
print(classes.argmax(axis=-1))
