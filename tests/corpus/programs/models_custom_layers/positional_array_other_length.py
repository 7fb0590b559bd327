# Reproduces: https://keras.io/examples/nlp/text_classification_with_transformer/
# Style: custom-layer, embedding, positional-embedding, tf.shape-in-call, text, functional
# Intent: the token arrays were cut to 64 tokens while the model and its position embedding
#   were built for maxlen=40; model.fit raises at the model's input (expected shape=(None, 40),
#   found (32, 64)).
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, maxlen, vocab_size, embed_dim):
        super().__init__()
        self.token_emb = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)
        self.pos_emb = layers.Embedding(input_dim=maxlen, output_dim=embed_dim)

    def call(self, x):
        maxlen = tf.shape(x)[-1]
        positions = tf.range(start=0, limit=maxlen, delta=1)
        positions = self.pos_emb(positions)
        x = self.token_emb(x)
        return x + positions


vocab_size = 5000
maxlen = 40
embed_dim = 32

# the reviews, already tokenized and cut to a fixed length elsewhere
tokens = np.random.randint(1, vocab_size, size=(500, 64))
labels = np.random.randint(0, 2, size=(500,))

inputs = layers.Input(shape=(maxlen,))
x = TokenAndPositionEmbedding(maxlen, vocab_size, embed_dim)(inputs)
x = layers.GlobalAveragePooling1D()(x)
x = layers.Dropout(0.1)(x)
x = layers.Dense(20, activation="relu")(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(tokens, labels, batch_size=32, epochs=1)
