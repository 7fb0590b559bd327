# Reproduces: https://github.com/keras-team/keras/issues/10067
# Style: custom-layer, concatenate, embedding, multi-branch, functional
# Intent: a custom layer concatenates an embedded (None, 1, 10) branch with a (None, 1) numeric
#   branch along the last axis; the ranks differ and the call on the symbolic inputs raises at
#   `merged = FeatureMerge()([emb, num])`.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class FeatureMerge(layers.Layer):
    def call(self, inputs):
        emb, num = inputs
        return tf.concat([emb, num], axis=-1)


cat_in = layers.Input(shape=(1,), name="store_id")
num_in = layers.Input(shape=(1,), name="price")
emb = layers.Embedding(100, 10)(cat_in)
num = layers.Dense(1)(num_in)
merged = FeatureMerge()([emb, num])
out = layers.Dense(1)(layers.Flatten()(merged))
model = keras.Model([cat_in, num_in], out)
model.compile(optimizer="adam", loss="mse")
model.fit([np.random.randint(0, 100, (40, 1)), np.random.rand(40, 1)], np.random.rand(40, 1), epochs=1)
