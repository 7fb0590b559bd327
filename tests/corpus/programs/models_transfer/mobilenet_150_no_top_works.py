# Reproduces: https://github.com/keras-team/keras-applications/issues/122
# Style: applications, MobileNetV2, input_shape other than the default, include_top=False, pooling="avg", preprocess_input, Sequential head
# Intent: works
import numpy as np
import tensorflow as tf

IMG_SIZE = 150
NUM_CLASSES = 4

base = tf.keras.applications.MobileNetV2(
    input_shape=(IMG_SIZE, IMG_SIZE, 3), include_top=False, weights="imagenet", pooling="avg"
)
base.trainable = False
model = tf.keras.Sequential([
    base,
    tf.keras.layers.Dense(NUM_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

images = np.random.rand(8, IMG_SIZE, IMG_SIZE, 3).astype("float32") * 255.0
images = tf.keras.applications.mobilenet_v2.preprocess_input(images)
labels = np.random.randint(0, NUM_CLASSES, 8)
model.fit(images, labels, epochs=1, batch_size=4)
print(model.predict(images[:2]).shape)
