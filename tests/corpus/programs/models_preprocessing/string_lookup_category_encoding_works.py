# Reproduces: https://www.tensorflow.org/tutorials/structured_data/preprocessing_layers
# Style: StringLookup one_hot, Normalization-adapt, concatenate, functional, two inputs, tf.data dict
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

n = 40
pet_type = np.array(["Cat", "Dog", "Dog", "Cat", "Bird"] * 8)
age = np.random.rand(n, 1).astype("float32") * 10
adopted = np.random.randint(0, 2, size=(n,))

type_input = keras.Input(shape=(1,), name="type", dtype="string")
age_input = keras.Input(shape=(1,), name="age")

lookup = layers.StringLookup(vocabulary=["Cat", "Dog"], output_mode="one_hot")
encoded_type = lookup(type_input)
norm = layers.Normalization()
norm.adapt(age)
encoded_age = norm(age_input)

features = layers.concatenate([encoded_type, encoded_age])
x = layers.Dense(16, activation="relu")(features)
output = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=[type_input, age_input], outputs=output)
model.compile(optimizer="adam", loss="binary_crossentropy")

ds = tf.data.Dataset.from_tensor_slices(({"type": pet_type[:, None], "age": age}, adopted)).batch(8)
model.fit(ds, epochs=1, verbose=0)
