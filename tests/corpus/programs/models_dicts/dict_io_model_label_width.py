# Reproduces: https://github.com/tensorflow/tensorflow/issues/34114
# Style: dict-inputs, dict-outputs, loss-dict, dict-labels, one-hot-width
# Intent: the "category" head has 3 units but its one-hot labels have 4 columns (to_categorical
#   of labels 0..3); model.fit raises (target (None, 4) vs output (None, 3)).
import numpy as np
import tensorflow as tf

n = 64
features = {
    "before": np.random.rand(n, 20).astype("float32"),
    "after": np.random.rand(n, 8).astype("float32"),
}
targets = {
    "score": np.random.rand(n, 1),
    "category": tf.keras.utils.to_categorical(np.random.randint(0, 4, n), 4),
}

before = tf.keras.Input(shape=(20,), name="before")
after = tf.keras.Input(shape=(8,), name="after")
hidden = tf.keras.layers.Dense(16, activation="relu")(
    tf.keras.layers.concatenate([before, after])
)
outputs = {
    "score": tf.keras.layers.Dense(1)(hidden),
    "category": tf.keras.layers.Dense(3, activation="softmax")(hidden),
}
model = tf.keras.Model(inputs={"before": before, "after": after}, outputs=outputs)
model.compile(
    optimizer="adam",
    loss={"score": "mse", "category": "categorical_crossentropy"},
    loss_weights={"score": 1.0, "category": 0.5},
)
model.fit(features, targets, epochs=1, batch_size=16, verbose=0)
