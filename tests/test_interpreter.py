"""Flow: reassignment, branches, loops, user functions, import styles, datasets."""

import pytest

from .helpers import errors, run, shape_of

BAD_FIT = "model.fit(X, np.zeros(8))\n"
MODEL = "model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])\n"


def program(data: str, head: str = "import numpy as np\nimport keras\n") -> str:
    return head + data + MODEL + BAD_FIT


def test_flow_sensitive_reassignment() -> None:
    assert errors(program("X = np.zeros((8, 5))\nX = X[:, :4]\n")) == []
    assert (
        len(errors(program("X = np.zeros((8, 4))\nX = X[..., None]\nX = X.reshape(8, 2, 2)\n")))
        == 1
    )


def test_branches_that_disagree_make_unknown() -> None:
    assert (
        errors(program("if cond:\n    X = np.zeros((8, 4))\nelse:\n    X = np.zeros((8, 5))\n"))
        == []
    )


def test_branches_that_agree_keep_shape() -> None:
    assert (
        len(errors(program("if cond:\n    X = np.zeros((8, 5))\nelse:\n    X = np.ones((8, 5))\n")))
        == 1
    )


def test_main_guard_runs() -> None:
    src = (
        "import numpy as np\nimport keras\nif __name__ == '__main__':\n    X = np.zeros((8, 5))\n    "
        + MODEL
        + "    "
        + BAD_FIT
    )
    assert len(errors(src)) == 1


def test_loop_reassignment_is_unknown_after_loop() -> None:
    # An unknown number of iterations: X may have any rank after the loop.
    src = "X = np.zeros((8, 4))\nfor i in range(len(sys.argv)):\n    X = X[..., None]\n"
    assert errors("import sys\n" + program(src)) == []


def test_loop_over_known_items_runs_once_per_item() -> None:
    # Unrolled as Python runs it: X is (8, 4, 1, 1, 1) after three iterations.
    found = errors(program("X = np.zeros((8, 4))\nfor i in range(3):\n    X = X[..., None]\n"))
    assert [f.shapes.get("data") for f in found] == ["(8, 4, 1, 1, 1)"]


def test_a_loop_evaluates_its_iterable_once() -> None:
    # Python evaluates `X` once: one hover entry for it, not one per pass over the body
    src = "import numpy as np\nX = np.zeros((5, 3))\nfor x in X:\n    y = x * 2\n"
    places = [(s.span.line, s.span.column) for s in run(src).symbols if s.name == "X"]
    assert places == [(1, 0), (2, 9)]


def test_a_range_with_step_zero_is_unknown_not_a_crash() -> None:
    # Python raises ValueError there; the rest of the file is still checked
    loops = "for i in range(0, 5, 0):\n    pass\nrows = [i for i in range(1, 4, 0)]\n"
    assert [f.code for f in run(program(loops + "X = np.zeros((8, 5))\n")).findings] == ["SS102"]


def test_loop_invariant_value_is_kept() -> None:
    assert len(errors(program("for i in range(3):\n    pass\nX = np.zeros((8, 5))\n"))) == 1


def test_fit_inside_loop_is_checked() -> None:
    src = (
        "import numpy as np\nimport keras\nX = np.zeros((8, 5))\n"
        + MODEL
        + "for epoch in range(3):\n    model.fit(X, np.zeros(8))\n"
    )
    assert len(errors(src)) == 1


def test_model_add_in_loop_is_opaque() -> None:
    src = "import numpy as np\nimport keras\nimport sys\nmodel = keras.Sequential([keras.Input(shape=(4,))])\nfor u in sys.argv:\n    model.add(keras.layers.Dense(u))\nmodel.fit(np.zeros((8, 5)), np.zeros(8))\n"
    assert errors(src) == []  # items not known: the layers added are not known
    known = src.replace("sys.argv", "[8, 4]")
    assert [f.code for f in errors(known)] == ["SS102"]  # unrolled: the input (None, 4) gets 5


def test_user_functions_build_models_and_data() -> None:
    src = """
import numpy as np
import tensorflow as tf

def load_data(n=50):
    X = np.random.rand(n, 784)
    y = np.random.randint(0, 10, n)
    return X, y

def build_model(input_shape, classes=10):
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Conv2D(8, 3, input_shape=input_shape))
    model.add(tf.keras.layers.Flatten())
    model.add(tf.keras.layers.Dense(classes, activation='softmax'))
    model.compile('adam', 'sparse_categorical_crossentropy')
    return model

X, y = load_data()
model = build_model((28, 28, 1))
model.fit(X, y)
"""
    (error,) = errors(src)
    assert error.code == "SS101" and error.span.line == 19


def test_uncalled_function_bodies_are_checked() -> None:
    src = (
        "import numpy as np\nimport keras\ndef train():\n    X = np.zeros((8, 5))\n    "
        + MODEL
        + "    "
        + BAD_FIT
    )
    assert len(errors(src)) == 1


