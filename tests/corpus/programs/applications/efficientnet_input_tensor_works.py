# Reproduces: https://keras.io/examples/vision/image_classification_efficientnet_fine_tuning/
# Style: Resizing + augmentation layers, EfficientNetB0(input_tensor=x, pooling="avg"), base.input, images of any size
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

NUM_CLASSES = 3

inputs = keras.Input(shape=(None, None, 3))
x = layers.Resizing(64, 64)(inputs)
x = layers.RandomFlip("horizontal")(x)
x = layers.RandomZoom(0.1)(x)
base = keras.applications.EfficientNetB0(
    include_top=False, weights="imagenet", input_tensor=x, pooling="avg"
)
base.trainable = False
outputs = layers.Dense(NUM_CLASSES, activation="softmax")(base.output)
model = keras.Model(base.input, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.summary()

photos = np.random.rand(12, 80, 100, 3).astype("float32") * 255
labels = np.random.randint(0, NUM_CLASSES, 12)
model.fit(photos, labels, epochs=1, batch_size=4, verbose=2)
print(model.predict(photos[:2], verbose=0).shape)
