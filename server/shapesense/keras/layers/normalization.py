"""Normalization: keras/src/layers/normalization/."""

from __future__ import annotations

from ...shapes import Shape
from .base import Args, LayerError, LayerRule, fan_in, identity, known_axes


def norm_params(inp: Shape, a: Args, per_axis: int) -> int:
    axis = a.get("axis", -1)
    if isinstance(axis, int):
        return per_axis * (fan_in(inp[axis]))
    return 0


def group_norm_output(inp: Shape, a: Args) -> Shape:
    """keras.src.layers.normalization.group_normalization.GroupNormalization.build: the
    channels must split into the groups."""
    channels = inp[a.get("axis", -1)]
    groups = a.get("groups", 32)
    if type(channels) is int and groups != -1:
        if channels < groups:
            raise LayerError(
                f"Number of groups ({groups}) cannot be more than the number of channels ({channels})."
            )
        if channels % groups:
            raise LayerError(
                f"Number of groups ({groups}) must be a multiple of the number of channels ({channels})."
            )
    return inp


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
    "GroupNormalization": LayerRule(
        params=("groups", "axis"),
        output=group_norm_output,
        built_axes=lambda s, a: known_axes(s, [a.get("axis", -1)]),
        count_params=lambda s, a: norm_params(s, a, 2),
    ),
    "UnitNormalization": identity,
}
