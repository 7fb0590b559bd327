"""ShapeSense names models and layers as Keras does (tests/cases_names.py, measured rows)."""

from __future__ import annotations

import re

import pytest
from shapesense.keras.op_layers import FUNCTIONS, RAISING

from .cases import PROGRAM_HEAD
from .cases_names import NAME_CASES, REFUSED_BY_ROWS, keras2_op_call, keras2_op_failure
from .helpers import run

_MODEL = re.compile(r"model '(.*)'$")


def _named(source: str, keras: int) -> dict[str, str]:
    """variable -> `model name: its rows' names` (its summary) and variable -> model name."""
    analysis = run(source, keras)
    rows = {m.name: ", ".join(row[0] for row in m.rows) for m in analysis.models}
    out = {}
    for symbol in analysis.symbols:
        found = _MODEL.search(symbol.description)
        if found:
            name = found.group(1)
            out[symbol.name] = name
            out[symbol.name + ":"] = f"{name}: {rows.get(name, '')}"
    return out


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize(
    ("label", "body", "k3", "k2"), NAME_CASES, ids=[case[0] for case in NAME_CASES]
)
def test_names_are_keras_names(
    label: str, body: str, k3: dict[str, str] | None, k2: dict[str, str], keras: int
) -> None:
    if keras == 3 and k3 is None:  # Keras 3 refuses the program's tf ops
        codes = {f.code for f in run(PROGRAM_HEAD + body, 3).findings if f.severity == "error"}
        assert codes == {"SS109"}
        return
    named = _named(PROGRAM_HEAD + body, keras)
    for variable, expected in (k3 if keras == 3 else k2).items():  # type: ignore[union-attr]
        got = named.get(variable + ":" if ":" in expected else variable)
        assert got == expected, variable


@pytest.mark.parametrize(("keras", "quoted"), [(3, "'functional_1'"), (2, '"model"')])
def test_keras_text_quotes_the_model_by_its_name(keras: int, quoted: str) -> None:
    """Keras's own words name the model as Keras named it (after a Sequential, in Keras 3)."""
    src = PROGRAM_HEAD + (
        "a = keras.Sequential([keras.Input((3,)), L.Dense(2)])\n"
        "i = keras.Input((3,))\n"
        "b = keras.Model(i, L.Dense(1)(i))\n"
        "b.predict(np.zeros((2, 5)))\n"
    )
    [finding] = [f for f in run(src, keras).findings if f.severity == "error"]
    assert f"layer {quoted}" in (finding.keras_message or ""), finding.keras_message
    assert quoted.strip("'\"") in finding.message


AFTER_CLEAR = (
    "a = keras.Sequential([keras.Input((3,)), L.Dense(2)])\n"
    "keras.backend.clear_session()\n"
    "b = keras.Sequential([keras.Input((3,)), L.Rescaling(1.0), L.Dense(2)])\n"
)


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize("body", [AFTER_CLEAR, NAME_CASES[3][1]], ids=["clear", "adds"])
def test_names_after_an_edit_are_a_fresh_analysis_names(body: str, keras: int) -> None:
    """Statements replayed after an edit (a layer written on each line in turn) count the
    names as a fresh analysis does: clear_session is never replayed (the count of a name
    first taken before it, in the edit, would not be reset)."""
    from shapesense import Options, analyze
    from shapesense.analysis import Analyzer
    from shapesense.keras.versions import KerasVersion

    lines = (PROGRAM_HEAD + body).splitlines(keepends=True)
    analyzer = Analyzer(Options(KerasVersion(keras)))
    analyzer.analyze("".join(lines))
    for at in range(3, len(lines) + 1):
        for text in (
            "".join([*lines[:at], "extra = L.Rescaling(2.0)\n", *lines[at:]]),
            "".join(lines),
        ):
            fresh = analyze(text, Options(KerasVersion(keras)))
            again = analyzer.analyze(text)
            assert [(m.name, m.rows) for m in again.models] == [
                (m.name, m.rows) for m in fresh.models
            ], (at, text)


KERAS2_OPS = sorted(n for n in FUNCTIONS if not n.endswith(".shape"))  # tf.shape: no rows


@pytest.mark.parametrize("name", KERAS2_OPS)
def test_keras2_names_a_tf_function_on_keras_tensors_as_measured(name: str) -> None:
    """Each row of keras/op_layers.py (held to tf_keras by tests/oracle/test_names.py): the
    layers the call makes, named by the function TensorFlow runs, not by the source's words."""
    body, inputs = keras2_op_call(name)
    named = _named(PROGRAM_HEAD + body, 2)
    assert named.get("m:") == "model: " + ", ".join([*inputs, *FUNCTIONS[name]])


# a reshape Keras refuses needs a known batch size, which the checker does not model
@pytest.mark.parametrize(
    "name", [n for n in KERAS2_OPS if keras2_op_failure(n) and not n.endswith(".reshape")]
)
def test_keras2_message_names_the_layer_keras_names(name: str) -> None:
    """Keras 2's message names the layer that raised as Keras does (`tf.squeeze` there, though
    a squeeze that runs is `tf.compat.v1.squeeze`)."""
    src = PROGRAM_HEAD + f"import tensorflow as tf\nout = {keras2_op_failure(name)}\n"
    [finding] = [f for f in run(src, 2).findings if f.severity == "error"]
    layer = RAISING.get(name, FUNCTIONS[name][-1])
    assert f'calling layer "{layer}" (type TFOpLambda)' in finding.keras_message


def test_keras2_names_no_layer_it_has_not_measured() -> None:
    """K.relu's layers depend on its arguments (alpha: tf.nn.leaky_relu); tf.relu is no
    function: unmeasured, the op's result is unknown rather than a layer named by a guess."""
    src = PROGRAM_HEAD + (
        "import tensorflow as tf\n"
        "i = keras.Input((4,))\n"
        "a = keras.Model(i, keras.backend.relu(i, alpha=0.1))\n"
        "b = keras.Model(i, keras.backend.relu(i))\n"
    )
    named = _named(src, 2)
    assert named.get("a:") == "model: "
    assert named.get("b:") == "model_1: input_1, tf.nn.relu"


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize(
    ("label", "body", "k3", "k2"), REFUSED_BY_ROWS, ids=[case[0] for case in REFUSED_BY_ROWS]
)
def test_keras_line_names_the_layer_keras_names(
    label: str, body: str, k3: tuple[str, ...] | None, k2: tuple[str, ...] | None, keras: int
) -> None:
    """A model used as a layer: the Keras line names the model (Keras 3's check of its input)
    or the layer inside it that refuses (a backbone's stem), with Keras's words."""
    words = k3 if keras == 3 else k2
    if words is None:
        pytest.skip("the row does not hold this version")
    errors = [f for f in run(PROGRAM_HEAD + body, keras).findings if f.severity == "error"]
    assert len(errors) == 1, errors
    assert all(w in errors[0].keras_message for w in words), errors[0].keras_message
