"""Every numpy route the propagator follows, each checked against numpy's own answer."""

import numpy as np
import pytest

from .helpers import errors, shape_of

ROUTES = [
    ("np.random.rand(100, 64, 64)", (100, 64, 64)),
    ("np.random.randn(5, 3)", (5, 3)),
    ("np.random.random((4, 2))", (4, 2)),
    ("np.random.random_sample((4, 2))", (4, 2)),
    ("np.random.uniform(0, 1, size=(6, 2))", (6, 2)),
    ("np.random.uniform(0, 1, (6, 2))", (6, 2)),
    ("np.random.normal(0, 1, size=(3, 3))", (3, 3)),
    ("np.random.randint(0, 10, size=(8,))", (8,)),
    ("np.random.randint(0, 10, 8)", (8,)),
    ("np.random.default_rng(0).random((4, 5))", (4, 5)),
    ("np.random.default_rng(0).integers(0, 5, size=(7,))", (7,)),
    ("np.zeros((3, 4))", (3, 4)),
    ("np.ones(5)", (5,)),
    ("np.empty((2, 2, 2))", (2, 2, 2)),
    ("np.full((2, 3), 7)", (2, 3)),
    ("np.zeros_like(np.ones((4, 3)))", (4, 3)),
    ("np.ones_like(np.ones((4, 3)))", (4, 3)),
    ("np.array([[1, 2, 3], [4, 5, 6]])", (2, 3)),
    ("np.asarray([1.0, 2.0])", (2,)),
    ("np.arange(10)", (10,)),
    ("np.arange(2, 11, 3)", (3,)),
    ("np.linspace(0, 1, 7)", (7,)),
    ("np.eye(4)", (4, 4)),
    ("np.identity(3)", (3, 3)),
    ("np.random.rand(100, 784).reshape(-1, 28, 28, 1)", (100, 28, 28, 1)),
    ("np.random.rand(100, 784).reshape((100, 28, 28))", (100, 28, 28)),
    ("np.reshape(np.random.rand(6, 4), (-1, 2))", (12, 2)),
    ("np.expand_dims(np.random.rand(5, 3), -1)", (5, 3, 1)),
    ("np.expand_dims(np.random.rand(5, 3), 0)", (1, 5, 3)),
    ("np.expand_dims(np.random.rand(5, 3), (0, -1))", (1, 5, 3, 1)),
    ("np.random.rand(5, 3)[..., np.newaxis]", (5, 3, 1)),
    ("np.random.rand(5, 3)[None]", (1, 5, 3)),
    ("np.random.rand(5, 3)[:, :2]", (5, 2)),
    ("np.random.rand(5, 3)[0]", (3,)),
    ("np.random.rand(5, 3)[1:4]", (3, 3)),
    ("np.random.rand(5, 1, 3).squeeze()", (5, 3)),
    ("np.squeeze(np.random.rand(5, 3, 1), axis=-1)", (5, 3)),
    ("np.random.rand(5, 3).T", (3, 5)),
    ("np.random.rand(5, 3, 2).transpose(0, 2, 1)", (5, 2, 3)),
    ("np.transpose(np.random.rand(5, 3, 2), (2, 0, 1))", (2, 5, 3)),
    ("np.random.rand(5, 3, 2).swapaxes(1, 2)", (5, 2, 3)),
    ("np.moveaxis(np.random.rand(3, 8, 8), 0, -1)", (8, 8, 3)),
    ("np.random.rand(5, 3, 2).flatten()", (30,)),
    ("np.random.rand(5, 3, 2).ravel()", (30,)),
    ("np.concatenate([np.ones((2, 3)), np.ones((4, 3))])", (6, 3)),
    ("np.concatenate([np.ones((2, 3)), np.ones((2, 1))], axis=1)", (2, 4)),
    ("np.stack([np.ones(3), np.ones(3)])", (2, 3)),
    ("np.vstack([np.ones((2, 3)), np.ones((1, 3))])", (3, 3)),
    ("np.hstack([np.ones((2, 3)), np.ones((2, 2))])", (2, 5)),
    ("np.random.rand(5, 3).astype('float32')", (5, 3)),
    ("np.random.rand(5, 3) / 255.0", (5, 3)),
    ("np.random.rand(5, 3) * np.ones((3,))", (5, 3)),
    ("np.random.rand(5, 1) + np.ones((1, 4))", (5, 4)),
    ("np.random.rand(5, 3).mean(axis=0)", (3,)),
    ("np.random.rand(5, 3).sum(axis=1, keepdims=True)", (5, 1)),
    ("np.argmax(np.random.rand(5, 3), axis=-1)", (5,)),
    ("(np.random.rand(5, 3) > 0.5).astype(int)", (5, 3)),
]


