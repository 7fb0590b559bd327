# Reproduces: https://jedick.github.io/blog/ML-minilesson-using-pretrained-layers
# Style: applications, vgg16, Sequential([base, ...]), cifar10, to_categorical, sparse-loss
# Intent: the CIFAR labels are one-hot encoded with to_categorical but the loss is
#   sparse_categorical_crossentropy; model.fit raises (Keras 3: output rank must be
#   target rank - 1; Keras 2: logits and labels shapes).
import numpy as np
from tensorflow import keras
from tensorflow.keras.applications import VGG16
from tensorflow.keras.utils import to_categorical

(X_train, y_train), _ = keras.datasets.cifar10.load_data()
X_train = X_train[:64].astype("float32") / 255.0
y_train = to_categorical(y_train[:64], 10)

conv_base = VGG16(weights="imagenet", include_top=False, input_shape=(32, 32, 3))
conv_base.trainable = False
model = keras.Sequential([
    conv_base,
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=32)
