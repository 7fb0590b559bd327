"""Real Keras re-checks a sample of the keras.applications table (keras/applications.json): what
ShapeSense says a backbone outputs and counts is what Keras builds, at sizes the table's spatial
rule computes rather than measured, and the constructor refuses where ShapeSense says it does."""

from __future__ import annotations

import pytest
from shapesense.libraries.keras_applications import table

from ..helpers import errors, run
from .run import Worker

pytestmark = pytest.mark.oracle

# (backbone, keyword arguments): small ones, at sizes the generator did not build
SAMPLE = [
    ("VGG16", "include_top=False, input_shape=(75, 75, 3)"),
    ("VGG16", "classes=10"),
    ("ResNet50", "include_top=False, input_shape=(150, 150, 3)"),
    ("ResNet50", "include_top=False, input_shape=(64, 64, 3), pooling='avg'"),
    ("MobileNetV2", "include_top=False, input_shape=(115, 115, 3)"),
    ("MobileNetV2", "include_top=False, input_shape=(96, 96, 3), pooling='max'"),
    ("MobileNetV2", "classes=7"),
    ("MobileNetV3Small", "include_top=False, input_shape=(160, 160, 3)"),
    ("MobileNetV3Large", "classes=10, input_shape=(96, 96, 3)"),
    ("DenseNet169", "include_top=False, input_shape=(64, 64, 3), pooling='avg'"),
    ("ResNet101V2", "include_top=False, input_shape=(75, 75, 3)"),
    ("EfficientNetB1", "include_top=False, input_shape=(90, 90, 3)"),
    ("NASNetMobile", "include_top=False"),
]


@pytest.mark.parametrize(("name", "arguments"), SAMPLE)
def test_the_table_builds_as_keras_does(keras_worker: Worker, name: str, arguments: str) -> None:
    if name not in table().get(str(keras_worker.keras), {}):  # type: ignore[attr-defined]
        pytest.fail(f"{name} is not in the table: python -m tests.oracle.applications_table")
    src = f"import keras\nmodel = keras.applications.{name}(weights=None, {arguments})\n"
    row = run(src, keras_worker.keras).models[-1].rows[-1]  # type: ignore[attr-defined]
    _, _, output, params = row
    assert output != "?" and params.isdigit(), row
    checked = src + f"assert model.count_params() == {params}, model.count_params()\n"
    result = keras_worker.run(checked)
    assert not result["raised"], result
    assert result["layer_shapes"][-1] == output


@pytest.mark.parametrize(
    "arguments",
    [
        "weights='imagenet', include_top=False, input_shape=(96, 96, 1)",
        "weights=None, include_top=False, input_shape=(31, 31, 3)",
        "weights='imagenet', input_shape=(150, 150, 3)",
        "weights='imagenet', classes=10",  # MobileNetV2's own words (the table's classes_error)
    ],
)
def test_the_constructor_refuses_where_keras_does(keras_worker: Worker, arguments: str) -> None:
    src = f"import keras\nmodel = keras.applications.MobileNetV2({arguments})\n"
    found = errors(src, keras_worker.keras)  # type: ignore[attr-defined]
    result = keras_worker.run(src)
    assert result["raised"] and len(found) == 1, (result, found)
    said, raised = (" ".join(m.split()) for m in (found[0].keras_message, result["message"]))
    assert said in raised  # the worker folds Keras's double spaces


# input_tensor= a layer's output: the backbone's model starts at the Input behind it, so its
# layers are the Input, the preprocessing layers and the backbone's own (names, not shapes, differ)
INPUT_TENSOR = """import keras
inputs = keras.Input(shape=(None, None, 3))
x = keras.layers.Resizing(SIZE, SIZE)(inputs)
x = keras.layers.RandomFlip("horizontal")(x)
model = keras.applications.NAME(weights=None, include_top=False, input_tensor=x, POOLING)
"""


@pytest.mark.parametrize(
    ("name", "size", "pooling"),
    [("MobileNetV2", 96, "pooling='avg'"), ("ResNet50", 75, "pooling=None")],
)
def test_input_tensor_after_preprocessing_builds_as_keras_does(
    keras_worker: Worker, name: str, size: int, pooling: str
) -> None:
    src = INPUT_TENSOR.replace("NAME", name).replace("SIZE", str(size))
    src = src.replace("POOLING", pooling)
    rows = run(src, keras_worker.keras).models[-1].rows  # type: ignore[attr-defined]
    assert [r[1] for r in rows][:2] == ["Resizing", "RandomFlip"]
    _, _, output, params = rows[-1]
    assert output != "?" and params.isdigit(), rows
    checked = src + f"assert model.count_params() == {params}, model.count_params()\n"
    result = keras_worker.run(checked)
    assert not result["raised"], result
    assert result["layer_shapes"][-1] == output
    assert result["layer_shapes"][1:3] == [r[2] for r in rows[:2]]


# Keras 2's own backbones (tf_keras.applications.regnet, .resnet_rs): Keras 3 has none of them
KERAS2_ONLY = [
    ("RegNetY008", "include_top=False, input_shape=(150, 150, 3)"),
    ("RegNetX016", "input_shape=(115, 115, 3), classes=5"),
    ("ResNetRS50", "include_top=False, input_shape=(75, 75, 3), pooling='max'"),
]


@pytest.mark.parametrize(("name", "arguments"), KERAS2_ONLY)
def test_keras_2_only_backbones_build_as_keras_does(
    keras_worker: Worker, name: str, arguments: str
) -> None:
    src = f"import tensorflow as tf\nmodel = tf.keras.applications.{name}(weights=None, {arguments})\n"
    analysis = run(src, keras_worker.keras)  # type: ignore[attr-defined]
    if keras_worker.keras == 3:  # type: ignore[attr-defined]
        result = keras_worker.run(src)  # AttributeError: no such backbone
        assert result["raised"] and result["type"] == "AttributeError", result
        assert analysis.models == [] and analysis.findings == []
        return
    _, _, output, params = analysis.models[-1].rows[-1]
    assert output != "?" and params.isdigit(), analysis.models
    checked = src + f"assert model.count_params() == {params}, model.count_params()\n"
    result = keras_worker.run(checked)
    assert not result["raised"], result
    assert result["layer_shapes"][-1] == output


def test_every_backbone_refuses_classes_in_its_own_words(keras_worker: Worker) -> None:
    """`classes` other than 1000 with ImageNet weights and the top: Keras raises before building
    anything, each backbone in its own words (the table's classes_error, from --rules)."""
    version = keras_worker.keras  # type: ignore[attr-defined]
    rows = table()[str(version)].items()  # measured ones (not measured: unknown, silence)
    names = [n for n, row in rows if row.get("classes_error") and "channels" in row]
    assert len(names) >= 38, names
    head = "import tensorflow as tf\n" if version == 2 else "import keras\n"
    module = "tf.keras" if version == 2 else "keras"
    differ = []
    for name in names:
        src = head + f"model = {module}.applications.{name}(weights='imagenet', classes=7)\n"
        found = errors(src, version)
        result = keras_worker.run(src)
        said = [" ".join(f.keras_message.split()) for f in found]
        if not (result["raised"] and said == [" ".join(result["message"].split())]):
            differ.append((name, said, result.get("message")))
    assert differ == []