def test_parameters_are_unknown_in_uncalled_functions() -> None:
    src = "import numpy as np\nimport keras\ndef train(X):\n    " + MODEL + "    " + BAD_FIT
    assert errors(src) == []


@pytest.mark.parametrize(
    "head",
    [
        "import numpy as np\nimport tensorflow as tf\nkeras = tf.keras\n",
        "import numpy as np\nfrom tensorflow import keras\n",
        "import numpy as np\nimport tensorflow.keras as keras\n",
        "import numpy as np\nimport keras\n",
        "import numpy as np\nimport tf_keras as keras\n",
    ],
)
def test_import_styles(head: str) -> None:
    assert len(errors(program("X = np.zeros((8, 5))\n", head))) == 1


def test_from_imports_and_aliases() -> None:
    src = """
import numpy as npy
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense as D, Input
from tensorflow.keras import layers
m = Sequential([Input(shape=(4,)), D(8), layers.Dense(1)])
m.fit(npy.zeros((8, 5)), npy.zeros(8))
"""
    assert len(errors(src)) == 1


@pytest.mark.parametrize(
    ("dataset", "x", "y"),
    [
        ("mnist", "(60000, 28, 28)", "(60000,)"),
        ("fashion_mnist", "(60000, 28, 28)", "(60000,)"),
        ("cifar10", "(50000, 32, 32, 3)", "(50000, 1)"),
        ("cifar100", "(50000, 32, 32, 3)", "(50000, 1)"),
        ("boston_housing", "(404, 13)", "(404,)"),
    ],
)
def test_datasets(dataset: str, x: str, y: str) -> None:
    src = f"from tensorflow import keras\n(x_train, y_train), (x_test, y_test) = keras.datasets.{dataset}.load_data()\nx_train\ny_train\n"
    assert shape_of(src, "x_train") == x and shape_of(src, "y_train") == y


def test_to_categorical_and_pad_sequences() -> None:
    src = """
import numpy as np
from tensorflow.keras.utils import to_categorical
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.datasets import imdb
(x_train, y_train), _ = imdb.load_data(num_words=1000)
X = pad_sequences(x_train, maxlen=200)
Y = to_categorical(np.random.randint(0, 5, (30, 1)), 5)
Z = to_categorical(np.random.randint(0, 5, 30))
X
Y
Z
"""
    assert shape_of(src, "X") == "(25000, 200)"
    assert shape_of(src, "Y") == "(30, 5)"
    assert shape_of(src, "Z") == "(30, None)"


def test_train_test_split() -> None:
    src = "import numpy as np\nfrom sklearn.model_selection import train_test_split\nX = np.zeros((100, 8))\ny = np.zeros(100)\nXtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2)\nXtr\nXte\nyte\n"
    assert (
        shape_of(src, "Xtr") == "(80, 8)"
        and shape_of(src, "Xte") == "(20, 8)"
        and shape_of(src, "yte") == "(20,)"
    )


def test_syntax_error_keeps_analysing_the_rest() -> None:
    src = program("X = np.zeros((8, 5))\nbroken = (\n")
    analysis = run(src)
    codes = [f.code for f in analysis.findings]
    assert "SS001" in codes and "SS102" in codes


@pytest.mark.parametrize("half_typed", ["X2 = X[:", "d = {'a':", "f = lambda x:", "if X.ndim:"])
def test_a_half_typed_line_ending_in_a_colon_keeps_the_rest(half_typed: str) -> None:
    """Only a header whose body follows is repaired as a block; `X[:` is not a block header."""
    lines = ["import numpy as np", "import keras", "X = np.zeros((8, 5))", half_typed]
    lines += ["model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])"]
    lines += ["model.fit(X, np.zeros(8))"]
    codes = [f.code for f in run("\n".join(lines) + "\n").findings]
    assert codes == ["SS001", "SS102"]


def test_never_imports_tensorflow() -> None:
    import sys

    run(program("X = np.zeros((8, 5))\n"))
    assert "tensorflow" not in sys.modules and "keras" not in sys.modules


_FIT_ON_OTHER_SIZES = """model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
model.compile(loss="mse")
model.fit(np.zeros((10, 5)), np.zeros((10, 2)))
"""


@pytest.mark.parametrize(
    "head",
    [
        "def outer():\n    def build():\n",  # a def inside a def no one calls
        "if __name__ == '__main__':\n    def build():\n",  # a def inside a block
        "class Trainer:\n    def build(self):\n",  # a method
        "def build():\n",
    ],
    ids=["nested", "in_block", "method", "top_level"],
)
def test_functions_never_called_are_checked_wherever_defined(head: str) -> None:
    indent = " " * (len(head.splitlines()[-1]) - len(head.splitlines()[-1].lstrip()) + 4)
    body = "".join(indent + line + "\n" for line in _FIT_ON_OTHER_SIZES.splitlines())
    source = "import numpy as np\nfrom tensorflow import keras\n" + head + body
    assert [f.code for f in errors(source)] == ["SS102"]
