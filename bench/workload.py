"""Realistic Keras scripts of any length: data, models, training, and ordinary Python around them."""

from __future__ import annotations

HEADER = "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\n\n"

BLOCK = """# --- experiment {i}
X_{i} = np.random.rand(200, 28, 28)
X_{i} = X_{i}.reshape(-1, 28, 28, 1) / 255.0
y_{i} = keras.utils.to_categorical(np.random.randint(0, 10, 200), 10)
config_{i} = {{"lr": 0.001 * {i}, "name": "run-{i}", "epochs": 2}}
model_{i} = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(32, 3, activation="relu"),
    keras.layers.MaxPooling2D(2),
    keras.layers.Conv2D(64, 3, activation="relu", padding="same"),
    keras.layers.Flatten(),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(10, activation="softmax"),
])
model_{i}.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])


def evaluate_{i}(m, x, y):
    scores = m.evaluate(x, y, verbose=0)
    for k, v in enumerate(scores):
        print(f"{{config_{i}['name']}} metric {{k}}: {{v:.3f}}")
    return scores


history_{i} = model_{i}.fit(X_{i}, y_{i}, epochs=config_{i}["epochs"], batch_size=32, validation_split=0.1)
results_{i} = evaluate_{i}(model_{i}, X_{i}, y_{i})
"""
BLOCK_LINES = BLOCK.count("\n")


def script(lines: int) -> str:
    blocks = max(1, (lines - 4) // BLOCK_LINES)
    return HEADER + "".join(BLOCK.format(i=i) for i in range(blocks))
