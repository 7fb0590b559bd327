# Reproduces: https://datumo.com/en/blog/tech/understanding-input-data-shapes-for-neural-networks-in-tensorflow-keras
# Style: pandas, label column not dropped from the features, input_shape from the column list
# Intent: passes the whole frame (5 columns, label included) to a model built for 4 features
import pandas as pd
import tensorflow as tf

banknote_data = pd.read_csv("banknote.csv")
feature_cols = ["variance", "skewness", "curtosis", "entropy"]

X = banknote_data.values
y = banknote_data["class"].values

model = tf.keras.Sequential()
model.add(tf.keras.layers.Dense(8, activation="relu", input_shape=(len(feature_cols),)))
model.add(tf.keras.layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=2, batch_size=16)
