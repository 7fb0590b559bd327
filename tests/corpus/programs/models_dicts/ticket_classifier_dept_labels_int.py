# Reproduces: https://keras.io/guides/functional_api/
# Style: dict-inputs, multi-output, loss-dict, loss_weights-dict, integer-labels-for-categorical
# Intent: the department targets are class indices (N, 1) but the department head's loss is
#   CategoricalCrossentropy on a 4-unit output; model.fit raises (target (None, 1) vs output
#   (None, 4)).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

num_tags = 12
num_words = 1000
num_departments = 4

title_input = keras.Input(shape=(None,), name="title")
tags_input = keras.Input(shape=(num_tags,), name="tags")
title_features = layers.LSTM(16)(layers.Embedding(num_words, 16)(title_input))
x = layers.concatenate([title_features, tags_input])
priority_pred = layers.Dense(1, name="priority")(x)
department_pred = layers.Dense(num_departments, name="department")(x)
model = keras.Model(inputs=[title_input, tags_input], outputs=[priority_pred, department_pred])
model.compile(
    optimizer="rmsprop",
    loss={"priority": keras.losses.BinaryCrossentropy(from_logits=True),
          "department": keras.losses.CategoricalCrossentropy(from_logits=True)},
    loss_weights={"priority": 1.0, "department": 0.2},
)
title_data = np.random.randint(num_words, size=(96, 10))
tags_data = np.random.randint(2, size=(96, num_tags)).astype("float32")
priority_targets = np.random.random(size=(96, 1))
dept_targets = np.random.randint(num_departments, size=(96, 1))
model.fit({"title": title_data, "tags": tags_data},
          {"priority": priority_targets, "department": dept_targets}, epochs=1, batch_size=32)
