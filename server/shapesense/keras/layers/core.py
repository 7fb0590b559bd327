"""Core layers: keras/src/layers/core/."""

from __future__ import annotations

from ...shapes import Shape
from .base import Args, InputSpec, LayerRule, fan_in


def dense_params(inp: Shape, a: Args) -> int:
    units = a.get("units")
    return (fan_in(inp[-1])) * units + (units if a.get("use_bias", True) else 0)


ENTRIES: dict[str, LayerRule] = {
    "Dense": LayerRule(
        params=("units", "activation", "use_bias"),
        spec=lambda a: InputSpec(min_ndim=2),
        output=lambda s, a: (*s[:-1], a.get("units")),
        built_axes=lambda s, a: {-1: s[-1]} if type(s[-1]) is int else {},
        count_params=dense_params,
    ),
    "Embedding": LayerRule(
        params=("input_dim", "output_dim"),
        output=lambda s, a: (*s, a.get("output_dim")),
        count_params=lambda s, a: a.get("input_dim") * a.get("output_dim"),
    ),
}
