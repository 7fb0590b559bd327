"""The layers Keras 2 (tf_keras 2.21) makes of TensorFlow functions, backend functions (`K.mean`)
and operators applied to Keras tensors outside a layer: TFOpLambda layers, each named after the
TensorFlow function it runs (its canonical API name, not the name the source wrote: `tf.reduce_mean`
is `tf.math.reduce_mean`, `tf.transpose` is `tf.compat.v1.transpose`), counted as layer names are
(`tf.concat`, `tf.concat_1`...). A backend function makes a layer per TensorFlow op it runs
(`K.sqrt`: tf.math.maximum, then tf.math.sqrt). All measured; tests/oracle/test_names.py holds every
row to tf_keras. A function not here is not named: the checker says nothing about it (most are
no function of that module at all: `tf.relu`, `tf.linalg.exp`). Keras 3 makes no layer of an op.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class Keras2Layers:
    """The layers made of one call, in order (the last one gives the result), and the layer
    Keras's message names when the op raises (Keras 2 names it after the function called then:
    `tf.squeeze`, `tf.keras.backend.reshape`)."""

    made: tuple[str, ...]
    raising: str
    class_name: str = "TFOpLambda"


# canonical function name -> the layers a call makes (measured with the function's usual
# arguments; tests/oracle/test_names.py KERAS2_CALLS gives the call measured)
FUNCTIONS: dict[str, tuple[str, ...]] = {
    "keras.activations.elu": ("tf.nn.elu",),
    "keras.activations.gelu": ("tf.nn.gelu",),
    "keras.activations.relu": ("tf.nn.relu",),
    "keras.activations.selu": ("tf.nn.selu",),
    "keras.activations.sigmoid": ("tf.math.sigmoid",),
    "keras.activations.softmax": ("tf.nn.softmax",),
    "keras.activations.softplus": ("tf.math.softplus",),
    "keras.activations.softsign": ("tf.nn.softsign",),
    "keras.activations.swish": ("tf.nn.silu",),
    "keras.activations.tanh": ("tf.math.tanh",),
    "keras.backend.abs": ("tf.math.abs",),
    "keras.backend.all": ("tf.cast", "tf.math.reduce_all"),
    "keras.backend.any": ("tf.cast", "tf.math.reduce_any"),
    "keras.backend.cast": ("tf.cast",),
    "keras.backend.clip": ("tf.clip_by_value",),
    "keras.backend.concatenate": ("tf.concat",),
    "keras.backend.cos": ("tf.math.cos",),
    "keras.backend.dropout": ("tf.nn.dropout",),
    "keras.backend.elu": ("tf.nn.elu",),
    "keras.backend.exp": ("tf.math.exp",),
    "keras.backend.expand_dims": ("tf.expand_dims",),
    "keras.backend.l2_normalize": ("tf.math.l2_normalize",),
    "keras.backend.log": ("tf.math.log",),
    "keras.backend.max": ("tf.math.reduce_max",),
    "keras.backend.maximum": ("tf.math.maximum",),
    "keras.backend.mean": ("tf.math.reduce_mean",),
    "keras.backend.min": ("tf.math.reduce_min",),
    "keras.backend.minimum": ("tf.math.minimum",),
    "keras.backend.ones_like": ("tf.ones_like",),
    "keras.backend.permute_dimensions": ("tf.compat.v1.transpose",),
    "keras.backend.pow": ("tf.math.pow",),
    "keras.backend.prod": ("tf.math.reduce_prod",),
    "keras.backend.relu": ("tf.nn.relu",),
    "keras.backend.reshape": ("tf.reshape",),
    "keras.backend.round": ("tf.math.round",),
    "keras.backend.shape": ("tf.compat.v1.shape",),
    "keras.backend.sigmoid": ("tf.math.sigmoid",),
    "keras.backend.sign": ("tf.math.sign",),
    "keras.backend.sin": ("tf.math.sin",),
    "keras.backend.softmax": ("tf.nn.softmax",),
    "keras.backend.softplus": ("tf.math.softplus",),
    "keras.backend.softsign": ("tf.nn.softsign",),
    "keras.backend.sqrt": ("tf.math.maximum", "tf.math.sqrt"),
    "keras.backend.square": ("tf.math.square",),
    "keras.backend.squeeze": ("tf.compat.v1.squeeze",),
    "keras.backend.stack": ("tf.stack",),
    "keras.backend.std": ("tf.math.reduce_std",),
    "keras.backend.stop_gradient": ("tf.stop_gradient",),
    "keras.backend.sum": ("tf.math.reduce_sum",),
    "keras.backend.tanh": ("tf.math.tanh",),
    "keras.backend.tile": ("tf.tile",),
    "keras.backend.transpose": ("tf.compat.v1.transpose",),
    "keras.backend.var": ("tf.math.reduce_variance",),
    "keras.backend.zeros_like": ("tf.zeros_like",),
    "tensorflow.abs": ("tf.math.abs",),
    "tensorflow.add": ("tf.math.add",),
    "tensorflow.cast": ("tf.cast",),
    "tensorflow.clip_by_value": ("tf.clip_by_value",),
    "tensorflow.concat": ("tf.concat",),
    "tensorflow.convert_to_tensor": ("tf.convert_to_tensor",),
    "tensorflow.cos": ("tf.math.cos",),
    "tensorflow.divide": ("tf.math.truediv",),
    "tensorflow.exp": ("tf.math.exp",),
    "tensorflow.expand_dims": ("tf.expand_dims",),
    "tensorflow.floor": ("tf.math.floor",),
    "tensorflow.identity": ("tf.identity",),
    "tensorflow.linalg.l2_normalize": ("tf.math.l2_normalize",),
    "tensorflow.linalg.matmul": ("tf.linalg.matmul",),
    "tensorflow.math.abs": ("tf.math.abs",),
    "tensorflow.math.add": ("tf.math.add",),
    "tensorflow.math.ceil": ("tf.math.ceil",),
    "tensorflow.math.cos": ("tf.math.cos",),
    "tensorflow.math.divide": ("tf.math.truediv",),
    "tensorflow.math.divide_no_nan": ("tf.math.divide_no_nan",),
    "tensorflow.math.erf": ("tf.math.erf",),
    "tensorflow.math.exp": ("tf.math.exp",),
    "tensorflow.math.floor": ("tf.math.floor",),
    "tensorflow.math.floordiv": ("tf.compat.v1.floor_div",),
    "tensorflow.math.l2_normalize": ("tf.math.l2_normalize",),
    "tensorflow.math.log": ("tf.math.log",),
    "tensorflow.math.log_softmax": ("tf.nn.log_softmax",),
    "tensorflow.math.maximum": ("tf.math.maximum",),
    "tensorflow.math.minimum": ("tf.math.minimum",),
    "tensorflow.math.mod": ("tf.math.floormod",),
    "tensorflow.math.multiply": ("tf.math.multiply",),
    "tensorflow.math.negative": ("tf.math.negative",),
    "tensorflow.math.pow": ("tf.math.pow",),
    "tensorflow.math.reciprocal": ("tf.math.reciprocal",),
    "tensorflow.math.reduce_all": ("tf.math.reduce_all",),
    "tensorflow.math.reduce_any": ("tf.math.reduce_any",),
    "tensorflow.math.reduce_logsumexp": ("tf.math.reduce_logsumexp",),
    "tensorflow.math.reduce_max": ("tf.math.reduce_max",),
    "tensorflow.math.reduce_mean": ("tf.math.reduce_mean",),
    "tensorflow.math.reduce_min": ("tf.math.reduce_min",),
    "tensorflow.math.reduce_prod": ("tf.math.reduce_prod",),
    "tensorflow.math.reduce_std": ("tf.math.reduce_std",),
    "tensorflow.math.reduce_sum": ("tf.math.reduce_sum",),
    "tensorflow.math.reduce_variance": ("tf.math.reduce_variance",),
    "tensorflow.math.round": ("tf.math.round",),
    "tensorflow.math.rsqrt": ("tf.math.rsqrt",),
    "tensorflow.math.sigmoid": ("tf.math.sigmoid",),
    "tensorflow.math.sign": ("tf.math.sign",),
    "tensorflow.math.sin": ("tf.math.sin",),
    "tensorflow.math.softmax": ("tf.nn.softmax",),
    "tensorflow.math.softplus": ("tf.math.softplus",),
    "tensorflow.math.softsign": ("tf.nn.softsign",),
    "tensorflow.math.sqrt": ("tf.math.sqrt",),
    "tensorflow.math.square": ("tf.math.square",),
    "tensorflow.math.squared_difference": ("tf.math.squared_difference",),
    "tensorflow.math.subtract": ("tf.math.subtract",),
    "tensorflow.math.tanh": ("tf.math.tanh",),
    "tensorflow.math.truediv": ("tf.math.truediv",),
    "tensorflow.matmul": ("tf.linalg.matmul",),
    "tensorflow.maximum": ("tf.math.maximum",),
    "tensorflow.minimum": ("tf.math.minimum",),
    "tensorflow.multiply": ("tf.math.multiply",),
    "tensorflow.negative": ("tf.math.negative",),
    "tensorflow.nn.dropout": ("tf.nn.dropout",),
    "tensorflow.nn.elu": ("tf.nn.elu",),
    "tensorflow.nn.gelu": ("tf.nn.gelu",),
    "tensorflow.nn.l2_normalize": ("tf.math.l2_normalize",),
    "tensorflow.nn.leaky_relu": ("tf.nn.leaky_relu",),
    "tensorflow.nn.log_softmax": ("tf.nn.log_softmax",),
    "tensorflow.nn.relu": ("tf.nn.relu",),
    "tensorflow.nn.relu6": ("tf.nn.relu6",),
    "tensorflow.nn.selu": ("tf.nn.selu",),
    "tensorflow.nn.sigmoid": ("tf.math.sigmoid",),
    "tensorflow.nn.silu": ("tf.nn.silu",),
    "tensorflow.nn.softmax": ("tf.nn.softmax",),
    "tensorflow.nn.softplus": ("tf.math.softplus",),
    "tensorflow.nn.softsign": ("tf.nn.softsign",),
    "tensorflow.nn.swish": ("tf.nn.silu",),
    "tensorflow.nn.tanh": ("tf.math.tanh",),
    "tensorflow.ones_like": ("tf.ones_like",),
    "tensorflow.pow": ("tf.math.pow",),
    "tensorflow.reduce_all": ("tf.math.reduce_all",),
    "tensorflow.reduce_any": ("tf.math.reduce_any",),
    "tensorflow.reduce_logsumexp": ("tf.math.reduce_logsumexp",),
    "tensorflow.reduce_max": ("tf.math.reduce_max",),
    "tensorflow.reduce_mean": ("tf.math.reduce_mean",),
    "tensorflow.reduce_min": ("tf.math.reduce_min",),
    "tensorflow.reduce_prod": ("tf.math.reduce_prod",),
    "tensorflow.reduce_sum": ("tf.math.reduce_sum",),
    "tensorflow.reshape": ("tf.reshape",),
    "tensorflow.round": ("tf.math.round",),
    "tensorflow.shape": ("tf.compat.v1.shape",),
    "tensorflow.sigmoid": ("tf.math.sigmoid",),
    "tensorflow.sign": ("tf.math.sign",),
    "tensorflow.sin": ("tf.math.sin",),
    "tensorflow.split": ("tf.split",),
    "tensorflow.sqrt": ("tf.math.sqrt",),
    "tensorflow.square": ("tf.math.square",),
    "tensorflow.squeeze": ("tf.compat.v1.squeeze",),
    "tensorflow.stack": ("tf.stack",),
    "tensorflow.stop_gradient": ("tf.stop_gradient",),
    "tensorflow.subtract": ("tf.math.subtract",),
    "tensorflow.tanh": ("tf.math.tanh",),
    "tensorflow.tile": ("tf.tile",),
    "tensorflow.transpose": ("tf.compat.v1.transpose",),
    "tensorflow.truediv": ("tf.math.truediv",),
    "tensorflow.zeros_like": ("tf.zeros_like",),
}

# where the layer named in Keras's message when the op raises is not the last one made
RAISING: dict[str, str] = {
    "keras.backend.concatenate": "tf.keras.backend.concatenate",
    "keras.backend.maximum": "tf.keras.backend.maximum",
    "keras.backend.minimum": "tf.keras.backend.minimum",
    "keras.backend.pow": "tf.keras.backend.pow",
    "keras.backend.reshape": "tf.keras.backend.reshape",
    "keras.backend.squeeze": "tf.keras.backend.squeeze",
    "keras.backend.stack": "tf.keras.backend.stack",
    "tensorflow.divide": "tf.math.divide",
    "tensorflow.math.divide": "tf.math.divide",
    "tensorflow.math.floordiv": "tf.math.floordiv",
    "tensorflow.squeeze": "tf.squeeze",
}

# their layers depend on the arguments (K.relu(x, alpha=0.1) is tf.nn.leaky_relu, elu's alpha
# adds tf.math.greater, tf.math.multiply and tf.where): named only when called on x alone
NAMED_ON_X_ALONE = frozenset(
    {"keras.backend.relu", "keras.activations.relu", "keras.backend.elu", "keras.activations.elu"}
)

# operators on a Keras tensor (`x + y`, `-x`), and `x[...]` (a SlicingOpLambda)
OPERATORS: dict[type, Keras2Layers] = {
    ast.Add: Keras2Layers(("tf.__operators__.add",), "tf.__operators__.add"),
    ast.Sub: Keras2Layers(("tf.math.subtract",), "tf.math.subtract"),
    ast.Mult: Keras2Layers(("tf.math.multiply",), "tf.math.multiply"),
    ast.Div: Keras2Layers(("tf.math.truediv",), "tf.math.truediv"),
    ast.FloorDiv: Keras2Layers(("tf.compat.v1.floor_div",), "tf.math.floordiv"),
    ast.Pow: Keras2Layers(("tf.math.pow",), "tf.math.pow"),
    ast.Mod: Keras2Layers(("tf.math.floormod",), "tf.math.floormod"),
    ast.MatMult: Keras2Layers(("tf.linalg.matmul",), "tf.linalg.matmul"),
    ast.USub: Keras2Layers(("tf.math.negative",), "tf.math.negative"),
}
GETITEM = Keras2Layers(("tf.__operators__.getitem",), "tf.__operators__.getitem", "SlicingOpLambda")


def function_layers(name: str, arguments: int) -> Keras2Layers | None:
    """The layers Keras 2 makes of a call of the function `name` (canonical) with this many
    arguments on Keras tensors; None: not measured."""
    made = FUNCTIONS.get(name)
    if made is None or (name in NAMED_ON_X_ALONE and arguments != 1):
        return None
    return Keras2Layers(made, RAISING.get(name, made[-1]))
