"""Where Keras 2 and Keras 3 behave differently, and how each words its errors.

Every switch here was measured with real Keras (tests/oracle re-measures them in CI).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..shapes import Shape, fmt, keras_sample


@dataclass(frozen=True)
class KerasVersion:
    major: int
    # the installed minor version, where Keras's words depend on it; None (a version set by
    # hand, or only TensorFlow's known): the newest measured, 3.15
    minor: int | None = None

    def model_input_accepts(self, declared: Shape, data: Shape, functional: bool) -> bool:
        """The model-level check of data against a declared input, before Keras adds or drops
        a trailing axis of size 1: an InputSpec with allow_last_axis_squeeze, which drops a
        trailing 1 from each side, then compares the axes both still have (data (8, 8, 1)
        passes a (None, 8, 8, 1) input). Keras 2 models and Keras 3 functional models check
        it; a Keras 3 Sequential model checks only the rank there (done elsewhere)."""
        if self.major >= 3 and not functional:
            return True
        shape: Shape = keras_sample(data)
        spec = declared
        if shape and shape[-1] == 1:
            shape = shape[:-1]
        if spec and spec[-1] == 1:
            spec = spec[:-1]
        return all(
            type(a) is not int or type(b) is not int or a == b
            for a, b in zip(spec, shape, strict=False)
        )

    def layers_meet_other_rank(self, declared: Shape, data: Shape) -> bool:
        """Keras 2's model input spec (allow_last_axis_squeeze) checks no rank: data of
        another rank that passes its axis comparison reaches the layers as it is, and the
        layers decide (measured, tf_keras 2.21: (16, 6) into Input(shape=(6, 4)) -> Flatten
        -> Conv1D runs). Keras 3 refuses it."""
        return self.major == 2 and self.model_input_accepts(declared, data, functional=True)

    @property
    def embedding_declares_input(self) -> bool:
        """Keras 2's Embedding sets input_shape=(input_length,), i.e. (None,) by default."""
        return self.major == 2

    def dense_undefined_last_axis(self, shape: Shape, units: object) -> str:
        """Keras 2's Dense checks its last axis; Keras 3's fails creating the kernel."""
        if self.major >= 3:
            return (
                "Shapes used to initialize variables must be fully-defined (no `None` dimensions). "
                f"Received: shape=(None, {units}) for variable path='dense/kernel'"
            )
        return f"The last dimension of the inputs to a Dense layer should be defined. Found None. Full input shape received: {fmt(shape)}"

    def incompatible(self, index: int, layer: str, detail: str, spec: str = "None") -> str:
        """An input refused by a layer's InputSpec. Keras 3.13 and later name the spec (a
        layer's has no name: 'None'; a functional model's is its Input's name) and quote the
        layer in single quotes; Keras 2 and Keras 3 up to 3.12 do neither (keras/src/layers/
        input_spec.py of 3.12.0 and 3.13.0; 3.15.1 run: tests/oracle/test_names.py)."""
        if self.major >= 3 and (self.minor is None or self.minor >= 13):
            return (
                f"Input {index} with name '{spec}' of layer '{layer}' is incompatible with the "
                f"layer: {detail}"
            )
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


LEGACY_ENV = "TF_USE_LEGACY_KERAS"


@dataclass(frozen=True)
class Detected:
    """The Keras version used, and where that came from, in words for the user."""

    keras: KerasVersion
    origin: str

    def describe(self) -> str:
        return f"Keras {self.keras.major} ({self.origin})"


def _dist(name: str, paths: list[str] | None) -> tuple[str, str] | None:
    """(version, the folder it is installed in) of a distribution, from its metadata."""
    from . import installed

    try:
        return installed.find(name, paths)
    except installed.NotPlain:
        pass
    except (OSError, ValueError):  # as below: an unreadable or undecodable metadata file
        return None
    from importlib import metadata  # 10-40 ms to import: only where the path is not plain

    try:
        found = (
            metadata.distributions(name=name)
            if paths is None
            else metadata.distributions(name=name, path=paths)
        )
        for dist in found:
            where = str(dist.locate_file(""))
            return str(dist.version), where
    except (metadata.PackageNotFoundError, OSError, ValueError):
        return None
    return None


def detect(setting: str = "auto", sys_path: list[str] | None = None) -> KerasVersion:
    """The Keras the user's code will run with, read from package metadata (never imported).

    `sys_path` is the user's environment's search path; None means this process's.
    """
    return detect_with_origin(setting, sys_path).keras


def detect_with_origin(
    setting: str = "auto",
    sys_path: list[str] | None = None,
    environment: str = "this environment",
    setting_source: str = "setting",
) -> Detected:
    """As `detect`, with where the answer came from (`environment` names the interpreter)."""
    if setting in ("2", "3"):
        return Detected(KerasVersion(int(setting)), f"from {setting_source}")
    keras = _dist("keras", sys_path)
    tf = _dist("tensorflow", sys_path) or _dist("tensorflow-cpu", sys_path)
    tf_keras = _dist("tf-keras", sys_path) or _dist("tf_keras", sys_path)
    if tf_keras and os.environ.get(LEGACY_ENV) in ("1", "true", "True"):
        return Detected(
            KERAS_2, f"tf-keras {tf_keras[0]} in {tf_keras[1]} with {LEGACY_ENV}=1, {environment}"
        )
    if keras:
        numbers = [int(p) for p in re.findall(r"\d+", keras[0])[:2]]
        major = 3 if numbers[0] >= 3 else 2
        minor = numbers[1] if major == 3 and len(numbers) > 1 else None
        version = KerasVersion(major, minor)
        return Detected(version, f"keras {keras[0]} in {keras[1]}, {environment}")
    if tf:
        parts = [int(p) for p in re.findall(r"\d+", tf[0])[:2]] + [0, 0]
        major = 3 if (parts[0], parts[1]) >= (2, 16) else 2
        return Detected(KerasVersion(major), f"tensorflow {tf[0]} in {tf[1]}, {environment}")
    if tf_keras:
        return Detected(KERAS_2, f"tf-keras {tf_keras[0]} in {tf_keras[1]}, {environment}")
    return Detected(
        KERAS_3, f"assumed: no keras, tensorflow or tf-keras installed in {environment}"
    )
