# Reproduces: https://machinelearningmastery.com/use-word-embedding-layers-deep-learning-keras/
# Style: embedding_matrix with a padding row, functional model, layer.set_weights([embedding_matrix]) after building, trainable=False
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

vocab_size = 14 + 1  # row 0 is padding
embedding_dim = 8
max_length = 4
embedding_matrix = np.random.rand(vocab_size, embedding_dim)

inputs = keras.Input(shape=(max_length,))
embedding = layers.Embedding(vocab_size, embedding_dim, trainable=False)
x = embedding(inputs)
embedding.set_weights([embedding_matrix])
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.randint(1, vocab_size, (10, max_length)), np.random.randint(0, 2, 10), epochs=1, verbose=0)
