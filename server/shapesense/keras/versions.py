"""Where Keras 2 and Keras 3 behave differently, and how each words its errors.

Every switch here was measured with real Keras (tests/oracle re-measures them in CI).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import metadata

from ..shapes import Shape


@dataclass(frozen=True)
class KerasVersion:
    major: int

    def model_input_accepts(self, declared: Shape, data: Shape, functional: bool) -> bool:
        """The model-level check of data against a declared input, before Keras adds or drops
        a trailing axis of size 1: an InputSpec with allow_last_axis_squeeze, which drops a
        trailing 1 from each side, then compares the axes both still have (data (8, 8, 1)
        passes a (None, 8, 8, 1) input). Keras 2 models and Keras 3 functional models check
        it; a Keras 3 Sequential model checks only the rank there (done elsewhere)."""
        if self.major >= 3 and not functional:
            return True
        shape: Shape = (None, *data[1:])
        spec = declared
        if shape and shape[-1] == 1:
            shape = shape[:-1]
        if spec and spec[-1] == 1:
            spec = spec[:-1]
        return all(a is None or b is None or a == b for a, b in zip(spec, shape, strict=False))

    @property
    def embedding_declares_input(self) -> bool:
        """Keras 2's Embedding sets input_shape=(input_length,), i.e. (None,) by default."""
        return self.major == 2

    @property
    def dense_needs_defined_last_axis(self) -> bool:
        return self.major == 2

    def incompatible(self, index: int, layer: str, detail: str) -> str:
        if self.major >= 3:
            return f"Input {index} of layer '{layer}' is incompatible with the layer: {detail}"
        return f'Input {index} of layer "{layer}" is incompatible with the layer: {detail}'

    def output_size_message(self, subtract: int, size: int) -> str | None:
        if self.major >= 3:
            return None
        return f"Negative dimension size caused by subtracting {subtract} from {size}"

    def cardinality(self, x_sizes: str, y_sizes: str) -> str:
        if self.major >= 3:
            return (
                "Data cardinality is ambiguous. Make sure all arrays contain the same number of "
                f"samples.'x' sizes: {x_sizes} 'y' sizes: {y_sizes}"
            )
        return f"Data cardinality is ambiguous: x sizes: {x_sizes} y sizes: {y_sizes} Make sure all arrays contain the same number of samples."


KERAS_2 = KerasVersion(2)
KERAS_3 = KerasVersion(3)


def _dist_version(name: str, paths: list[str] | None) -> str | None:
    try:
        if paths is None:
            return metadata.version(name)
        for dist in metadata.distributions(name=name, path=paths):
            return str(dist.version)
    except metadata.PackageNotFoundError:
        return None
    return None


def detect(setting: str = "auto", sys_path: list[str] | None = None) -> KerasVersion:
    """The Keras the user's code will run with, read from package metadata (never imported).

    `sys_path` is the user's environment's search path (from jedi); None means this process's.
    """
    if setting in ("2", "3"):
        return KerasVersion(int(setting))
    keras = _dist_version("keras", sys_path)
    tf = _dist_version("tensorflow", sys_path) or _dist_version("tensorflow-cpu", sys_path)
    tf_keras = _dist_version("tf-keras", sys_path) or _dist_version("tf_keras", sys_path)
    if tf_keras and os.environ.get("TF_USE_LEGACY_KERAS") in ("1", "true", "True"):
        return KERAS_2
    if keras:
        return KERAS_3 if int(keras.split(".")[0]) >= 3 else KERAS_2
    if tf:
        major, minor = (int(p) for p in tf.split(".")[:2])
        return KERAS_3 if (major, minor) >= (2, 16) else KERAS_2
    if tf_keras:
        return KERAS_2
    return KERAS_3
