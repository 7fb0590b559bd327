# Reproduces: https://helmuth.at/neural-network/multiple-outputs-and-keras/
# Style: multi-output, list-outputs, loss-dict-by-layer-name, dict-labels, integer-class-labels
# Intent: the "classification" head is trained with categorical_crossentropy but its labels are
#   class indices (N,); model.fit raises (target vs output shape).
import numpy as np
from tensorflow.keras import layers, Input, Model

input_layer = Input(shape=(32, 32, 3))
x = layers.Conv2D(8, (3, 3), activation="relu")(input_layer)
x = layers.MaxPooling2D()(x)
x = layers.Flatten()(x)
output1 = layers.Dense(10, activation="softmax", name="classification")(x)
output2 = layers.Dense(4, name="bbox")(x)
model = Model(inputs=input_layer, outputs=[output1, output2])
model.compile(
    optimizer="adam",
    loss={"classification": "categorical_crossentropy", "bbox": "mean_squared_error"},
)

X_train = np.random.rand(40, 32, 32, 3)
y_class = np.random.randint(10, size=(40,))
y_bbox = np.random.rand(40, 4)
model.fit(X_train, {"classification": y_class, "bbox": y_bbox}, epochs=1, batch_size=8)
