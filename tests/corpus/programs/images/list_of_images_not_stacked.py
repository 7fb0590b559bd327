# Reproduces: https://openillumi.com/en/en-fix-keras-data-cardinality-ambiguous-tf-stack
# Style: images appended to a Python list in a loop (np.random stand-ins for loaded files), targets of 5 floats per image in another list, both given to fit as lists
# Intent: a Python list of 40 image arrays (and a list of 40 target lists) given to fit for a model of one input; the thread's TensorFlow said 'Data cardinality is ambiguous', Keras 3.15 fails in its data handling (IndexError) and Keras 2.21 finds no data adapter for the lists
import numpy as np
import tensorflow as tf

data_list = []
y = []
for i in range(40):
    img = np.random.rand(32, 32, 3).astype("float32")
    data_list.append(img)
    y.append(list(np.random.rand(5)))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(32, 32, 3)),
    tf.keras.layers.Conv2D(8, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(5),
])
model.compile(optimizer="adam", loss="mse")
model.fit(data_list, y, epochs=1, batch_size=8, verbose=0)
