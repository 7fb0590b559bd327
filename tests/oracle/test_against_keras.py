"""Real Keras judges the expectations the fast tests hold shapesense to, and a generated sample."""

from __future__ import annotations

import os

import pytest

from ..cases import (
    LAYER_CASES,
    MULTI_INPUT_CASES,
    PROGRAM_CASES,
    PROGRAM_HEAD,
    SERIES_ROW_FIXABLE,
    SEVERAL_INPUTS_FIXABLE,
    TYPED_LAYER_CASES,
    multi_input_program,
)
from .run import Worker, main

pytestmark = pytest.mark.oracle


@pytest.mark.parametrize(("layer", "sample", "expected"), LAYER_CASES)
def test_layer_table_matches_keras(
    keras_worker: Worker, layer: str, sample: tuple[int, ...], expected: str
) -> None:
    src = f"import keras\nL = keras.layers\nmodel = keras.Sequential([keras.Input(shape={sample!r}), {layer}])\n"
    result = keras_worker.run(src)
    assert not result["raised"], result
    assert result["layer_shapes"][-1] == expected


@pytest.mark.parametrize(("layer", "sample", "dtype", "expected"), TYPED_LAYER_CASES)
def test_typed_layer_table_matches_keras(
    keras_worker: Worker, layer: str, sample: tuple[int, ...], dtype: str, expected: str
) -> None:
    src = f"import keras\nL = keras.layers\nmodel = keras.Sequential([keras.Input(shape={sample!r}, dtype={dtype!r}), {layer}])\n"
    result = keras_worker.run(src)
    assert not result["raised"], result
    assert result["layer_shapes"][-1] == expected


@pytest.mark.parametrize(("call", "shapes", "expected", "params"), MULTI_INPUT_CASES)
def test_multi_input_table_matches_keras(
    keras_worker: Worker, call: str, shapes: list[tuple[int, ...]], expected: str, params: str
) -> None:
    src = (
        multi_input_program(call, shapes)
        + "assert model.layers[-1].count_params() == "
        + params
        + "\n"
    )
    result = keras_worker.run(src)
    assert not result["raised"], result
    assert result["layer_shapes"][-1] == expected


@pytest.mark.parametrize(
    ("name", "body", "k3_raises", "k2_raises", "code"),
    PROGRAM_CASES,
    ids=[c[0] for c in PROGRAM_CASES],
)
def test_program_table_matches_keras(
    keras_worker: Worker, name: str, body: str, k3_raises: bool, k2_raises: bool, code: str | None
) -> None:
    result = keras_worker.run(PROGRAM_HEAD + body)
    expected = k3_raises if keras_worker.keras == 3 else k2_raises  # type: ignore[attr-defined]
    assert result["raised"] == expected, result.get("message")


