# Reproduces: https://kiwix.lema.org/stackoverflow.com_en_all_2023-11/questions/67382294/tensorflow-predict-1-of-4-labels-for-text-classification
# Style: pandas, OneHotEncoder(...).toarray(), output units hard-coded
# Intent: 4 one-hot target columns but the last Dense has 3 units
import pandas as pd
from sklearn.preprocessing import OneHotEncoder
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense

NUM_CLASSES = 3  # red, blue, green ... forgot yellow

df = pd.read_csv("colors.csv")
X = df[["word_1", "word_2"]].values
y = OneHotEncoder().fit_transform(df[["target"]]).toarray()

model = Sequential()
model.add(Dense(16, input_shape=(2,), activation="relu"))
model.add(Dense(NUM_CLASSES, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=8)
