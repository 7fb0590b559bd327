# Reproduces: https://github.com/vikassnwl/handwash_recognition_research
# Style: create_LRCN_model() helper, Sequential of TimeDistributed(Conv2D/MaxPool2D/Flatten) + LSTM, np.random video clips, predict on one clip
# Intent: predicts on one clip of shape (6, 32, 32, 3) without the batch axis; TimeDistributed's model expects 5 dimensions
import numpy as np
import tensorflow as tf

SEQUENCE_LENGTH = 6
IMAGE_HEIGHT, IMAGE_WIDTH = 32, 32
CLASS_LIST = ["WalkingWithDog", "TaiChi", "Swing", "HorseRace"]

features = np.random.rand(24, SEQUENCE_LENGTH, IMAGE_HEIGHT, IMAGE_WIDTH, 3).astype("float32")
labels = np.random.randint(0, len(CLASS_LIST), size=(24,))
one_hot_labels = tf.keras.utils.to_categorical(labels, num_classes=len(CLASS_LIST))


def create_LRCN_model():
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Input(shape=(SEQUENCE_LENGTH, IMAGE_HEIGHT, IMAGE_WIDTH, 3)))
    model.add(tf.keras.layers.TimeDistributed(tf.keras.layers.Conv2D(8, 3, padding="same", activation="relu")))
    model.add(tf.keras.layers.TimeDistributed(tf.keras.layers.MaxPool2D(pool_size=4)))
    model.add(tf.keras.layers.TimeDistributed(tf.keras.layers.Flatten()))
    model.add(tf.keras.layers.LSTM(16))
    model.add(tf.keras.layers.Dense(len(CLASS_LIST), activation="softmax"))
    return model


LRCN_model = create_LRCN_model()
LRCN_model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
LRCN_model.fit(features, one_hot_labels, epochs=1, batch_size=8, verbose=0)

clip = features[0]
print(clip.shape)
probabilities = LRCN_model.predict(clip, verbose=0)[0]
print(CLASS_LIST[int(np.argmax(probabilities))])
