"""Preprocessing layers: keras/src/layers/preprocessing/."""

from __future__ import annotations

from .base import LayerRule, identity

ENTRIES: dict[str, LayerRule] = {
    "Rescaling": identity,
}
