"""A Python list of arrays as x of a model of one input (images appended in a loop and never
stacked): Keras takes the list as one array per input and, in fit and evaluate, first counts
the samples of each against y's (SS201, Keras's cardinality words). Labels as a list of lists
of numpy floats, Keras refuses before that (SS206). Where how many items the list has is not
known, the call is not checked, with the reason. The rows held to real Keras are in
tests/cases_lists.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shapesense import Options, analyze
from shapesense.keras.versions import KerasVersion

from .cases import PROGRAM_HEAD
from .helpers import errors, run, shape_of

TRUTH = Path(__file__).parent / "corpus" / "truth.json"

MODEL = (
    "model = keras.Sequential([keras.Input(shape=(8, 8, 3)), L.Flatten(), L.Dense(5)])\n"
    "model.compile('adam', 'mse')\n"
)


def program(loop: str, call: str) -> str:
    return (
        PROGRAM_HEAD
        + f"images = []\n{loop}\n    images.append(np.random.rand(8, 8, 3))\n"
        + MODEL
        + call
        + "\n"
    )


GROWN = program("for i in range(40):", "model.fit(images, np.random.rand(40, 5), verbose=0)")


@pytest.mark.parametrize("keras", [3, 2])
def test_each_image_counted_as_an_input_in_keras_words(keras: int) -> None:
    (error,) = errors(GROWN, keras)
    assert error.code == "SS201"
    assert "`images` is a Python list of 40 arrays of shape (8, 8, 3)" in error.message
    sizes = ", ".join(["8"] * 40)
    if keras == 3:
        assert f"'x' sizes: {sizes} 'y' sizes: 40" in error.keras_message
    else:
        assert f"x sizes: {sizes} y sizes: 40" in error.keras_message
    (fix,) = error.fixes
    assert [e.new_text for e in fix.edits] == ["np.array(images)"]


def test_the_stacking_fix_leaves_a_program_that_checks_clean() -> None:
    (error,) = errors(GROWN)
    (edit,) = error.fixes[0].edits
    lines = GROWN.split("\n")
    line = lines[edit.span.line]
    lines[edit.span.line] = line[: edit.span.column] + edit.new_text + line[edit.span.end_column :]
    assert errors("\n".join(lines)) == []


def test_no_fix_where_stacking_would_not_match_the_labels() -> None:
    src = program("for i in range(40):", "model.fit(images, np.random.rand(30, 5), verbose=0)")
    (error,) = errors(src)
    assert error.code == "SS201"
    assert error.fixes == ()


def test_a_list_of_unknown_length_is_not_checked_with_its_reason() -> None:
    """None, one or several items: Keras's error depends on how many (with one, the list is
    that array)."""
    src = program(
        "for i in range(int(input())):", "model.fit(images, np.zeros((40, 5)), verbose=0)"
    )
    analysis = analyze(src, Options(KerasVersion(3), explain_silence=True))
    assert [f.code for f in analysis.findings] == ["SS300"]
    assert "grown by append (a length not known)" in analysis.findings[0].message


@pytest.mark.parametrize(
    "call",
    [
        # Keras splits the list first and fails elsewhere (measured): not this error
        "model.fit(images, np.random.rand(40, 5), validation_split=0.2, verbose=0)",
        # no labels to count against
        "model.predict(images, verbose=0)",
    ],
)
def test_not_reported_where_keras_does_not_count_samples_first(call: str) -> None:
    src = program("for i in range(40):", call)
    assert "SS201" not in [f.code for f in run(src).findings]


def test_sample_counts_that_agree_are_not_this_error() -> None:
    src = (
        PROGRAM_HEAD
        + MODEL
        + (
            "xs = [np.zeros((8, 8, 3)), np.zeros((8, 8, 3))]\nmodel.fit(xs, np.zeros((8, 5)), verbose=0)\n"
        )
    )
    assert "SS201" not in [f.code for f in run(src).findings]


# Labels as lists of numpy floats (SS206): Keras's words, from the corpus's truth.json
TARGETS = (
    PROGRAM_HEAD + "images = []\ny = []\nfor i in range(40):\n"
    "    images.append(np.random.rand(8, 8, 3))\n    y.append(list(np.random.rand(5)))\n" + MODEL
)


@pytest.mark.parametrize("keras", [3, 2])
def test_lists_of_numpy_floats_as_labels_in_keras_words(keras: int) -> None:
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))["programs"]
    expected = truth["images/list_of_images_not_stacked.py"][str(keras)]["message"]
    (error,) = errors(TARGETS + "model.fit(images, y, verbose=0)\n", keras)
    assert error.code == "SS206"
    assert error.keras_message == expected
    (fix,) = error.fixes
    assert [e.new_text for e in fix.edits] == ["np.array(images)", "np.array(y)"]


def test_with_array_data_only_the_labels_are_stacked() -> None:
    src = TARGETS + "model.evaluate(np.random.rand(40, 8, 8, 3), y, verbose=0)\n"
    (error,) = errors(src)
    assert error.code == "SS206"
    assert [e.new_text for e in error.fixes[0].edits] == ["np.array(y)"]


@pytest.mark.parametrize(
    "labels",
    [
        "[[0.5] * 5] * 40",  # Python floats: not what was measured
        "[list(np.random.rand(5)) for _ in range(int(input()))]",  # how many: not known
    ],
)
def test_other_label_lists_are_not_this_error(labels: str) -> None:
    src = TARGETS + f"model.fit(np.random.rand(40, 8, 8, 3), {labels}, verbose=0)\n"
    assert "SS206" not in [f.code for f in run(src).findings]


def test_validation_split_is_not_checked() -> None:
    src = TARGETS + "model.fit(images, y, validation_split=0.2, verbose=0)\n"
    assert "SS206" not in [f.code for f in run(src).findings]


def test_list_of_an_array_is_its_rows() -> None:
    src = "import numpy as np\nrows = list(np.zeros((4, 3)))\nr = np.array(rows)\nn = len(rows)\n"
    assert shape_of(src, "r") == "(4, 3)"


def test_stacked_label_lists_have_their_shape() -> None:
    src = "import numpy as np\ny = []\nfor i in range(40):\n    y.append(list(np.random.rand(5)))\nr = np.array(y)\n"
    assert shape_of(src, "r") == "(40, 5)"
