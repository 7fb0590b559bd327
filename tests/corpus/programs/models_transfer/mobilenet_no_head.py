# Reproduces: https://github.com/keras-team/keras-applications/issues/56
# Style: applications, mobilenet_v2, include_top=False, classes-argument, compiled-directly
# Intent: the backbone is compiled and trained as is: with include_top=False its output is a
#   4-D feature map (the classes=7 argument is ignored), while the labels are one-hot (N, 7);
#   model.fit raises in the loss.
import numpy as np
from tensorflow.keras.applications import mobilenet_v2
from tensorflow.keras.optimizers import Adam

model = mobilenet_v2.MobileNetV2(input_shape=(96, 96, 3), alpha=1.0, include_top=False,
                                 weights="imagenet", pooling=None, classes=7)
model.compile(optimizer=Adam(), loss="categorical_crossentropy", metrics=["accuracy"])
X = np.random.rand(8, 96, 96, 3)
Y = np.eye(7)[np.random.randint(0, 7, 8)]
model.fit(X, Y, batch_size=4, epochs=1)
