# Reproduces: https://keras.io/guides/transfer_learning/
# Style: applications, include_top=False, base.trainable=False, base(x, training=False), functional
# Intent: works
import numpy as np
from tensorflow import keras

base_model = keras.applications.MobileNetV2(
    weights="imagenet", input_shape=(96, 96, 3), include_top=False)
base_model.trainable = False

inputs = keras.Input(shape=(96, 96, 3))
x = keras.applications.mobilenet_v2.preprocess_input(inputs)
x = base_model(x, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
x = keras.layers.Dropout(0.2)(x)
outputs = keras.layers.Dense(1)(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer=keras.optimizers.Adam(),
              loss=keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=[keras.metrics.BinaryAccuracy()])
images = np.random.randint(0, 255, (16, 96, 96, 3)).astype("float32")
labels = np.random.randint(0, 2, (16, 1))
model.fit(images, labels, epochs=1, batch_size=8)
