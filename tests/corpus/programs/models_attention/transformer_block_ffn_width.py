# Reproduces: https://github.com/keras-team/keras/issues/17093
# Style: multiheadattention, custom-layer, transformer-block, residual-add, timeseries
# Intent: the feed-forward part ends in Dense(ff_dim) instead of Dense(embed_dim), so the
#   residual `out1 + ffn_output` adds (None, 24, 8) and (None, 24, 32); the block raises when it
#   is called on the Input (`x = TransformerBlock(...)(inputs)`).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class TransformerBlock(layers.Layer):
    def __init__(self, embed_dim, num_heads, ff_dim):
        super().__init__()
        self.att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.ffn = keras.Sequential([layers.Dense(ff_dim, activation="relu"),
                                     layers.Dense(ff_dim)])
        self.layernorm1 = layers.LayerNormalization(epsilon=1e-6)
        self.layernorm2 = layers.LayerNormalization(epsilon=1e-6)

    def call(self, inputs):
        out1 = self.layernorm1(inputs + self.att(inputs, inputs))
        return self.layernorm2(out1 + self.ffn(out1))


inputs = keras.Input(shape=(24, 8))
x = TransformerBlock(embed_dim=8, num_heads=2, ff_dim=32)(inputs)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(32, 24, 8), np.random.rand(32, 1), epochs=1)
