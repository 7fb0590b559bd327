# Reproduces: https://errorhandle.ai/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1
# Style: pandas DataFrame of filenames and string labels, ImageDataGenerator.flow_from_dataframe, categorical
# Intent: works
import pandas as pd
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import layers, models

df = pd.read_csv("labels.csv", dtype=str)
print(df["label"].value_counts())

datagen = ImageDataGenerator(rescale=1.0 / 255)
train_gen = datagen.flow_from_dataframe(
    dataframe=df,
    directory="images",
    x_col="filename",
    y_col="label",
    target_size=(40, 40),
    batch_size=4,
    class_mode="categorical",
)

model = models.Sequential([
    layers.Conv2D(8, 3, activation="relu", input_shape=(40, 40, 3)),
    layers.GlobalMaxPooling2D(),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_gen, epochs=1)
