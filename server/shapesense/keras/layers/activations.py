"""Activation layers: keras/src/layers/activations/ (shape in, same shape out)."""

from __future__ import annotations

from .base import LayerRule, identity

ENTRIES: dict[str, LayerRule] = {
    "Activation": identity,
    "ReLU": identity,
    "LeakyReLU": identity,
    "ELU": identity,
    "Softmax": identity,
}
