# Reproduces: https://jedick.github.io/blog/ML-minilesson-using-pretrained-layers
# Style: applications, vgg16, keras.Model(base.input, head(base.output)), Flatten, cifar10
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras.applications.vgg16 import VGG16
from tensorflow.keras import layers

(X_train, y_train), _ = keras.datasets.cifar10.load_data()
X_train, y_train = X_train[:64], y_train[:64]

base_model = VGG16(weights="imagenet", include_top=False, input_shape=X_train.shape[1:])
base_model.trainable = False
head = keras.Sequential([
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model = keras.Model(inputs=base_model.input, outputs=head(base_model.output))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=32)
