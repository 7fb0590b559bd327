# Reproduces: https://github.com/keras-team/keras/issues/3703
# Style: lambda, backend-sum, embedding, RepeatVector, add, functional
# Intent: works (the Lambda sums the question's word vectors over axis=1, (None, 4, 3) to
#   (None, 3); RepeatVector(4) gives (None, 4, 3), the story embedding's shape)
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K

vocab_size = 20
question = keras.Input(shape=(4,), dtype="int32")
story = keras.Input(shape=(4,), dtype="int32")
question_emb = layers.Embedding(vocab_size, 3)(question)
story_emb = layers.Embedding(vocab_size, 3)(story)

summed = layers.Lambda(lambda x: K.sum(x, axis=1))(question_emb)
repeated = layers.RepeatVector(4)(summed)
merged = layers.add([repeated, story_emb])
out = layers.Dense(1, activation="sigmoid")(layers.Flatten()(merged))
model = keras.Model([question, story], out)
model.compile(optimizer="adam", loss="binary_crossentropy")

q = np.random.randint(0, vocab_size, size=(32, 4))
s = np.random.randint(0, vocab_size, size=(32, 4))
model.fit([q, s], np.random.randint(0, 2, size=(32, 1)), epochs=1, verbose=0)
