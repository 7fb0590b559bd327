# Reproduces: https://errorhandle.ai/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: pandas DataFrame with an integer label column, flow_from_dataframe class_mode='raw', Dense(3, softmax)
# Intent: raw integer labels (batch,) against categorical_crossentropy and a 3-unit output
import pandas as pd
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import layers, models

df = pd.read_csv("labels.csv")
df["label_id"] = df["label"].map({"cat": 0, "dog": 1, "bird": 2})

datagen = ImageDataGenerator(rescale=1.0 / 255)
train_gen = datagen.flow_from_dataframe(
    df, directory="images", x_col="filename", y_col="label_id",
    target_size=(40, 40), batch_size=4, class_mode="raw")

model = models.Sequential([
    layers.Conv2D(8, 3, activation="relu", input_shape=(40, 40, 3)),
    layers.GlobalMaxPooling2D(),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_gen, epochs=1)
