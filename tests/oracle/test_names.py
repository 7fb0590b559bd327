"""Real Keras judges the names tests/cases_names.py expects (which the fast tests hold
ShapeSense to), and the table of backbone names (keras/application_names.json)."""

from __future__ import annotations

import pytest
from shapesense.keras.op_layers import FUNCTIONS, RAISING

from ..cases import PROGRAM_HEAD
from ..cases_names import (
    NAME_CASES,
    NESTED_MODEL_ROWS,
    REFUSED_BY_ROWS,
    keras2_op_call,
    keras2_op_failure,
)
from .run import Worker

pytestmark = pytest.mark.oracle


def _names_check(expected: dict[str, str]) -> str:
    """Statements asserting each variable's names, in the form of the case rows."""
    lines = []
    for variable, want in expected.items():
        got = (
            f"{variable}.name + ': ' + ', '.join(x.name for x in {variable}.layers)"
            if ":" in want
            else f"{variable}.name"
        )
        lines.append(f"assert {got} == {want!r}, {got}\n")
    return "".join(lines)


@pytest.mark.parametrize(
    ("label", "body", "k3", "k2"), NAME_CASES, ids=[case[0] for case in NAME_CASES]
)
def test_name_table_matches_keras(
    keras_worker: Worker, label: str, body: str, k3: dict[str, str] | None, k2: dict[str, str]
) -> None:
    expected = k3 if keras_worker.keras == 3 else k2  # type: ignore[attr-defined]
    if expected is None:  # Keras 3 refuses the TensorFlow op
        result = keras_worker.run(PROGRAM_HEAD + body)
        assert result["raised"] and "KerasTensor cannot be used" in result.get("message", "")
        return
    result = keras_worker.run(PROGRAM_HEAD + body + _names_check(expected))
    assert not result["raised"], result.get("message")


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_keras2_op_layers_match_tf_keras(keras_worker: Worker, name: str) -> None:
    """Each row of keras/op_layers.py: the TFOpLambda layers tf_keras makes of the call, and
    the layer its message names when a call of refused shapes raises."""
    if keras_worker.keras != 2:  # type: ignore[attr-defined]
        pytest.skip("Keras 3 makes no layer of an op")
    body, inputs = keras2_op_call(name)
    want = "model: " + ", ".join([*inputs, *FUNCTIONS[name]])
    result = keras_worker.run(PROGRAM_HEAD + body + _names_check({"m": want}))
    assert not result["raised"], result.get("message")
    failing = keras2_op_failure(name)
    if failing is not None:  # the worker keeps only the message's core: checked in the program
        layer = RAISING.get(name, FUNCTIONS[name][-1])
        words = f'calling layer "{layer}" (type TFOpLambda)'
        result = keras_worker.run(
            PROGRAM_HEAD + "import tensorflow as tf\n"
            f"try:\n    {failing}\nexcept ValueError as e:\n"
            f"    assert {words!r} in str(e), str(e)[:200]\n"
            "else:\n    raise AssertionError('no error')\n"
        )
        assert not result["raised"], result.get("message")


@pytest.mark.parametrize("backbone", ["MobileNetV3Small", "EfficientNetB0", "NASNetMobile"])
def test_backbone_names_match_keras(keras_worker: Worker, backbone: str) -> None:
    """A backbone's name and the automatic names it uses up: a Dense made after it."""
    from shapesense.libraries.keras_application_names import table

    version = str(keras_worker.keras)  # type: ignore[attr-defined]
    row = table()[version][backbone]
    dense = row["uses"].get("dense", 0)
    src = PROGRAM_HEAD + (
        f"base = keras.applications.{backbone}(weights=None)\n"
        f"assert base.name == {row['name']!r}, base.name\n"
        "d = L.Dense(1)\n"
        f"assert d.name == {'dense' if not dense else f'dense_{dense}'!r}, d.name\n"
    )
    assert not keras_worker.run(src)["raised"]


