"""SS301: layers with data_format="channels_first" that TensorFlow's CPU kernels refuse at
fit / evaluate / predict (a hint; an error with device = "cpu-without-onednn"). The rows are measured:
`python -m pytest -m oracle tests/oracle/test_devices.py` runs each under real Keras 2 and 3,
where they raise with TF_ENABLE_ONEDNN_OPTS=0 and run with TensorFlow's defaults."""

from __future__ import annotations

import pytest
from shapesense import Options, analyze
from shapesense.keras.versions import KerasVersion

from .helpers import run

# (layer, sample shape, Keras 3 refuses it, Keras 2 refuses it)
DEVICE_CASES: list[tuple[str, tuple[int, ...], bool, bool]] = [
    ("L.Conv1D(4, 3, data_format='channels_first')", (3, 10), True, True),
    ("L.Conv2D(4, 3, data_format='channels_first')", (3, 10, 10), True, True),
    ("L.Conv3D(4, 3, data_format='channels_first')", (3, 6, 6, 6), False, True),
    ("L.Conv1DTranspose(4, 3, data_format='channels_first')", (3, 10), True, True),
    ("L.Conv2DTranspose(4, 3, data_format='channels_first')", (3, 10, 10), True, False),
    ("L.Conv3DTranspose(4, 3, data_format='channels_first')", (3, 6, 6, 6), True, True),
    ("L.SeparableConv2D(4, 3, data_format='channels_first')", (3, 10, 10), False, True),
    ("L.DepthwiseConv1D(3, data_format='channels_first')", (3, 10), False, True),
    ("L.DepthwiseConv2D(3, data_format='channels_first')", (3, 10, 10), False, False),
    ("L.MaxPooling2D(2, data_format='channels_first')", (3, 10, 10), False, True),
    ("L.AveragePooling2D(2, data_format='channels_first')", (3, 10, 10), False, True),
    ("L.MaxPooling1D(2, data_format='channels_first')", (3, 10), False, False),
    ("L.ConvLSTM2D(4, 3, data_format='channels_first')", (2, 3, 8, 8), True, False),
    ("L.Conv2D(4, 3)", (10, 10, 3), False, False),
]


def device_program(layer: str, shape: tuple[int, ...], method: str, compile_args: str = "") -> str:
    data = f"np.zeros((4, *{shape!r}), 'float32')"
    call = {
        "predict": f"model.predict({data}, verbose=0)",
        "evaluate": f"model.evaluate({data}, np.zeros((4, 1)), verbose=0)",
        "fit": f"model.fit({data}, np.zeros((4, 1)), verbose=0)",
    }[method]
    return (
        "import numpy as np\nimport keras\nL = keras.layers\n"
        f"model = keras.Sequential([keras.Input(shape={shape!r}), {layer}, L.Flatten(), L.Dense(1)])\n"
        f"model.compile('adam', 'mse'{compile_args})\n{call}\n"
    )


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize(("layer", "shape", "k3", "k2"), DEVICE_CASES)
@pytest.mark.parametrize("method", ["predict", "evaluate", "fit"])
def test_the_layers_a_cpu_refuses_get_a_hint(
    layer: str, shape: tuple[int, ...], k3: bool, k2: bool, keras: int, method: str
) -> None:
    findings = run(device_program(layer, shape, method), keras).findings
    refused = k3 if keras == 3 else k2
    assert [(f.code, f.severity) for f in findings] == ([("SS301", "hint")] if refused else [])
    if refused:
        assert "NHWC" in findings[0].keras_message or "NDHWC" in findings[0].keras_message
        assert layer.split("(")[0][2:] in findings[0].message


def test_device_cpu_makes_it_an_error_with_tensorflows_words() -> None:
    src = device_program(DEVICE_CASES[1][0], DEVICE_CASES[1][1], "fit")
    (finding,) = analyze(src, Options(KerasVersion(3), device="cpu-without-onednn")).findings
    assert (finding.code, finding.severity) == ("SS301", "error")
    assert finding.keras_message == "Conv2DCustomBackpropFilterOp only supports NHWC."
    assert "Layer 'conv2d' (Conv2D) of model 'sequential'" in finding.message


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize("compile_args", [", jit_compile=True", ", jit_compile=flag"])
def test_xla_runs_them_and_an_unknown_compile_is_silent(keras: int, compile_args: str) -> None:
    """Measured: compile(jit_compile=True) runs Conv2D channels_first on a CPU in both versions
    (tests/oracle/test_devices.py); a value not known is silence."""
    layer, shape, *_ = DEVICE_CASES[1]
    src = device_program(layer, shape, "predict", compile_args)
    src = src.replace("import keras\n", "import keras\nimport sys\nflag = len(sys.argv) > 1\n")
    assert run(src, keras).findings == []
    no_jit = device_program(layer, shape, "predict", ", jit_compile=False")
    assert [f.code for f in run(no_jit, keras).findings] == ["SS301"]


def test_a_nested_model_and_a_functional_graph_are_walked() -> None:
    src = (
        "import numpy as np\nimport keras\nL = keras.layers\n"
        "inner = keras.Sequential([keras.Input(shape=(3, 10, 10)), L.Conv2D(4, 3, data_format='channels_first')])\n"
        "inputs = keras.Input(shape=(3, 10, 10))\n"
        "outputs = L.Dense(1)(L.Flatten()(inner(inputs)))\n"
        "model = keras.Model(inputs, outputs)\nmodel.compile('adam', 'mse')\n"
        "model.predict(np.zeros((4, 3, 10, 10)), verbose=0)\n"
    )
    (finding,) = run(src).findings
    assert finding.code == "SS301" and "Layer 'conv2d' (Conv2D)" in finding.message


def test_a_shape_error_at_the_call_comes_first() -> None:
    """Keras raises the shape error before any kernel runs: that one is reported alone."""
    src = device_program(DEVICE_CASES[1][0], DEVICE_CASES[1][1], "predict")
    src = src.replace("np.zeros((4, *(3, 10, 10))", "np.zeros((4, *(3, 10, 12))")
    assert [f.code for f in run(src).findings] == ["SS102"]
