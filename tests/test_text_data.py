"""Keras's text Tokenizer: `texts_to_sequences` is a Python list of token lists (rows known;
lengths known when the texts and the Tokenizer's options are literal), `pad_sequences` makes
it one array, and the lists given to fit as they are is the error Keras raises (SS204;
measured under Keras 2 and 3: tests/corpus/programs/sequences/tokenizer_*.py and the examples
of docs/rules/SS204.md)."""

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
        ("pad_sequences(seqs)", "(12, 4)"),  # as long as the longest text
        ("pad_sequences(tok.texts_to_sequences(['the movie', 'great']))", "(2, 2)"),
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


DOCS = """docs = ["Well done!", "Good work", "Great effort", "nice work", "Excellent!", "Weak",
        "Poor effort!", "not good", "poor work", "Could have done better."]
"""


# Each length measured with real Keras (tf.keras under Keras 3.15 and tf_keras 2.21 agree):
# Tokenizer(**options).fit_on_texts(fitted); [len(s) for s in texts_to_sequences(used)].
@pytest.mark.parametrize(
    ("options", "fitted", "used", "longest"),
    [
        ("", "docs", "docs", 4),
        ("num_words=5", "docs", "docs", 2),  # words of index 5 and more are dropped
        ("num_words=5, oov_token='<OOV>'", "docs", "docs", 4),  # ...or become the OOV index
        ("oov_token='<OOV>'", "docs", "['never seen words here', 'good work done']", 4),
        ("", "docs", "['never seen words here', 'good work done']", 3),  # unknown words dropped
        ("char_level=True", "docs", "docs[:3]", 12),
        ("lower=False, filters=''", "['A b, a B.', 'b']", "['A b, a B.', 'a']", 4),
    ],
)
def test_lengths_of_literal_texts(options: str, fitted: str, used: str, longest: int) -> None:
    source = f"""from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
{DOCS}t = Tokenizer({options})
t.fit_on_texts({fitted})
out = pad_sequences(t.texts_to_sequences({used}))
"""
    rows = {"docs": 10, "docs[:3]": 3}.get(used, 2)  # the other texts are lists of two
    assert shape_of(source, "out") == f"({rows}, {longest})"


@pytest.mark.parametrize(
    "change",
    [
        "texts = [open('a.txt').read()]\nt.fit_on_texts(texts)\n",  # a text not written
        "t.fit_on_texts(docs)\nt.fit_on_texts(texts)\n",  # a later fit of unknown words
        "t = Tokenizer(filters=chars)\nt.fit_on_texts(docs)\n",  # an option not literal
    ],
)
def test_lengths_unknown_past_literal_texts(change: str) -> None:
    source = f"""import sys
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
{DOCS}texts = sys.argv
chars = sys.argv[1]
t = Tokenizer()
{change}out = pad_sequences(t.texts_to_sequences(docs))
"""
    assert shape_of(source, "out") == "(10, None)"


def test_kernel_longer_than_the_longest_text() -> None:
    """pad_sequences without maxlen pads to the longest doc (4 words): a Conv1D window of 5
    is longer (tests/corpus/programs/sequences/tokenizer_conv1d_kernel_longer_than_docs.py)."""
    source = f"""import numpy as np
import tensorflow as tf
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
{DOCS}t = Tokenizer()
t.fit_on_texts(docs)
x = pad_sequences(t.texts_to_sequences(docs), padding="post")
model = tf.keras.Sequential([
    tf.keras.layers.Embedding(50, 8),
    tf.keras.layers.Conv1D(16, {{kernel}}),
    tf.keras.layers.GlobalMaxPooling1D(),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, np.zeros(10))
"""
    for keras in (3, 2):
        assert [f.code for f in errors(source.format(kernel=5), keras)] == ["SS104"]
        assert errors(source.format(kernel=4), keras) == []
