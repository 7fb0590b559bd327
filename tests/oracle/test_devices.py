"""SS301's table (server/shapesense/keras/devices.py) against real Keras on this CPU: each row
of tests/test_devices.py raises at fit / evaluate / predict with TensorFlow's oneDNN kernels off
(TF_ENABLE_ONEDNN_OPTS=0) exactly where ShapeSense says so, in the words it quotes, and runs with
TensorFlow's defaults (oneDNN on, on Linux x86), where SS301 stays a hint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ..helpers import run
from ..test_devices import DEVICE_CASES, device_program
from .run import Worker

pytestmark = pytest.mark.oracle


@pytest.fixture(scope="module")
def without_onednn(keras_worker: Worker) -> Iterator[Worker]:
    worker = Worker(keras_worker.keras, settings={"TF_ENABLE_ONEDNN_OPTS": "0"})  # type: ignore[attr-defined]
    yield worker
    worker.close()


@pytest.mark.parametrize(("layer", "shape", "k3", "k2"), DEVICE_CASES)
@pytest.mark.parametrize("method", ["predict", "fit"])
def test_a_cpu_without_onednn_refuses_where_shapesense_says(
    keras_worker: Worker,
    without_onednn: Worker,
    layer: str,
    shape: tuple[int, ...],
    k3: bool,
    k2: bool,
    method: str,
) -> None:
    keras = keras_worker.keras  # type: ignore[attr-defined]
    src = device_program(layer, shape, method)
    found = [f for f in run(src, keras).findings if f.code == "SS301"]
    result = without_onednn.run(src)
    assert result["raised"] == bool(found) == (k3 if keras == 3 else k2), result
    if found:
        assert found[0].keras_message in result["message"] + result.get("detail", ""), result
    assert not keras_worker.run(src)["raised"]  # TensorFlow's defaults run it


@pytest.mark.parametrize("method", ["predict", "fit"])
def test_xla_runs_them(without_onednn: Worker, method: str) -> None:
    layer, shape, *_ = DEVICE_CASES[1]
    assert without_onednn.run(device_program(layer, shape, method))["raised"]
    src = device_program(layer, shape, method, ", jit_compile=True")
    assert not without_onednn.run(src)["raised"]
