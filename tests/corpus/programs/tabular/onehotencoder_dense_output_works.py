# Reproduces: https://kiwix.lema.org/stackoverflow.com_en_all_2023-11/questions/67382294/tensorflow-predict-1-of-4-labels-for-text-classification
# Style: pandas, OneHotEncoder(sparse_output=False) on the target column, units from the encoder
# Intent: works
import pandas as pd
from sklearn.preprocessing import OneHotEncoder
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense

df = pd.read_csv("colors.csv")
X = df[["word_1", "word_2"]].values

encoder = OneHotEncoder(sparse_output=False)
y = encoder.fit_transform(df[["target"]])
print(encoder.categories_, y.shape)

model = Sequential()
model.add(Dense(16, input_shape=(2,), activation="relu"))
model.add(Dense(4, activation="softmax"))  # red, blue, green, yellow
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=8)
