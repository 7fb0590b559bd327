"""Keras's text Tokenizer: `texts_to_sequences` is a Python list of token lists (rows known,
lengths not), `pad_sequences` makes it one array, and the lists given to fit as they are is
the error Keras raises (SS204; measured under Keras 2 and 3:
tests/corpus/programs/sequences/tokenizer_*.py and the examples of docs/rules/SS204.md)."""

from __future__ import annotations

import pytest

from .helpers import errors, shape_of

HEAD = """import numpy as np
import tensorflow as tf
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
texts = ["the movie was great", "i loved it", "not worth the ticket"] * 4
labels = np.array([1, 1, 0] * 4)
tok = Tokenizer(num_words=100, oov_token="<OOV>")
tok.fit_on_texts(texts)
seqs = tok.texts_to_sequences(texts)
n = len(seqs)
model = tf.keras.Sequential([
    tf.keras.layers.Embedding(100, 8),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ("pad_sequences(seqs, maxlen=8)", "(12, 8)"),
        ("pad_sequences(seqs, 5, padding='post')", "(12, 5)"),
        ("pad_sequences(seqs)", "(12, None)"),  # as long as the longest: not known
        ("tok.texts_to_matrix(texts, mode='binary')", "(12, 100)"),
        ("np.array(seqs)", "(12, None)"),
        ("len(tok.word_index)", None),  # depends on the words
    ],
)
def test_shapes(expression: str, shape: str | None) -> None:
    assert shape_of(HEAD + f"out = {expression}\n", "out") == shape


def test_rows_are_the_texts() -> None:
    assert shape_of(HEAD + "a = np.zeros((n, 2))\n", "a") == "(12, 2)"  # n = len(seqs)


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize("method", ["fit", "evaluate"])
def test_token_lists_in_fit_are_refused(keras: int, method: str) -> None:
    found = errors(HEAD + f"model.{method}(seqs, labels)\n", keras)
    assert [(f.code, f.span.line + 1) for f in found] == [("SS204", 17)]
    assert "pad_sequences(seqs, maxlen=...)" in found[0].message
    assert errors(HEAD + f"model.{method}(pad_sequences(seqs, maxlen=8), labels)\n", keras) == []


def test_predict_on_token_lists_is_keras_3s_error() -> None:
    assert [f.code for f in errors(HEAD + "model.predict(seqs)\n", 3)] == ["SS204"]
    assert errors(HEAD + "model.predict(seqs)\n", 2) == []  # runs when the lengths agree


def test_plain_keras_tokenizer_is_gone_in_keras_3() -> None:
    source = HEAD.replace("tensorflow.keras.preprocessing.text", "keras.preprocessing.text")
    assert errors(source + "model.fit(seqs, labels)\n", 3) == []  # ImportError first
    assert [f.code for f in errors(source + "model.fit(seqs, labels)\n", 2)] == ["SS204"]
