"""Dropout and noise: keras/src/layers/regularization/."""

from __future__ import annotations

from .base import InputSpec, LayerRule, identity

ENTRIES: dict[str, LayerRule] = {
    "Dropout": identity,
    "SpatialDropout1D": LayerRule(params=("rate",), spec=lambda a: InputSpec(ndim=3)),
    "SpatialDropout2D": LayerRule(params=("rate", "data_format"), spec=lambda a: InputSpec(ndim=4)),
    "SpatialDropout3D": LayerRule(params=("rate", "data_format"), spec=lambda a: InputSpec(ndim=5)),
    "GaussianNoise": identity,
    "GaussianDropout": identity,
    "AlphaDropout": identity,
    "ActivityRegularization": identity,
}
