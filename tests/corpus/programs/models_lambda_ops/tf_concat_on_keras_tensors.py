# Reproduces: https://github.com/tensorflow/tensorflow/issues/42443
# Style: tf-ops-on-symbolic-tensors, tf.concat, tf.reduce_sum, functional
# Intent: TensorFlow ops applied directly to Keras Inputs. Keras 2 (measured): runs (the ops are
#   wrapped as layers). Keras 3: raises at `out = tf.concat([a, b], axis=1)` (a KerasTensor
#   cannot be used as input to a TensorFlow function).
import numpy as np
import tensorflow as tf

a = tf.keras.Input(shape=[1], name="a")
b = tf.keras.Input(shape=[1], name="b")
out = tf.concat([a, b], axis=1)
out = tf.reduce_sum(out, axis=1, keepdims=True)
model = tf.keras.Model([a, b], [out])
print(model({"a": tf.convert_to_tensor([[1.0]]), "b": tf.convert_to_tensor([[2.0]])}))
