# Reproduces: https://byteacademy804.pages.dev/posts/2025-04-04-preprocessing-images-for-convolutional-neural-networks-cnns-with-keras-a-step-by-step-guide-to-resolving-common-errors
# Style: facial expression folders, color_mode='grayscale', model built for 3 channels
# Intent: grayscale batches (48, 48, 1) into a Conv2D built for (48, 48, 3)
import tensorflow as tf

TRAIN = "fer2013/train"

datagen = tf.keras.preprocessing.image.ImageDataGenerator(rescale=1.0 / 255)
train_gen = datagen.flow_from_directory(
    TRAIN,
    target_size=(48, 48),
    color_mode="grayscale",
    batch_size=16,
    class_mode="categorical",
)
print(train_gen.class_indices)

model = tf.keras.models.Sequential([
    tf.keras.layers.Conv2D(16, (3, 3), activation="relu", input_shape=(48, 48, 3)),
    tf.keras.layers.MaxPooling2D(2, 2),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(7, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_gen, epochs=1)
