# Reproduces: https://cloud.tencent.com.cn/developer/information/%E5%9C%A8tensorflow.keras%E4%B8%AD%E4%BD%BF%E7%94%A8%E8%AE%AD%E7%BB%83%E6%A8%A1%E5%9E%8B%E8%BF%9B%E8%A1%8C%E9%A2%84%E6%B5%8B%E6%97%B6%E7%9A%84%E5%BD%A2%E7%8A%B6%E8%AF%AF%E5%B7%AE
# Style: helper prepare(), load_img(color_mode='grayscale'), reshape to a batch of one
# Intent: a grayscale (1, 32, 32, 1) image predicted by a model trained on RGB (32, 32, 3)
import numpy as np
import tensorflow as tf
from tensorflow.keras.utils import img_to_array, load_img

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(8, (3, 3), activation="relu", input_shape=(32, 32, 3)),
    tf.keras.layers.MaxPooling2D((2, 2)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")


def prepare(filepath):
    IMG_SIZE = 32
    img = load_img(filepath, color_mode="grayscale", target_size=(IMG_SIZE, IMG_SIZE))
    arr = img_to_array(img) / 255.0
    return arr.reshape(-1, IMG_SIZE, IMG_SIZE, 1)


prediction = model.predict(prepare("frog.png"))
print(np.argmax(prediction))
