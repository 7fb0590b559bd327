"""The rule codes: one entry each, with the text the docs and SARIF show."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "docs" / "rules"


@dataclass(frozen=True)
class Rule:
    name: str
    summary: str
    keras: tuple[int, ...] = (2, 3)  # the Keras versions that raise it


RULES: dict[str, Rule] = {
    "SS000": Rule(
        "internal-error", "ShapeSense itself failed on this file; the rest of the run goes on."
    ),
    "SS001": Rule("syntax-error", "The file does not parse; the part that does is still checked."),
    "SS002": Rule(
        "unreadable-file",
        "The file could not be read, is larger than 10 MB, or is not a regular file (a warning).",
    ),
    "SS003": Rule(
        "not-utf8",
        "The file is not valid in its encoding: UTF-8, or the one a PEP 263 coding line names.",
    ),
    "SS004": Rule("bad-notebook", "The notebook file is not valid notebook JSON."),
    "SS101": Rule(
        "input-rank", "The data has a different number of dimensions than the model input."
    ),
    "SS102": Rule(
        "input-axis", "An axis of the data differs from what the model or a layer was built for."
    ),
    "SS103": Rule(
        "layer-incompatible", "A layer cannot accept the shape its predecessor produces."
    ),
    "SS104": Rule("output-size", "A convolution or pooling shrinks an axis to zero or below."),
    "SS105": Rule("reshape-size", "A Reshape layer changes the number of elements."),
    "SS106": Rule("merge-shapes", "A merge layer receives inputs whose shapes do not match."),
    "SS107": Rule("single-sample", "predict() receives one sample without a batch axis."),
    "SS108": Rule(
        "input-count", "A model with several inputs receives a different number of arrays."
    ),
    "SS109": Rule(
        "tf-op-on-keras-tensor",
        "Keras 3 refuses a TensorFlow op on a Keras tensor outside a layer (Keras 2 wraps it).",
        keras=(3,),
    ),
    "SS110": Rule(
        "implicit-reshape", "Keras adds or drops a trailing axis of size 1 by itself (no error)."
    ),
    "SS111": Rule(
        "weight-shape",
        "Weights given by value (weights=[...], set_weights) do not fit the layer's weights.",
    ),
    "SS201": Rule("sample-count", "x and y have different numbers of samples."),
    "SS202": Rule(
        "labels-vs-loss", "The labels' shape does not fit the model output and the loss."
    ),
    "SS203": Rule(
        "string-array",
        "Keras 3 refuses a numpy array of strings in fit/evaluate/predict (Keras 2 takes it).",
        keras=(3,),
    ),
    "SS204": Rule(
        "token-lists",
        "A Tokenizer's token lists reach fit/evaluate/predict without pad_sequences.",
    ),
    "SS205": Rule(
        "sparse-labels",
        "A scipy sparse matrix (OneHotEncoder's default output) given as labels to fit/evaluate.",
    ),
    "SS206": Rule(
        "label-lists",
        "Labels as a Python list of lists of numpy floats given to fit/evaluate.",
    ),
    "SS300": Rule(
        "not-checked",
        "A fit/evaluate/predict call was not fully checked, and why (only when asked for).",
    ),
    "SS301": Rule(
        "channels-first-on-cpu",
        'A layer with data_format="channels_first" that TensorFlow\'s CPU kernels refuse (a hint; '
        'an error with device = "cpu-without-onednn").',
    ),
    "SS401": Rule(
        "numpy-error", "numpy itself raises on this operation (e.g. reshape to a different size)."
    ),
    "SS402": Rule(
        "library-error",
        "tf.data or scikit-learn raises on this call, before Keras is reached (e.g. a scaler "
        "given a 1-D column).",
    ),
    "SS900": Rule(
        "unused-suppression",
        "A suppression comment silences nothing (reported only when asked for).",
    ),
}


def rule_page(code: str) -> Path:
    """The rule's page, shipped with the package (docs/rules/SSxxx.md)."""
    return PAGES / f"{code}.md"


def rule_url(code: str) -> str:
    """Where the terminal, SARIF and the editor link a code to."""
    return rule_page(code).as_uri()
