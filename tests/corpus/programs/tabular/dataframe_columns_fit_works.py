# Reproduces: https://datumo.com/en/blog/tech/understanding-input-data-shapes-for-neural-networks-in-tensorflow-keras
# Style: pandas DataFrame passed straight to fit, column list, banknote dataset
# Intent: works
import pandas as pd
import tensorflow as tf

banknote_data = pd.read_csv("banknote.csv")
print(banknote_data.shape)

feature_cols = ["variance", "skewness", "curtosis", "entropy"]
features = banknote_data[feature_cols]
labels = banknote_data["class"]

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(len(feature_cols),)),
    tf.keras.layers.Dense(8, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(features, labels, epochs=2, batch_size=16, validation_split=0.2)
