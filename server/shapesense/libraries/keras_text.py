"""Keras's text Tokenizer (`keras.preprocessing.text.Tokenizer`, still in tf.keras under
Keras 3): `texts_to_sequences(texts)` is a Python list with one list of word indices per text
(TokenLists). `pad_sequences` (keras_data.py) makes them an array. Given to
fit/evaluate/predict as they are, Keras refuses the lists (checks.py, SS204).

Where every text is a literal string and the Tokenizer's options are literal, the texts are
split as Keras splits them (`text_to_word_sequence`) and the vocabulary is counted as
`fit_on_texts` counts it, so each sequence's length is known (words out of the vocabulary or
past `num_words` dropped, or the OOV index in their place): `pad_sequences` without `maxlen`
pads to the longest. Anything else (texts from a file or a DataFrame) leaves the lengths
unknown. `word_index` is unknown.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, replace

from ..session import Session
from ..values import UNKNOWN, Array, Const, ListOf, Seq, TokenLists, Value, const_int, to_python
from .registry import REGISTRY, InPlace

FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'  # Keras's default


@dataclass(frozen=True)
class Rules:
    """How the Tokenizer splits a text (its constructor's options)."""

    filters: str = FILTERS
    lower: bool = True
    split: str = " "
    char_level: bool = False
    oov_token: str | None = None

    def words(self, text: str) -> list[str]:
        """Keras's text_to_word_sequence (or the characters, char_level=True)."""
        if self.lower:
            text = text.lower()
        if self.char_level:
            return list(text)
        table: dict[str, str | int | None] = {c: self.split for c in self.filters}
        text = text.translate(str.maketrans(table))
        return [w for w in text.split(self.split) if w]


@dataclass(frozen=True)
class Tokenizer(Value):
    num_words: int | None  # None: every word of the fitted texts
    rules: Rules | None = None  # None: an option not written as a literal
    # the words fitted so far with their counts, in the order first seen; None: not known
    counts: tuple[tuple[str, int], ...] | None = ()

    def word_index(self) -> dict[str, int] | None:
        """As fit_on_texts orders it: the OOV token first, then by count (stable)."""
        if self.counts is None or self.rules is None:
            return None
        ordered = [w for w, _ in sorted(self.counts, key=lambda item: -item[1])]
        if self.rules.oov_token is not None:
            ordered = [self.rules.oov_token, *ordered]
        return {w: i for i, w in enumerate(ordered, start=1)}

    def length(self, text: str, index: dict[str, int]) -> int:
        """The length of texts_to_sequences' list for one text."""
        assert self.rules is not None
        oov = index.get(self.rules.oov_token) if self.rules.oov_token is not None else None
        kept = 0
        for word in self.rules.words(text):
            i = index.get(word)
            known = i is not None and not (self.num_words and i >= self.num_words)
            kept += known or oov is not None  # a word dropped, unless OOV takes its place
        return kept


REGISTRY.mutable.add(Tokenizer)  # fit_on_texts grows the vocabulary it holds


def _literal_texts(value: Value) -> list[str] | None:
    texts = to_python(value) if isinstance(value, Seq) else None
    if isinstance(texts, (list, tuple)) and all(isinstance(t, str) for t in texts):
        return list(texts)
    return None


def _rules(kwargs: dict[str, Value]) -> Rules | None:
    given = {k: to_python(v) for k, v in kwargs.items() if k != "num_words"}
    if set(given) - {"filters", "lower", "split", "char_level", "oov_token"}:
        return None  # document_count, analyzer: not modelled
    filters, split = given.get("filters", FILTERS), given.get("split", " ")
    lower, char_level = given.get("lower", True), given.get("char_level", False)
    oov = given.get("oov_token")
    if not (isinstance(filters, str) and isinstance(split, str) and split):
        return None  # a value not written as a literal
    if not (isinstance(lower, bool) and isinstance(char_level, bool)):
        return None
    if oov is not None and not isinstance(oov, str):
        return None
    return Rules(filters, lower, split, char_level, oov)


@REGISTRY.function("keras.preprocessing.text.Tokenizer")
def tokenizer(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    from .keras_image import plain_keras_spelling  # here: importing it registers its family

    if session.version.major >= 3 and plain_keras_spelling(session, node, "keras.preprocessing"):
        return UNKNOWN  # ImportError in Keras 3: the program never gets here
    words = args[0] if args else kwargs.get("num_words", Const(None))
    return Tokenizer(const_int(words), _rules(kwargs) if len(args) <= 1 else None)


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
    """The vocabulary grows by the texts' words (known only for literal texts)."""
    texts = _literal_texts(args[0] if args else kwargs.get("texts", UNKNOWN))
    if method != "fit_on_texts" or texts is None or tok.rules is None or tok.counts is None:
        return InPlace(Const(None), replace(tok, counts=None))
    counts = dict(tok.counts)
    for text in texts:
        for word in tok.rules.words(text):
            counts[word] = counts.get(word, 0) + 1
    return InPlace(Const(None), replace(tok, counts=tuple(counts.items())))


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
    literal, index = _literal_texts(texts), tok.word_index()
    if literal is None or index is None:
        return TokenLists(rows_of(texts))
    return TokenLists(len(literal), tuple(tok.length(text, index) for text in literal))


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


def _array(lists: TokenLists) -> Array:
    """np.array of the lists: one row each, as long as the texts if they all are (numpy
    raises on lists of other lengths: that width stays unknown)."""
    same = lists.lengths is not None and len(set(lists.lengths)) == 1
    width = lists.lengths[0] if same and lists.lengths else None
    return Array((lists.rows, width), "int64", ("np.array(texts_to_sequences(...))",))


REGISTRY.arrays[TokenLists] = _array
