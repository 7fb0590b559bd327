# Reproduces: https://github.com/keras-team/keras/issues/3703
# Style: lambda, backend-sum, embedding, RepeatVector, add, functional
# Intent: the question's sentence vector is meant to be the sum of its word vectors (axis=1),
#   but the Lambda sums over axis=2, the embedding axis: (None, 4, 3) becomes (None, 4), which
#   RepeatVector(4) turns into (None, 4, 4); adding it to the story's (None, 4, 3) embedding
#   raises while the model is built, at `merged = layers.add([repeated, story_emb])`.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K

vocab_size = 20
question = keras.Input(shape=(4,), dtype="int32")
story = keras.Input(shape=(4,), dtype="int32")
question_emb = layers.Embedding(vocab_size, 3)(question)
story_emb = layers.Embedding(vocab_size, 3)(story)

summed = layers.Lambda(lambda x: K.sum(x, axis=2))(question_emb)
repeated = layers.RepeatVector(4)(summed)
merged = layers.add([repeated, story_emb])
out = layers.Dense(1, activation="sigmoid")(layers.Flatten()(merged))
model = keras.Model([question, story], out)
model.compile(optimizer="adam", loss="binary_crossentropy")