@pytest.mark.parametrize(
    ("label", "body", "k3", "k2"), REFUSED_BY_ROWS, ids=[case[0] for case in REFUSED_BY_ROWS]
)
def test_refused_by_rows_match_keras(
    keras_worker: Worker,
    label: str,
    body: str,
    k3: tuple[str, ...] | None,
    k2: tuple[str, ...] | None,
) -> None:
    """The layer Keras's message names when a model used as a layer refuses its input."""
    words = k3 if keras_worker.keras == 3 else k2  # type: ignore[attr-defined]
    result = keras_worker.run(PROGRAM_HEAD + body)
    if words is None:
        assert not result["raised"], result.get("message")
        return
    message = " ".join(result.get("message", "").split())
    assert result["raised"] and all(w in message for w in words), message


@pytest.mark.parametrize(
    ("version", "backbone"), [("3", "ResNet50"), ("2", "VGG16"), ("3", "DenseNet121")]
)
def test_backbone_stems_match_keras(keras_worker: Worker, version: str, backbone: str) -> None:
    """keras/application_stems.json: the layer named, the padding before it (spot checks; the
    whole table: python -m tests.oracle.application_stems)."""
    from shapesense.libraries.keras_applications import stems

    if str(keras_worker.keras) != version:  # type: ignore[attr-defined]
        pytest.skip("a row of the other version")
    row = stems()[version][backbone]
    words = f"layer {row['stem']!r}" if version == "3" else f'layer "{row["stem"]}"'
    size = 96 + row["pad"]
    src = PROGRAM_HEAD + (
        f"base = keras.applications.{backbone}(weights=None, include_top=False, input_shape=(96, 96, 3))\n"
        "base.predict(np.zeros((2, 96, 96, 1)), verbose=0)\n"
    )
    result = keras_worker.run(src)
    message = " ".join(result.get("message", "").split())
    assert result["raised"] and words in message and f", {size}, {size}, 1)" in message, message


@pytest.mark.parametrize(
    ("label", "body", "variable", "rows"),
    NESTED_MODEL_ROWS,
    ids=[case[0] for case in NESTED_MODEL_ROWS],
)
def test_nested_model_rows_match_keras(
    keras_worker: Worker,
    label: str,
    body: str,
    variable: str,
    rows: dict[int, list[tuple[str, str, str, int]]],
) -> None:
    """model.layers of a model holding a model: one row for it (name, class, output, params)."""
    version = keras_worker.keras  # type: ignore[attr-defined]
    output = "l.output_shape" if version == 2 else "l.output.shape"
    check = (
        f"got = [(l.name, type(l).__name__, str(tuple({output})), l.count_params()) "
        f"for l in {variable}.layers if type(l).__name__ != 'InputLayer']\n"
        f"assert got == {rows[version]!r}, got\n"
    )
    result = keras_worker.run(PROGRAM_HEAD + body + check)
    assert not result["raised"], result.get("message")


# Keras 3.15's words for an input an InputSpec refuses name the spec: a layer's ('None') or a
# functional model's (its Input's name); tests/test_checks.py holds ShapeSense to them
INPUT_SPEC_WORDS = [
    (
        "i = keras.Input((4,), name='feat')\nm = keras.Model(i, L.Dense(2)(i))\n"
        "m.predict(np.zeros((2, 5)), verbose=0)\n",
        "Input 0 with name 'feat' of layer 'functional' is incompatible with the layer",
    ),
    (
        "m = keras.Sequential([keras.Input((4,)), L.Dense(2)])\n"
        "m.predict(np.zeros((2, 5)), verbose=0)\n",
        "Input 0 with name 'None' of layer 'dense' is incompatible with the layer",
    ),
]


@pytest.mark.parametrize(("body", "words"), INPUT_SPEC_WORDS)
def test_keras_3_names_the_input_spec(keras_worker: Worker, body: str, words: str) -> None:
    if keras_worker.keras != 3:  # type: ignore[attr-defined]
        pytest.skip("Keras 3's words")
    from shapesense import Options, analyze
    from shapesense.keras.versions import KerasVersion

    result = keras_worker.run(PROGRAM_HEAD + body)
    assert result["raised"] and result["message"].startswith(words), result.get("message")
    found = analyze(PROGRAM_HEAD + body, Options(KerasVersion(3, 15))).findings
    assert any((f.keras_message or "").startswith(words) for f in found), found
