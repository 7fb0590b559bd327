# Reproduces: https://github.com/keras-team/keras/issues/19769
# Style: multiheadattention, cross-attention, query-key-value, functional
# Intent: works (cross-attention between a (None, 10, 16) query and a (None, 12, 8) value: the
#   layer projects both to key_dim, so the different last axes are fine in Keras 3 and 2)
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

q_in = keras.Input(shape=(10, 16))
v_in = keras.Input(shape=(12, 8))
mha = layers.MultiHeadAttention(num_heads=2, key_dim=8)
attn = mha(query=q_in, value=v_in)
out = layers.Dense(1)(layers.GlobalAveragePooling1D()(attn))
model = keras.Model([q_in, v_in], out)
model.compile(optimizer="adam", loss="mse")
model.fit([np.random.rand(20, 10, 16), np.random.rand(20, 12, 8)], np.random.rand(20, 1), epochs=1)
