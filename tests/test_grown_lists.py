"""Lists grown by `append` in loops and branches, then made into arrays (np.array, np.vstack,
np.stack): the items agree on a shape, so the array has it after an axis of as many items as
were appended, known when the loop's length is (a `for` over range(n) or a list, appending
once per iteration at the body's top level, with no break), else an unknown size. Loops over
up to 16 known items run once per item (interpret.py), so their lists are exact anyway."""

from __future__ import annotations

import pytest

from .helpers import errors, shape_of

HEAD = "import numpy as np\nimport os\nfiles = os.listdir('data')\nmore = input()\n"


@pytest.mark.parametrize(
    ("body", "shape"),
    [
        (
            "xs = []\nfor i in range(100):\n    xs.append(np.zeros((28, 28)))\nr = np.array(xs)",
            "(100, 28, 28)",
        ),
        (
            "xs = []\nfor f in files:\n    xs.append(np.zeros((28, 28)))\nr = np.array(xs)",
            "(None, 28, 28)",
        ),
        (
            "xs = [np.zeros(3)]\nfor i in range(19):\n    xs.append(np.zeros(3))\nr = np.array(xs)",
            "(20, 3)",
        ),
        (
            "xs = []\nfor c in ['a', 'b', 'c']:\n    xs.append(np.zeros(3))\nr = np.array(xs)",
            "(3, 3)",
        ),
        (
            "xs = []\nfor i in range(40):\n    xs.append(np.zeros(3))\nxs.append(np.zeros(3))\nr = np.array(xs)",
            "(41, 3)",
        ),
        (
            "xs = []\nfor i in range(40):\n    xs.append(np.zeros(3))\nr = np.zeros((len(xs), 2))",
            "(40, 2)",
        ),
        (
            "xs = []\nfor i in range(40):\n    xs.append(np.zeros((1, 8, 8, 3)))\nr = np.vstack(xs)",
            "(40, 8, 8, 3)",
        ),
        (
            "xs = []\nfor f in files:\n    xs.append(np.zeros((1, 8, 8, 3)))\nr = np.vstack(xs)",
            "(None, 8, 8, 3)",
        ),
        (
            "xs = []\nfor i in range(40):\n    xs.append(np.zeros((8, 3)))\nr = np.stack(xs, axis=1)",
            "(8, 40, 3)",
        ),
        (
            "xs = []\nfor i in range(40):\n    xs.append(np.zeros((8, 3)))\nr = np.concatenate(xs)",
            "(320, 3)",
        ),
        (
            "xs = []\nfor i in range(3):\n    xs.append(np.zeros(2))\n    xs.append(np.ones(2))\nr = np.array(xs)",
            "(6, 2)",
        ),
        # the count is not known: a branch, two appends, a break, a while
        (
            "xs = []\nfor i in range(50):\n    if more:\n        xs.append(np.zeros(3))\nr = np.array(xs)",
            "(None, 3)",
        ),
        (
            "xs = []\nfor i in range(50):\n    xs.append(np.zeros(3))\n    xs.append(np.zeros(3))\nr = np.array(xs)",
            "(None, 3)",
        ),
        (
            "xs = []\nfor i in range(50):\n    xs.append(np.zeros(3))\n    if more:\n        break\nr = np.array(xs)",
            "(None, 3)",
        ),
        ("xs = []\nwhile more:\n    xs.append(np.zeros(3))\nr = np.array(xs)", "(None, 3)"),
        (
            "xs = []\nfor i in range(40):\n    xs.append(np.zeros(3))\n    print(len(xs))\nr = np.array(xs)",
            "(None, 3)",
        ),
        # unknown: items that disagree or are not known, a list changed otherwise
        ("xs = []\nfor i in range(50):\n    xs.append(np.zeros(i))\nr = np.array(xs)", None),
        (
            "xs = []\nfor f in files:\n    xs.append(np.zeros(3) if more else np.zeros(4))\nr = np.array(xs)",
            None,
        ),
        (
            "xs = []\nfor i in range(40):\n    xs.append(np.zeros(3))\nxs.extend(more)\nr = np.array(xs)",
            None,
        ),
        ("xs = ()\nfor i in range(40):\n    xs = xs + (np.zeros(3),)\nr = np.array(xs)", None),
    ],
)
def test_grown_lists(body: str, shape: str | None) -> None:
    assert shape_of(HEAD + body + "\n", "r") == shape


FIT = (
    HEAD
    + """from tensorflow import keras
images, labels = [], []
for name in files:
    images.append(np.zeros(({size}, {size}, 3)) / 255.0)
    labels.append(0)
x = np.array(images)
y = np.array(labels)
model = keras.Sequential([keras.Input((32, 32, 3)), keras.layers.Flatten(), keras.layers.Dense(2)])
model.compile("adam", "sparse_categorical_crossentropy")
model.fit(x, y)
"""
)


@pytest.mark.parametrize(("size", "lines"), [(32, []), (64, [13])])
def test_images_appended_in_a_loop_meet_the_model(size: int, lines: list[int]) -> None:
    assert [f.span.line for f in errors(FIT.format(size=size))] == lines
