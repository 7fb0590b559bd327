"""The layer catalog: one small entry per Keras layer class, one module per layer family as
Keras lays out its own source (keras/src/layers/<family>/). `base` holds what an entry is made
of and the arithmetic families share; this module assembles `CATALOG` from the families."""

from __future__ import annotations

from . import (
    activations,
    attention,
    convolutional,
    core,
    merging,
    normalization,
    pooling,
    preprocessing,
    recurrent,
    regularization,
    reshaping,
)
from .base import UNREAD, Args, InputSpec, LayerError, LayerRule, Opaque, OutputRule, Unread
from .names import ALIASES, MERGE_FUNCTIONS, canonical_name, snake_case

CATALOG: dict[str, LayerRule] = {
    **core.ENTRIES,
    **convolutional.ENTRIES,
    **pooling.ENTRIES,
    **reshaping.ENTRIES,
    **regularization.ENTRIES,
    **normalization.ENTRIES,
    **activations.ENTRIES,
    **preprocessing.ENTRIES,
    **recurrent.ENTRIES,
    **merging.ENTRIES,
    **attention.ENTRIES,
}


def lookup(class_name: str) -> LayerRule | None:
    return CATALOG.get(ALIASES.get(class_name, class_name))


__all__ = [
    "ALIASES",
    "CATALOG",
    "MERGE_FUNCTIONS",
    "UNREAD",
    "Args",
    "InputSpec",
    "LayerError",
    "LayerRule",
    "Opaque",
    "OutputRule",
    "Unread",
    "canonical_name",
    "lookup",
    "snake_case",
]
