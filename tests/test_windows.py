"""Windows cut from a series the way real code cuts them: a comprehension over a range of
known bounds is evaluated once per number (`np.stack([s[i:i + 70] for i in range(0, 4000,
40)])`), a list grown in a loop with `break` has rows not known, and `x[lo:hi, :]` with bounds
not known keeps the other axes (measured by tests/corpus/programs/models_loops/
conv1d_loop_flatten_dense_shape.py and sequences/conv1d_multifeature_windows_*.py)."""

from __future__ import annotations

import pytest

from .helpers import shape_of

HEAD = """import numpy as np
signal = np.random.rand(5000)
table = np.random.rand(300, 2)
n = int(input())
"""


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ("np.stack([signal[i:i + 70] for i in range(0, 4000, 40)])", "(100, 70)"),
        ("np.array([signal[i:i + 70] for i in range(100)])[..., None]", "(100, 70, 1)"),
        ("np.array([signal[i:i + 70] for i in range(4990, 5000)])", None),  # ragged: numpy raises
        ("np.array([signal[i:i * 2] for i in range(1, 5)])", None),  # lengths disagree
        ("np.array([signal[i:i + 70] for i in range(1000)])", "(1000, None)"),  # too many: once
        ("np.array([signal[i:i + 70] for i in range(n)])", None),
        ("np.array([np.zeros(3) for _ in range(4)])", "(4, 3)"),
        ("table[n:n + 10, :]", "(None, 2)"),
        ("table[n:, 1:]", "(None, 1)"),
        ("table[n:, 0]", "(None,)"),
        ("table[n:, [0, 1]]", None),  # an array index: not followed
        ("list()", None),
    ],
)
def test_shapes(expression: str, shape: str | None) -> None:
    assert shape_of(HEAD + f"out = {expression}\n", "out") == shape


def test_windows_appended_in_a_loop_with_break() -> None:
    source = (
        HEAD
        + """def split_sequences(sequences, n_steps):
    X, y = list(), list()
    for i in range(len(sequences)):
        end_ix = i + n_steps
        if end_ix > len(sequences) - 1:
            break
        X.append(sequences[i:end_ix, :])
        y.append(sequences[end_ix, -1])
    return np.array(X), np.array(y)
X, y = split_sequences(table, 10)
"""
    )
    assert shape_of(source, "X") == "(None, None, 2)"  # the features axis is known


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ('"f%d" % 12', "(3,)"),
        ('"x_%s" % "ab"', "(4,)"),
        ('"x_%05d" % 7', "(7,)"),
        ('"f" + "%d" % 100', "(4,)"),
        ('"%999999d" % 1', None),  # a width that large is not evaluated
        ('"%d %d" % 1', None),  # Python raises
        ("str(n)", None),
    ],
)
def test_strings_made_by_operators(text: str, shape: str | None) -> None:
    assert shape_of(HEAD + f"a = np.zeros(len({text}))\n", "a") == shape


def test_column_names_made_in_a_comprehension() -> None:
    source = (
        HEAD
        + """import pandas as pd
df = pd.DataFrame(np.zeros((10, 6)), columns=["f%d" % i for i in range(5)] + ["target"])
X = df.drop(columns=["target"]).values
first = df.loc[:, "f0":"f2"].values
"""
    )
    assert shape_of(source, "X") == "(10, 5)"