def test_generated_sample_agrees_with_keras(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    """A fixed-seed sample of generated programs, both Keras versions, fixes run too. About
    11 minutes in CI: its progress lines (every 50 programs) go to the log as they come."""
    count = os.environ.get("SHAPESENSE_ORACLE_COUNT", "300")
    report = tmp_path / "oracle-report.md"
    with capsys.disabled():
        code = main(["--count", count, "--seed", "7", "--keras", "3", "2", "--report", str(report)])
    assert code == 0, report.read_text()


def test_tf_data_pipeline_errors_like_arrays(keras_worker: Worker) -> None:
    """fit on a batched from_tensor_slices pipeline checks shapes exactly as arrays do."""
    src = (
        "import numpy as np\nimport tensorflow as tf\nX = np.random.rand(32, 20, 3)\ny = np.random.randint(0, 2, 32)\n"
        "ds = tf.data.Dataset.from_tensor_slices((X, y)).batch(16)\n"
        "model = tf.keras.Sequential([tf.keras.Input(shape=(20, 5)), tf.keras.layers.LSTM(4), tf.keras.layers.Dense(1, activation='sigmoid')])\n"
        "model.compile('adam', 'binary_crossentropy')\nmodel.fit(ds, epochs=1, verbose=0)\n"
    )
    assert keras_worker.run(src)["raised"]
    assert not keras_worker.run(src.replace("(32, 20, 3)", "(32, 20, 5)"))["raised"]


def test_fixes_for_one_of_several_inputs_run_in_keras(keras_worker: Worker) -> None:
    from shapesense import Options, analyze
    from shapesense.keras.versions import KerasVersion

    from .run import apply_fix

    assert keras_worker.run(SEVERAL_INPUTS_FIXABLE)["raised"]
    version = KerasVersion(keras_worker.keras)  # type: ignore[attr-defined]
    analysis = analyze(SEVERAL_INPUTS_FIXABLE, Options(version))
    (error,) = [f for f in analysis.findings if f.severity == "error"]
    assert len(error.fixes) == 2
    for fix in error.fixes:
        assert not keras_worker.run(apply_fix(SEVERAL_INPUTS_FIXABLE, fix))["raised"], fix.title


def test_fixes_for_a_series_row_run_in_keras(keras_worker: Worker) -> None:
    """A Series row raises at predict (5 samples of one value); its fixes, a one-row frame
    and `.to_numpy().reshape(1, -1)`, each remove its error, and the whole program runs."""
    from shapesense import Options, analyze
    from shapesense.keras.versions import KerasVersion

    from .run import apply_fix

    version = KerasVersion(keras_worker.keras)  # type: ignore[attr-defined]
    errors = [
        f for f in analyze(SERIES_ROW_FIXABLE, Options(version)).findings if f.severity == "error"
    ]
    assert [len(e.fixes) for e in errors] == [1, 1]
    raised = keras_worker.run(SERIES_ROW_FIXABLE, whole=True)["raised_statements"]
    assert [r[0] for r in raised] == [4, 5]  # both predict statements, after L, X, model, row
    fixed = SERIES_ROW_FIXABLE
    for error in reversed(errors):  # the later edit first: the earlier one's place stays
        fixed = apply_fix(fixed, error.fixes[0])
    assert not keras_worker.run(fixed)["raised"], fixed


def test_a_fix_is_judged_on_the_whole_program(keras_worker: Worker) -> None:
    """The seed example: changing the model's input for the bad fit (line 17) makes the good
    fit (line 14) raise. Run whole, the program raises at the bad fit only; with the model
    changed it raises at the good fit: a fix the oracle must count bad, and shapesense drops."""
    from pathlib import Path

    from shapesense import Options, analyze
    from shapesense.keras.versions import KerasVersion

    from .run import apply_fix

    seed = (Path(__file__).resolve().parents[2] / "examples" / "seed_lstm.py").read_text()
    seed = seed.replace("import tensorflow as tf", "import keras").replace("tf.keras.", "keras.")
    before = keras_worker.run(seed, whole=True)["raised_statements"]
    assert [r[0] for r in before] == [7]  # the second fit, counting statements after imports
    version = KerasVersion(keras_worker.keras)  # type: ignore[attr-defined]
    line_only = analyze(seed, Options(version, whole_program_fixes=False))
    (error,) = [f for f in line_only.findings if f.severity == "error"]
    (model_fix,) = [f for f in error.fixes if "model's input" in f.title]
    after = keras_worker.run(apply_fix(seed, model_fix), whole=True)["raised_statements"]
    assert 5 in [r[0] for r in after]  # now the first fit raises
    (checked,) = [f for f in analyze(seed, Options(version)).findings if f.severity == "error"]
    assert checked.fixes == ()


@pytest.mark.parametrize(
    "name",
    [
        "tf_data_list_of_features_and_labels_cannot_be_stacked",
        "sklearn_scaler_on_a_1d_target",
        "sparse_one_hot_labels_in_fit",
        "list_of_images_counts_each_image_as_an_input",
        "labels_as_lists_of_numpy_floats_with_a_list_of_images",
    ],
)
def test_library_error_fixes_make_the_program_run(keras_worker: Worker, name: str) -> None:
    """SS402's, SS205's, SS201's and SS206's quick fixes (a tuple for tf.data, one feature for
    scikit-learn, an array of sparse labels, a list of images stacked, labels too): the whole
    fixed program runs, fit included."""
    from shapesense import Options, analyze
    from shapesense.keras.versions import KerasVersion

    from .run import apply_fix

    (body,) = [case[1] for case in PROGRAM_CASES if case[0] == name]
    source = PROGRAM_HEAD + body
    if "model" not in body:  # the pipeline feeds a model, as in the corpus program
        source += (
            "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(3, activation='softmax')])\n"
            "model.compile('adam', 'sparse_categorical_crossentropy')\nmodel.fit(ds, verbose=0)\n"
        )
    assert keras_worker.run(source)["raised"]
    version = KerasVersion(keras_worker.keras)  # type: ignore[attr-defined]
    (error,) = [f for f in analyze(source, Options(version)).findings if f.severity == "error"]
    assert error.code in ("SS402", "SS205", "SS201", "SS206") and len(error.fixes) == 1
    assert not keras_worker.run(apply_fix(source, error.fixes[0]))["raised"], error.fixes[0].title
