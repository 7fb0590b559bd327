# Reproduces: https://keras.io/examples/timeseries/timeseries_classification_transformer/
# Style: multiheadattention, functional, encoder-in-function, loop-over-blocks, conv1d-ffn
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def transformer_encoder(inputs, head_size, num_heads, ff_dim, dropout=0):
    x = layers.MultiHeadAttention(key_dim=head_size, num_heads=num_heads, dropout=dropout)(inputs, inputs)
    x = layers.Dropout(dropout)(x)
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    res = x + inputs
    x = layers.Conv1D(filters=ff_dim, kernel_size=1, activation="relu")(res)
    x = layers.Dropout(dropout)(x)
    x = layers.Conv1D(filters=inputs.shape[-1], kernel_size=1)(x)
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    return x + res


def build_model(input_shape, head_size, num_heads, ff_dim, num_transformer_blocks, mlp_units,
                n_classes, dropout=0, mlp_dropout=0):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for _ in range(num_transformer_blocks):
        x = transformer_encoder(x, head_size, num_heads, ff_dim, dropout)
    x = layers.GlobalAveragePooling1D(data_format="channels_last")(x)
    for dim in mlp_units:
        x = layers.Dense(dim, activation="relu")(x)
        x = layers.Dropout(mlp_dropout)(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


x_train = np.random.rand(60, 50, 1)
y_train = np.random.randint(0, 2, 60)
model = build_model(x_train.shape[1:], head_size=16, num_heads=2, ff_dim=4,
                    num_transformer_blocks=2, mlp_units=[16], n_classes=2)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam",
              metrics=["sparse_categorical_accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=16)
