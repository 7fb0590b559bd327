"""fit / evaluate / predict on data of the shape a Sequential model was built on take the
build's answer (model_flow.flow_of_build) instead of running the layers again: it must be what
running them gives (model_flow.sequential_flow), and it must not be taken where it may not be."""

from __future__ import annotations

import pytest
from shapesense.interpret import Interpreter
from shapesense.keras.graph import LayerFailure
from shapesense.keras.versions import KerasVersion
from shapesense.model_flow import NOT_KNOWN, flow_of_build, sequential_flow
from shapesense.source import SourceText
from shapesense.values import Model

HEAD = "import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n"

BUILT = {
    "convolutions": "m = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(8, 3),"
    " layers.MaxPooling2D(2), layers.Flatten(), layers.Dropout(0.5), layers.Dense(10)])\n",
    "input_shape": "m = keras.Sequential([layers.Dense(4, input_shape=(3,)), layers.Dense(2)])\n",
    "added": "m = keras.Sequential()\nm.add(keras.Input(shape=(6, 2)))\nm.add(layers.LSTM(4))\n"
    "m.add(layers.Dense(1))\n",
    "built": "m = keras.Sequential([layers.Dense(4), layers.Dense(2)])\nm.build((None, 7))\n",
    "shared_layer": "d = layers.Dense(5)\nm = keras.Sequential([keras.Input(shape=(5,)), d, d])\n",
    "unknown_output": "m = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(n_units)])\n",
    # Keras 3 builds a Normalization adapted on other sizes; fit then raises in its call
    "raises_on_data": "norm = layers.Normalization()\nnorm.adapt(np.zeros((10, 9)))\n"
    "m = keras.Sequential([keras.Input(shape=(5,)), norm, layers.Dense(1)])\n",
}


def _model(body: str, keras: int) -> tuple[Interpreter, Model]:
    source = SourceText(HEAD + body)
    interp = Interpreter(source, source.parse().tree, KerasVersion(keras))
    interp.run()
    (model,) = [m for m in interp.models.values() if m.name.startswith("sequential")]
    return interp, model


def _same(a: object, b: object) -> bool:
    if isinstance(a, LayerFailure) and isinstance(b, LayerFailure):
        return (a.layer, str(a), a.code, a.expected, a.received_text) == (
            b.layer,
            str(b),
            b.code,
            b.expected,
            b.received_text,
        )
    return a == b


CASES = [(name, keras) for name in sorted(BUILT) for keras in (2, 3)]
CASES.remove(("raises_on_data", 2))  # Keras 2 raises where the model is built: never flowed


@pytest.mark.parametrize(("name", "keras"), CASES)
def test_the_build_answers_as_the_layers_run(name: str, keras: int) -> None:
    interp, model = _model(BUILT[name], keras)
    assert model.built_run is not None and model.built_run.steps
    sample = model.built_run.steps[0].input_shape
    answer = flow_of_build(model, sample)  # type: ignore[arg-type]
    assert answer is not NOT_KNOWN
    assert _same(answer, sequential_flow(interp, model, sample)[1])  # type: ignore[arg-type]


def test_the_failure_on_data_is_the_builds() -> None:
    _, model = _model(BUILT["raises_on_data"], 3)
    assert isinstance(flow_of_build(model, (None, 5)), LayerFailure)


@pytest.mark.parametrize(
    "body",
    [
        # another shape: the layers run on it
        BUILT["convolutions"] + "other = (None, 30, 30, 1)\n",
        # the user's code inside: a Lambda's function runs again, as Keras runs it
        "m = keras.Sequential([keras.Input(shape=(4,)), layers.Lambda(lambda t: t * 2),"
        " layers.Dense(2)])\n",
    ],
    ids=["another_shape", "lambda"],
)
def test_not_taken_where_the_layers_must_run(body: str) -> None:
    _, model = _model(body, 3)
    assert model.built_run is not None
    sample = model.built_run.steps[0].input_shape
    shape = (None, 30, 30, 1) if "other" in body else sample
    assert flow_of_build(model, shape) is NOT_KNOWN  # type: ignore[arg-type]


def test_fit_reports_the_failure_on_data() -> None:
    """Through the checker: the Normalization's error at fit, from the build's answer."""
    from tests.helpers import errors

    source = (
        HEAD
        + BUILT["raises_on_data"]
        + "m.compile(loss='mse')\nm.fit(np.zeros((8, 5)), np.zeros((8, 1)))\n"
    )
    assert [f.code for f in errors(source, 3)] == ["SS103"]
