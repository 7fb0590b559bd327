"""Attention layers: keras/src/layers/attention/. They take several tensors: MultiHeadAttention
as call arguments (query, value, key), Attention and AdditiveAttention as a list. Where Keras 3
builds a symbolic output Keras 2 refuses (or the reverse), the output is unknown."""

from __future__ import annotations

import math
from typing import Any

from ...shapes import Shape, fmt
from .base import Args, LayerError, LayerRule, Opaque, fan_in


def mha_output(shapes: list[Shape], a: Args) -> Any:
    """keras.src.layers.attention.multi_head_attention.MultiHeadAttention.compute_output_shape."""
    query, value = shapes[0], shapes[1]
    key = shapes[2] if len(shapes) > 2 else value
    if len(query) == len(value) == len(key) == 2 and a.get("keras_major") == 2:
        raise LayerError(  # measured with tf_keras 2.21: an IndexError in its Softmax
            "Exception encountered when calling layer 'softmax' (type Softmax). "
            "tuple index out of range",
            expected="inputs of rank 3 (batch, steps, features)",
        )
    if len(query) == len(value) == len(key) == 2 and a.get("keras_major") == 3:
        pass  # Keras 3 builds it: the query's shape (measured)
    elif len(query) < 3 or not len(query) == len(value) == len(key):
        raise Opaque("rank")  # Keras 2 raises, Keras 3 builds a shape
    if any(
        type(v) is int and type(k) is int and v != k
        for v, k in zip(value[1:-1], key[1:-1], strict=True)
    ):
        raise LayerError(
            "All dimensions of `value` and `key`, except the last one, must be equal. "
            f"Received: value_shape={fmt(value)} and key_shape={fmt(key)}",
            code="SS106",
            expected="a value and a key of the same sizes but on the last axis",
        )
    target = a.get("output_shape")
    if target is None:
        out: Shape = query
    else:
        extra = (target,) if isinstance(target, int) else tuple(target)
        out = (*query[:-1], *extra)
    if a.get("return_attention_scores", False):
        return [out, None]  # the scores' symbolic shape differs between Keras 2 and 3
    return out


def mha_run_error(shapes: list[Shape], a: Args) -> LayerError | None:
    """Keras 3 builds rank-2 attention (above), but fit/evaluate/predict then raise IndexError
    in its softmax, on the scores' shape (batch, heads) (measured with Keras 3.15)."""
    if not all(len(s) == 2 for s in shapes[:3]):
        return None
    heads = a.values.get("num_heads")
    scores = f"(None, {heads})" if isinstance(heads, int) else "(None, num_heads)"
    return LayerError(
        "Exception encountered when calling Softmax.call().\n\ntuple index out of range\n\n"
        "Arguments received by Softmax.call():\n"
        f"  • inputs=tf.Tensor(shape={scores}, dtype=float32)\n  • mask=None",
        expected="inputs of rank 3 (batch, steps, features)",
    )


def mha_params(shapes: list[Shape], a: Args) -> int:
    query, value = shapes[0], shapes[1]
    if len(query) < 3:
        raise Opaque("rank")
    key = shapes[2] if len(shapes) > 2 else value
    heads, key_dim = a.get("num_heads"), a.get("key_dim")
    value_dim = a.get("value_dim") or key_dim
    bias = 1 if a.get("use_bias", True) else 0
    target = a.get("output_shape")
    if target is None:
        out_width = fan_in(query[-1])
    else:
        out_width = math.prod((target,) if isinstance(target, int) else tuple(target))
    projections = (
        (fan_in(query[-1]) + bias) * heads * key_dim
        + (fan_in(key[-1]) + bias) * heads * key_dim
        + (fan_in(value[-1]) + bias) * heads * value_dim
    )
    return projections + heads * value_dim * out_width + bias * out_width


def dot_attention_output(shapes: list[Shape], a: Args) -> Any:
    """Attention / AdditiveAttention on [query, value] or [query, value, key]: the output has
    the query's steps and the value's width. Mismatched widths or steps: Keras 2 raises where
    Keras 3's symbolic call passes, so unknown."""
    if len(shapes) not in (2, 3):
        raise Opaque("inputs")
    query, value = shapes[0], shapes[1]
    key = shapes[2] if len(shapes) > 2 else value
    if len(query) != 3 or len(value) != 3 or len(key) != 3:
        raise Opaque("rank")
    if query[-1] != key[-1] or value[1] != key[1] or type(query[-1]) is not int:
        raise Opaque("mismatch")
    out: Shape = (query[0], query[1], value[-1])
    if a.get("return_attention_scores", False):
        return [out, (query[0], query[1], key[1])]
    return out


def attention_params(shapes: list[Shape], a: Args) -> int:
    return 1 if a.get("use_scale", False) or a.get("score_mode", "dot") == "concat" else 0


def additive_attention_params(shapes: list[Shape], a: Args) -> int:
    return fan_in(shapes[0][-1]) if a.get("use_scale", True) else 0


ENTRIES: dict[str, LayerRule] = {
    "MultiHeadAttention": LayerRule(
        params=("num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape"),
        merge_output=mha_output,
        merge=True,
        call_inputs=("query", "value", "key"),
        call_flags=("return_attention_scores",),
        merge_params=mha_params,
        run_error=mha_run_error,
        versioned=True,
    ),
    "Attention": LayerRule(
        params=("use_scale", "score_mode"),
        merge_output=dot_attention_output,
        merge=True,
        call_flags=("return_attention_scores",),
        merge_params=attention_params,
    ),
    "AdditiveAttention": LayerRule(
        params=("use_scale",),
        merge_output=dot_attention_output,
        merge=True,
        call_flags=("return_attention_scores",),
        merge_params=additive_attention_params,
    ),
}
