# Reproduces: https://github.com/experiencor/keras-yolo2/issues/57
# Style: applications, get_layer(name).output, keras.Model(base.input, ...), functional-head
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras.applications import MobileNetV2

base = MobileNetV2(input_shape=(96, 96, 3), include_top=False, weights="imagenet")
feat = base.get_layer("block_13_expand_relu").output     # (None, 6, 6, 576)
x = keras.layers.Conv2D(32, 1, activation="relu")(feat)
x = keras.layers.GlobalAveragePooling2D()(x)
out = keras.layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs=base.input, outputs=out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(8, 96, 96, 3), np.random.randint(0, 3, 8), epochs=1, batch_size=4)
