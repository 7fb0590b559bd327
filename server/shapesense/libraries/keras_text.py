"""Keras's text Tokenizer (`keras.preprocessing.text.Tokenizer`, still in tf.keras under
Keras 3): `texts_to_sequences(texts)` is a Python list with one list of word indices per text,
each as long as its text: the rows are known, their lengths are not (TokenLists).
`pad_sequences` (keras_data.py) makes them an array; `word_index` depends on the words, so
its size is unknown. Given to fit/evaluate/predict as they are, Keras refuses the lists
(checks.py, SS204).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..session import Session
from ..values import UNKNOWN, Array, Const, ListOf, Seq, TokenLists, Value, const_int
from .registry import REGISTRY


@dataclass(frozen=True)
class Tokenizer(Value):
    num_words: int | None  # None: every word of the fitted texts


@REGISTRY.function("keras.preprocessing.text.Tokenizer")
def tokenizer(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    from .keras_image import plain_keras_spelling  # here: importing it registers its family

    if session.version.major >= 3 and plain_keras_spelling(session, node, "keras.preprocessing"):
        return UNKNOWN  # ImportError in Keras 3: the program never gets here
    words = args[0] if args else kwargs.get("num_words", Const(None))
    return Tokenizer(const_int(words))


def rows_of(texts: Value) -> int | None:
    if isinstance(texts, Seq):
        return len(texts.items)
    if isinstance(texts, ListOf):
        return texts.count
    if isinstance(texts, Array) and len(texts.shape) == 1:
        rows = texts.shape[0]
        return rows if type(rows) is int else None
    return None


@REGISTRY.method(Tokenizer, "fit_on_texts", "fit_on_sequences")
def fit_on_texts(
    session: Session,
    tok: Tokenizer,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    return Const(None)  # the vocabulary grows: no shape the analysis follows changes


@REGISTRY.method(Tokenizer, "texts_to_sequences")
def texts_to_sequences(
    session: Session,
    tok: Tokenizer,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    texts = args[0] if args else kwargs.get("texts", UNKNOWN)
    if not isinstance(texts, (Seq, ListOf, Array)):
        return UNKNOWN
    return TokenLists(rows_of(texts))


@REGISTRY.method(Tokenizer, "texts_to_matrix", "sequences_to_matrix")
def to_matrix(
    session: Session,
    tok: Tokenizer,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """One row per text, `num_words` columns (without num_words: the vocabulary's size + 1)."""
    given = args[0] if args else kwargs.get("texts", kwargs.get("sequences", UNKNOWN))
    if tok.num_words is None or not isinstance(given, (Seq, ListOf, Array, TokenLists)):
        return UNKNOWN
    rows = given.rows if isinstance(given, TokenLists) else rows_of(given)
    return Array((rows, tok.num_words), "float64", (f"{method}(→ {tok.num_words} columns)",))


REGISTRY.kind(Tokenizer)  # word_index, word_counts...: unknown
# np.array of the lists: one row each, as long as the texts if they all are (else numpy raises)
REGISTRY.arrays[TokenLists] = lambda lists: Array(
    (lists.rows, None), "int64", ("np.array(texts_to_sequences(...))",)
)
