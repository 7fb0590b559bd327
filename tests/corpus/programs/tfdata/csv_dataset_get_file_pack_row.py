# Reproduces: https://github.com/tensorflow/tensorflow/issues/37220
# Style: keras.utils.get_file, tf.data.experimental.CsvDataset, pack_row with tf.stack, unbatch/batch
# Intent: works
import tensorflow as tf
from tensorflow.keras import layers

gz = tf.keras.utils.get_file("HIGGS_small.csv.gz", "https://example.org/HIGGS_small.csv.gz")
FEATURES = 28

ds = tf.data.experimental.CsvDataset(gz, [float()] * (FEATURES + 1), compression_type="GZIP")


def pack_row(*row):
    label = row[0]
    features = tf.stack(row[1:], 1)
    return features, label


packed_ds = ds.batch(100).map(pack_row).unbatch()
train_ds = packed_ds.take(200).cache().shuffle(200).batch(20)

model = tf.keras.Sequential([
    layers.Dense(16, activation="elu", input_shape=(FEATURES,)),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss=tf.keras.losses.BinaryCrossentropy(from_logits=True))
model.fit(train_ds, epochs=1)
