# Reproduces: https://keras.io/examples/nlp/text_classification_with_transformer/
# Style: custom-layer, embedding, positional-embedding, pad_sequences, functional
# Intent: the sequences are padded to 60 tokens but the model's Input and the layer were made for
#   maxlen=40; model.fit raises at the model input (expected shape=(None, 40), found (25, 60)).
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
        return self.token_emb(x) + self.pos_emb(positions)


vocab_size = 2000
maxlen = 40
texts = [list(np.random.randint(1, vocab_size, size=np.random.randint(5, 60))) for _ in range(100)]
x_train = keras.preprocessing.sequence.pad_sequences(texts, maxlen=60)
y_train = np.random.randint(0, 2, size=(100,))

inputs = layers.Input(shape=(maxlen,))
x = TokenAndPositionEmbedding(maxlen, vocab_size, 16)(inputs)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, y_train, batch_size=25, epochs=1)
