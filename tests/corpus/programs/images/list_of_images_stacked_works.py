# Reproduces: https://openillumi.com/en/en-fix-keras-data-cardinality-ambiguous-tf-stack
# Style: images appended to a Python list in a loop (np.random stand-ins for loaded files), targets of 5 floats per image, tf.stack and np.array before fit
# Intent: works
import numpy as np
import tensorflow as tf

data_list = []
y = []
for i in range(40):
    img = np.random.rand(32, 32, 3).astype("float32")
    data_list.append(img)
    y.append(list(np.random.rand(5)))

data_list = tf.stack(data_list)
y = np.array(y)
print(data_list.shape, y.shape)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(32, 32, 3)),
    tf.keras.layers.Conv2D(8, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(5),
])
model.compile(optimizer="adam", loss="mse")
model.fit(data_list, y, epochs=1, batch_size=8, verbose=0)
print(model.predict(data_list[:2], verbose=0).shape)
