"""Normalization: keras/src/layers/normalization/."""

from __future__ import annotations

from ...shapes import Shape
from .base import Args, LayerRule, fan_in


def norm_params(inp: Shape, a: Args, per_axis: int) -> int:
    axis = a.get("axis", -1)
    if isinstance(axis, int):
        return per_axis * (fan_in(inp[axis]))
    return 0


ENTRIES: dict[str, LayerRule] = {
    "BatchNormalization": LayerRule(
        params=("axis",),
        built_axes=lambda s, a: (
            {a.get("axis", -1): s[a.get("axis", -1)]} if type(s[a.get("axis", -1)]) is int else {}
        ),
        count_params=lambda s, a: norm_params(s, a, 4),
    ),
    "LayerNormalization": LayerRule(
        params=("axis",),
        built_axes=lambda s, a: (
            {a.get("axis", -1): s[a.get("axis", -1)]}
            if isinstance(a.get("axis", -1), int) and type(s[a.get("axis", -1)]) is int
            else {}
        ),
        count_params=lambda s, a: norm_params(s, a, 2),
    ),
}
