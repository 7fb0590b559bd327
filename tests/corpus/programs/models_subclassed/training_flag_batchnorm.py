# Reproduces: https://apxml.com/courses/advanced-tensorflow/chapter-4-advanced-api-custom-components/subclassing-keras-model
# Style: subclassed-model, training-arg, batchnorm, dropout, model-called-on-array
# Intent: works
import numpy as np
import tensorflow as tf


class CustomMLP(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__(name="custom_mlp")
        self.dense1 = tf.keras.layers.Dense(64, activation="relu")
        self.bn = tf.keras.layers.BatchNormalization()
        self.dropout = tf.keras.layers.Dropout(0.5)
        self.dense2 = tf.keras.layers.Dense(num_classes)

    def call(self, inputs, training=False):
        x = self.dense1(inputs)
        x = self.bn(x, training=training)
        if training:
            x = self.dropout(x, training=training)
        return self.dense2(x)


x = np.random.rand(128, 20).astype("float32")
y = np.random.randint(0, 10, size=(128,))
model = CustomMLP()
_ = model(x[:2])
model.summary()
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x, y, epochs=2, batch_size=32, validation_split=0.25)
