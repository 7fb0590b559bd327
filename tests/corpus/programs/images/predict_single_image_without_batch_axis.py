# Reproduces: http://zijiebao.com/jishu/1003414.html
# Style: load_img + img_to_array on one file, helper function, predict on a single image
# Intent: predicts on one (50, 50, 3) image without adding the batch axis (expand_dims)
import numpy as np
from tensorflow import keras
from tensorflow.keras.preprocessing.image import img_to_array, load_img

IMG_SIZE = 50


def build_model():
    model = keras.Sequential()
    model.add(
        keras.layers.Conv2D(8, (3, 3), activation="relu", input_shape=(IMG_SIZE, IMG_SIZE, 3))
    )
    model.add(keras.layers.MaxPooling2D((2, 2)))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(2, activation="softmax"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def load_image(path):
    img = load_img(path, target_size=(IMG_SIZE, IMG_SIZE))
    x = img_to_array(img) / 255.0
    return x


model = build_model()
input_data = load_image("test_cat.png")
print("input shape:", input_data.shape)
pred = model.predict(input_data)
print("cat" if np.argmax(pred) == 0 else "dog")
