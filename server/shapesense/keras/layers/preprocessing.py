"""Preprocessing layers: keras/src/layers/preprocessing/.

Shapes as Keras 2 and 3 both report them. Where the two differ (a layer Keras 2 refuses on an
input Keras 3 accepts), or the output depends on a vocabulary only `adapt` knows, the output
is unknown: silence, never a guess.
"""

from __future__ import annotations

import math
from typing import Any

from ... import numpy_rules
from ...shapes import Shape, fmt
from .base import Args, LayerError, LayerRule, Opaque, fan_in, identity

ENCODED_MODES = ("one_hot", "multi_hot", "count", "tf_idf")


def augmentation(inp: Shape, a: Args) -> Shape:
    """Random* layers keep the shape; Keras 2 refuses inputs without a channel axis."""
    if len(inp) < 3:
        raise Opaque("rank")
    return inp


def image_size_output(inp: Shape, a: Args) -> Shape:
    """Resizing, CenterCrop, RandomCrop: (batch, height, width, channels). A rank-3 input is
    one unbatched image to Keras, whatever the model says: (height, width, channels)."""
    height, width = a.get("height"), a.get("width")
    if not isinstance(height, int) or not isinstance(width, int):
        raise Opaque("size")
    if len(inp) == 4:
        if a.get("data_format") == "channels_first":
            return (inp[0], inp[1], height, width)
        return (inp[0], height, width, inp[3])
    if len(inp) == 3 and a.get("data_format") != "channels_first":
        return (height, width, inp[2])
    raise Opaque("rank")


def encoded(inp: Shape, depth: Any, mode: str) -> Shape:
    """keras.src.utils.numerical_utils.encode_categorical_inputs, as a shape: `int` keeps
    the shape; one_hot on (batch,) or (batch, 1) and the other modes on (batch, n) give
    (batch, depth). Other ranks differ between Keras 2 and 3: unknown."""
    if mode == "int":
        return inp
    if mode not in ENCODED_MODES or not isinstance(depth, int):
        raise Opaque("output_mode")
    if len(inp) == 1 or (len(inp) == 2 and (mode != "one_hot" or inp[1] == 1)):
        return (inp[0], depth)
    raise Opaque("rank")


def lookup_depth(a: Args, oov_default: int = 1) -> int:
    """The width of a lookup's encoded output: the vocabulary plus its OOV indices (the mask
    token takes no column), or max_tokens when padded to it. A vocabulary given as a file,
    or learned by `adapt`, is unknown here."""
    if a.get("pad_to_max_tokens", False) and isinstance(a.get("max_tokens"), int):
        return a.get("max_tokens")
    vocabulary = a.get("vocabulary")
    if not isinstance(vocabulary, (list, tuple)):
        raise Opaque("vocabulary")
    return len(vocabulary) + a.get("num_oov_indices", oov_default)


def lookup_output(inp: Shape, a: Args) -> Shape:
    if a.get("invert", False):
        return inp
    mode = a.get("output_mode", "int")
    return encoded(inp, lookup_depth(a) if mode != "int" else None, mode)


def hashing_output(inp: Shape, a: Args) -> Shape:
    return encoded(inp, a.get("num_bins"), a.get("output_mode", "int"))


def discretization_output(inp: Shape, a: Args) -> Shape:
    mode = a.get("output_mode", "int")
    boundaries = a.get("bin_boundaries")
    depth = len(boundaries) + 1 if isinstance(boundaries, (list, tuple)) else None
    return encoded(inp, depth, mode)


def category_encoding_output(inp: Shape, a: Args) -> Shape:
    return encoded(inp, a.get("num_tokens"), a.get("output_mode", "multi_hot"))


def text_vectorization_output(inp: Shape, a: Args) -> Shape:
    """One string per example, as (batch,) or (batch, 1): `int` mode gives a token sequence
    of output_sequence_length, or of undefined length (None in Keras too) without it."""
    if a.get("output_mode", "int") != "int":
        raise Opaque("output_mode")  # the width is the vocabulary adapt learns
    if not (len(inp) == 1 or (len(inp) == 2 and inp[1] == 1)):
        raise Opaque("rank")
    length = a.get("output_sequence_length")
    if length is not None and not isinstance(length, int):
        raise Opaque("output_sequence_length")
    return (inp[0], length)


def _adapted_mean(inp: Shape, a: Args) -> Shape | None:
    """The shape of the mean `adapt(data)` learned, kept axes with the data's sizes and 1
    elsewhere (None: not adapted on an array). One mean for every value (axis=None) is of
    shape (1, 1) for 2-D data in Keras 2, which a row (5,) broadcasts against to (1, 5)
    (measured, tf_keras 2.21); Keras 3 keeps the input's shape (None here)."""
    adapted = a.values.get("adapted_on")
    axis = a.get("axis", -1)
    if adapted is None or (axis is None and a.get("keras_major") != 2):
        return None
    if axis is None:
        return (1,) * len(adapted)
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    rank = len(adapted)
    keep = {ax % rank for ax in axes}
    return tuple(adapted[d] if d in keep else 1 for d in range(rank))


