# Reproduces: https://errorhandle.ai/compilation-options-of-a-multi-output-model-multiple-losses-loss-weighting
# Style: multi-output, loss-dict, loss_weights-dict, named-outputs, images, cnn
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Flatten()(x)
x = layers.Dense(32, activation="relu")(x)
age = layers.Dense(1, name="age_output")(x)
gender = layers.Dense(1, activation="sigmoid", name="gender_output")(x)
model = keras.Model(inputs=inputs, outputs=[age, gender])
model.compile(optimizer="adam",
              loss={"age_output": "mse", "gender_output": "binary_crossentropy"},
              loss_weights={"age_output": 0.1, "gender_output": 1.0},
              metrics={"gender_output": "accuracy"})
X = np.random.rand(80, 32, 32, 3)
y_age = np.random.randint(1, 90, (80, 1)).astype("float32")
y_gender = np.random.randint(0, 2, (80, 1))
model.fit(X, {"age_output": y_age, "gender_output": y_gender}, epochs=1, batch_size=16,
          validation_split=0.2)
