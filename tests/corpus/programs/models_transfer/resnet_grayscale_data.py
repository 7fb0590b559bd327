# Reproduces: https://github.com/keras-team/keras/issues/9739
# Style: applications, resnet50, grayscale-images, include_top=False, functional-head
# Intent: the backbone is made for 3-channel input but the X-ray images are grayscale
#   (N, 64, 64, 1); model.fit raises (expected 3 channels on the last axis, found 1).
import numpy as np
from tensorflow.keras.applications.resnet50 import ResNet50
from tensorflow.keras.layers import GlobalAveragePooling2D, Dense
from tensorflow.keras.models import Model

img_rows, img_cols = 64, 64
base_model = ResNet50(weights="imagenet", include_top=False, input_shape=(img_rows, img_cols, 3))
x = GlobalAveragePooling2D()(base_model.output)
predictions = Dense(2, activation="softmax")(x)
model = Model(inputs=base_model.input, outputs=predictions)
for layer in base_model.layers:
    layer.trainable = False
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

X_train = np.random.rand(8, img_rows, img_cols, 1)
Y_train = np.eye(2)[np.random.randint(0, 2, 8)]
model.fit(X_train, Y_train, batch_size=4, epochs=1)