def _mean_mismatch(inp: Shape, mean: Shape, node: str, operands: str) -> LayerError:
    """TensorFlow's words for the subtraction of a mean that does not broadcast."""
    a_dim, b_dim = next(
        (x, y)
        for x, y in zip(reversed(inp), reversed(mean), strict=False)
        if type(x) is int and x not in (1, y)
    )
    shapes = ", ".join(_tf(s) for s in (inp, mean))
    return LayerError(
        f"Dimensions must be equal, but are {a_dim} and {b_dim} for "
        f"'{{{{node {node}}}}} = Sub[T=DT_FLOAT]({operands})' with input shapes: {shapes}.",
        expected=f"the sizes it was adapted on ({fmt((None, *mean[1:]))})",
    )


def normalization_output(inp: Shape, a: Args) -> Shape:
    """After `adapt(data)` the mean and variance have the data's kept axes, shaped to
    broadcast (1 elsewhere); the call subtracts them. Keras 2 raises there on sizes that do not
    broadcast (measured with tf_keras 2.21: "Dimensions must be equal, but are 5 and 9 for
    '{{node normalization/sub}} ...'"); Keras 3's symbolic call keeps the input's shape and
    the subtraction fails on the data (`normalization_run_error`)."""
    mean = _adapted_mean(inp, a)
    if mean is None:
        return inp
    try:
        out = numpy_rules.broadcast(inp, mean)
    except numpy_rules.NumpyError:
        if a.get("keras_major") != 2:
            return inp  # Keras 3 builds it
        raise _mean_mismatch(
            inp, mean, "normalization/sub", "Placeholder, normalization/sub/y"
        ) from None
    if tuple(out) != tuple(inp) and a.get("keras_major") != 2:
        raise Opaque("broadcast")  # Keras 3's symbolic shape is the input's
    return tuple(out)


def normalization_run_error(inp: Shape, a: Args) -> LayerError | None:
    """Keras 3 builds a Normalization adapted on sizes the input does not broadcast against;
    fit, evaluate and predict then raise ValueError in its call (measured with Keras 3.15:
    "Dimensions must be equal, but are 5 and 9 for '{{node
    functional_1/normalization_1/Sub}} ...' with input shapes: [?,5], [1,9].")."""
    mean = _adapted_mean(inp, a)
    if mean is None or a.get("keras_major") == 2:
        return None
    try:
        numpy_rules.broadcast(inp, mean)
    except numpy_rules.NumpyError:
        error = _mean_mismatch(inp, mean, "normalization/Sub", "data, normalization/Sub/y")
        return LayerError(
            f"Exception encountered when calling Normalization.call().\n\n{error}",
            expected=error.expected,
        )
    return None


def _tf(shape: Shape) -> str:
    return "[" + ",".join(str(d) if type(d) is int else "?" for d in shape) + "]"


def normalization_params(inp: Shape, a: Args) -> int:
    """mean and variance over the kept axes, plus the sample count; none when given."""
    if a.known("mean") and a.get("mean") is not None:
        return 0
    axis = a.get("axis", -1)
    axes = (axis,) if isinstance(axis, int) else tuple(axis) if axis is not None else ()
    kept = math.prod(fan_in(inp[ax]) for ax in axes)
    return 2 * kept + 1


LOOKUP_PARAMS = (
    "max_tokens",
    "num_oov_indices",
    "mask_token",
    "oov_token",
    "vocabulary",
    "idf_weights",
    "invert",
    "output_mode",
)

ENTRIES: dict[str, LayerRule] = {
    "Rescaling": identity,
    "Normalization": LayerRule(
        params=("axis", "mean", "variance", "invert"),
        output=normalization_output,
        run_error=normalization_run_error,
        count_params=normalization_params,
        versioned=True,
    ),
    "Resizing": LayerRule(
        params=("height", "width", "interpolation", "crop_to_aspect_ratio"),
        output=image_size_output,
    ),
    "CenterCrop": LayerRule(params=("height", "width"), output=image_size_output),
    "RandomCrop": LayerRule(params=("height", "width", "seed"), output=image_size_output),
    "RandomFlip": LayerRule(params=("mode",), output=augmentation),
    "RandomRotation": LayerRule(params=("factor",), output=augmentation),
    "RandomZoom": LayerRule(params=("height_factor", "width_factor"), output=augmentation),
    "RandomTranslation": LayerRule(params=("height_factor", "width_factor"), output=augmentation),
    "RandomContrast": LayerRule(params=("factor",), output=augmentation),
    "RandomBrightness": LayerRule(params=("factor",), output=augmentation),
    "StringLookup": LayerRule(params=LOOKUP_PARAMS, output=lookup_output),
    "IntegerLookup": LayerRule(params=LOOKUP_PARAMS, output=lookup_output),
    "Hashing": LayerRule(
        params=("num_bins", "mask_value", "salt", "output_mode"), output=hashing_output
    ),
    "Discretization": LayerRule(
        params=("bin_boundaries", "num_bins", "epsilon", "output_mode"),
        output=discretization_output,
    ),
    "CategoryEncoding": LayerRule(
        params=("num_tokens", "output_mode"), output=category_encoding_output
    ),
    "TextVectorization": LayerRule(
        params=(
            "max_tokens",
            "standardize",
            "split",
            "ngrams",
            "output_mode",
            "output_sequence_length",
        ),
        output=text_vectorization_output,
    ),
}