@pytest.mark.parametrize(("expr", "expected"), ROUTES)
def test_numpy_route(expr: str, expected: tuple[int, ...]) -> None:
    real = eval(expr, {"np": np})  # the expectation is numpy's own answer, on tiny arrays
    assert real.shape == expected
    assert shape_of(f"import numpy as np\nX = {expr}\nX\n", "X") == str(expected).replace(
        ",)", ",)"
    )


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("n = 100\nX = np.zeros((n, 28, 28))", "(100, 28, 28)"),
        ("A = np.zeros((10, 4))\nX = np.zeros(A.shape)", "(10, 4)"),
        ("A = np.zeros((10, 4))\nX = np.zeros((A.shape[0], 2))", "(10, 2)"),
        ("A = np.zeros((10, 4, 3))\nX = np.zeros((5,) + A.shape[1:])", "(5, 4, 3)"),
        ("A = np.zeros((10, 4))\nX = np.zeros((len(A), 1))", "(10, 1)"),
        ("A = np.zeros((10, 4))\nX = A.reshape(A.shape + (1,))", "(10, 4, 1)"),
        ("A = np.zeros((10, 4))\nX = A.reshape(A.shape[0], -1, 2)", "(10, 2, 2)"),
    ],
)
def test_shape_arithmetic(setup: str, expected: str) -> None:
    assert shape_of(f"import numpy as np\n{setup}\nX\n", "X") == expected


def test_huge_numbers_cost_nothing() -> None:
    src = "import numpy as np\nX = np.zeros((10**12, 10**6))\nY = X.reshape(-1, 10**6, 1)\nY\nZ = np.zeros((10**100, 2))\n"
    assert shape_of(src, "Y") == "(1000000000000, 1000000, 1)"
    assert shape_of(src, "Z") == "(None, 2)"  # a number too large to compute stays unknown


def test_reshape_to_wrong_size_is_a_numpy_error() -> None:
    (error,) = errors(
        "import numpy as np\nX = np.random.rand(10, 784)\nX = X.reshape(10, 28, 27)\n"
    )
    assert error.code == "SS401" and "cannot reshape" in error.message


def test_unknown_calls_stay_unknown() -> None:
    assert (
        shape_of(
            "import numpy as np\nimport pandas as pd\nX = pd.read_csv('x.csv').values\nX\n", "X"
        )
        is None
    )


STRING_ROUTES = [
    # text data as users write it: literal lists of strings, repeated, then split per item
    ("np.array(['the cat sat', 'a dog'] * 4)", (8,)),
    ("np.array([['a', 'b'], ['c', 'd'], ['e', 'f']])", (3, 2)),
    ("np.array(['one', 2, 3.0])", (3,)),
    ("np.array([t.split()[0] for t in np.array(['the cat sat', 'a dog'] * 4)])", (8,)),
    ("np.array([t.lower().strip() for t in np.array(['A ', 'B'])])", (2,)),
    ("np.array([row for row in np.zeros((5, 3))])", (5, 3)),
    ("np.array([row[:2] for row in np.zeros((5, 3))])", (5, 2)),
]


@pytest.mark.parametrize(("expr", "expected"), STRING_ROUTES)
def test_string_and_comprehension_route(expr: str, expected: tuple[int, ...]) -> None:
    real = eval(expr, {"np": np})
    assert real.shape == expected
    assert shape_of(f"import numpy as np\nX = {expr}\nX\n", "X") == str(expected)


def test_one_row_of_an_array_whose_row_count_is_unknown() -> None:
    """`x[0]` keeps the other axes: the program only gets past it when x has a row."""
    src = "import numpy as np\nimport mystery\nX = mystery.load().reshape(-1, 28, 28)\nR = X[0]\nR\n"
    assert shape_of(src, "R") == "(28, 28)"


@pytest.mark.parametrize(
    ("index", "shape"), [("[:1]", "(None, 28, 28)"), ("[-5:, :, ::2]", "(None, 28, 14)")]
)
def test_some_rows_of_an_array_whose_row_count_is_unknown(index: str, shape: str) -> None:
    """`x[:1]` (a batch of one to predict on) keeps the other axes; how many rows it has
    depends on the rows x has, not known."""
    src = f"import numpy as np\nimport mystery\nX = mystery.load().reshape(-1, 28, 28)\nR = X{index}\n"
    assert shape_of(src, "R") == shape


@pytest.mark.parametrize(
    "expr",
    [
        "[x * 2 for x in np.arange(5)]",  # items of a 1-D numeric array: numbers of unknown value
        "[w for w in 'a b'.split()]",  # a Python list of unknown length
        "[len(t) for t in np.array(['a b', 'c'])]",  # a number per item, its value unknown
    ],
)
def test_comprehensions_that_stay_unknown(expr: str) -> None:
    assert shape_of(f"import numpy as np\nX = np.array({expr})\nX\n", "X") is None
