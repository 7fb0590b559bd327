"""keras.applications backbones: built from the table measured on real Keras
(server/shapesense/keras/applications.json; tests/oracle/test_applications.py re-checks a sample),
the constructor's refusals in Keras's words, and a backbone used as users use it."""

from __future__ import annotations

import pytest

from tests.helpers import errors, run

VERSIONS = pytest.mark.parametrize("keras", [3, 2])


@VERSIONS
@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'VGG16(weights="imagenet", include_top=False, input_shape=(224, 224, 1))',
            "The input must have 3 channels; Received `input_shape=(224, 224, 1)`",
        ),
        (
            "VGG16(include_top=True, input_shape=(150, 150, 3))",
            "When setting `include_top=True` and loading `imagenet` weights, `input_shape` "
            "should be (224, 224, 3).  Received: input_shape=(150, 150, 3)",
        ),
        (
            "VGG16(weights=None, include_top=False, input_shape=(16, 16, 3))",
            "Input size must be at least 32x32; Received: input_shape=(16, 16, 3)",
        ),
        (
            "VGG16(weights=None, input_shape=(None, None, 3))",
            "If `include_top` is True, you should specify a static `input_shape`. "
            "Received: input_shape=(None, None, 3)",
        ),
        ('VGG16(weights="imagenet", classes=10)', "`classes` should be 1000."),
    ],
)
def test_the_constructor_refuses_as_keras_does(keras: int, call: str, message: str) -> None:
    found = errors(f"import tensorflow as tf\nbase = tf.keras.applications.{call}\n", keras)
    assert len(found) == 1 and message in found[0].keras_message, found
    assert found[0].span.line == 1


@pytest.mark.parametrize(
    ("keras", "name", "message"),
    [  # real Keras 3.15 and tf_keras 2.21: each backbone words it its own way (the table's
        # classes_error, recorded by python -m tests.oracle.applications_table --rules)
        (
            3,
            "VGG16",
            "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  "
            "Received classes=10",
        ),
        (
            2,
            "VGG16",
            'If using `weights` as `"imagenet"` with `include_top` as true, `classes` should be '
            "1000.  Received `classes=10`",
        ),
        (
            3,
            "EfficientNetB0",
            'If using `weights="imagenet"` with `include_top` as true, `classes` should be 1000',
        ),
    ],
)
def test_classes_with_imagenet_weights_in_each_backbone_s_words(
    keras: int, name: str, message: str
) -> None:
    src = f"import keras\nbase = keras.applications.{name}(weights='imagenet', classes=10)\n"
    assert [f.keras_message for f in errors(src, keras)] == [message]


@VERSIONS
@pytest.mark.parametrize(
    "call",
    [
        'VGG16(weights="imagenet", include_top=False, input_shape=(32, 32, 3))',
        "VGG16(weights=None, include_top=True, input_shape=(64, 64, 1), classes=3)",
        "VGG16(weights=None, include_top=False)",
        "VGG16()",
    ],
)
def test_what_keras_accepts_is_not_an_error(keras: int, call: str) -> None:
    assert errors(f"import keras\nbase = keras.applications.{call}\n", keras) == []


IMPORT_STYLES = [
    "import tensorflow as tf\nVGG = tf.keras.applications.VGG16\n",
    "from tensorflow.keras.applications import VGG16 as VGG\n",
    "from tensorflow.keras.applications.vgg16 import VGG16 as VGG\n",
    "import keras\nVGG = keras.applications.vgg16.VGG16\n",
    "from keras.applications import vgg16\nVGG = vgg16.VGG16\n",
]


@pytest.mark.parametrize("imports", IMPORT_STYLES)
def test_every_import_style_is_the_backbone(imports: str) -> None:
    src = imports + "base = VGG(include_top=False, weights=None, input_shape=(64, 64, 3))\n"
    rows = run(src).models[-1].rows
    assert rows[-1][1:] == ("VGG16", "(None, 2, 2, 512)", "14714688")


@VERSIONS
def test_the_classifier_and_pooling_as_keras_counts_them(keras: int) -> None:
    src = (
        "import keras\nA = keras.applications\n"
        "top = A.VGG16(weights=None)\n"
        "ten = A.VGG16(weights=None, classes=10)\n"
        "pooled = A.VGG16(weights=None, include_top=False, pooling='avg')\n"
        "bare = A.VGG16(weights=None, include_top=False)\n"
    )
    models = [m.rows[-1][2:] for m in run(src, keras).models]
    # Figures from real Keras 2 and 3: count_params() of the same calls.
    assert models == [
        ("(None, 1000)", "138357544"),
        ("(None, 10)", "134301514"),
        ("(None, 512)", "14714688"),
        ("(None, None, None, 512)", "14714688"),
    ]


SEQUENTIAL = """import numpy as np
from tensorflow import keras
from tensorflow.keras.applications import VGG16
base = VGG16(weights="imagenet", include_top=False, input_shape=(32, 32, 3))
base.trainable = False
model = keras.Sequential([base, keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(np.zeros((8, 32, 32, 3)), np.zeros((8, 10)))
"""


@VERSIONS
def test_a_backbone_first_in_a_sequential_gives_its_input(keras: int) -> None:
    analysis = run(SEQUENTIAL, keras)
    assert [f for f in analysis.findings if f.severity == "error"] == []
    assert [r[2] for r in analysis.models[-1].rows] == [
        "(None, 1, 1, 512)",
        "(None, 512)",
        "(None, 10)",
    ]
    bigger = errors(
        SEQUENTIAL.replace("np.zeros((8, 32, 32, 3))", "np.zeros((8, 64, 64, 3))"), keras
    )
    assert [f.span.line for f in bigger] == [7]  # both versions raise at fit (probed)


FUNCTIONAL = """import numpy as np
import keras
base = keras.applications.VGG16(include_top=False, weights=None, input_shape=(96, 96, 3))
base.trainable = False
inputs = keras.Input(shape=(96, 96, 3))
x = keras.applications.vgg16.preprocess_input(inputs)
x = base(x, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, keras.layers.Dense(3)(x))
model.compile("adam", "categorical_crossentropy")
model.fit(np.zeros((4, 96, 96, 3)), np.zeros((4, 3)))
"""


@VERSIONS
def test_a_backbone_called_on_a_tensor(keras: int) -> None:
    analysis = run(FUNCTIONAL, keras)
    assert [f for f in analysis.findings if f.severity == "error"] == []
    # a backbone is a Functional model to Keras: its class in the summary (both versions)
    assert analysis.models[-1].rows[1][1:] == ("Functional", "(None, 3, 3, 512)", "14714688")
    assert [f.span.line for f in errors(FUNCTIONAL.replace("(4, 3)))", "(4, 5)))"), keras)] == [10]


BASE_OUTPUT = """import numpy as np
from tensorflow.keras.applications.vgg16 import VGG16
from tensorflow.keras.layers import GlobalAveragePooling2D, Dense
from tensorflow.keras.models import Model
base_model = VGG16(weights="imagenet", include_top=False, input_shape=(64, 64, 3))
x = GlobalAveragePooling2D()(base_model.output)
model = Model(inputs=base_model.input, outputs=Dense(2, activation="softmax")(x))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(np.random.rand(8, 64, 64, CHANNELS), np.zeros((8, 2)))
"""


@VERSIONS
def test_base_input_and_output_make_a_model(keras: int) -> None:
    assert errors(BASE_OUTPUT.replace("CHANNELS", "3"), keras) == []
    gray = errors(BASE_OUTPUT.replace("CHANNELS", "1"), keras)
    assert [f.span.line for f in gray] == [8], gray  # expected 3 channels, found 1


def test_an_argument_that_changes_the_network_keeps_it_unknown() -> None:
    src = (
        "import numpy as np\nimport keras\n"
        "base = keras.applications.VGG16(weights=None, include_top=False, input_shape=(64, 64, 3), **{})\n"
        "base.fit(np.zeros((4, 8)), np.zeros((4, 2)))\n"
    )
    assert errors(src) == []


def test_preprocess_input_keeps_the_array_shape() -> None:
    src = (
        "import numpy as np\nfrom keras.applications.resnet50 import preprocess_input\n"
        "x = preprocess_input(np.zeros((4, 64, 64, 3)))\n"
    )
    found = [s for s in run(src).symbols if s.name == "x"]
    assert found and "(4, 64, 64, 3)" in found[-1].description


@VERSIONS
def test_mobilenet_v2_takes_its_other_imagenet_sizes_with_the_top(keras: int) -> None:
    """MobileNetV2 sets its default size from a square input of 96, 128, 160, 192 or 224
    (measured: the table's default_size_by_input); any other size is refused."""
    src = "import keras\nbase = keras.applications.MobileNetV2(input_shape=({n}, {n}, 3))\n"
    assert errors(src.format(n=160), keras) == []
    refused = errors(src.format(n=150), keras)
    assert len(refused) == 1 and "should be (224, 224, 3)" in refused[0].keras_message


INPUT_TENSOR = """import numpy as np
import keras
L = keras.layers
inputs = keras.Input(shape=(None, None, 3))
x = L.Resizing(160, 160)(inputs)
x = L.RandomFlip("horizontal")(x)
base = keras.applications.ResNet50(include_top=False, weights="imagenet", input_tensor=x, POOLING)
base.trainable = False
model = keras.Model(base.input, L.Dense(5, activation="softmax")(base.output))
model.compile("adam", "categorical_crossentropy")
model.fit(np.zeros((4, 200, 200, 3)), np.zeros((4, LABELS)))
"""


@VERSIONS
def test_input_tensor_after_preprocessing_layers_starts_at_their_input(keras: int) -> None:
    """input_tensor= a layer's output: Keras builds the backbone on it and its model starts at
    the Input behind it (get_source_inputs), so data of any size goes through the Resizing."""
    src = INPUT_TENSOR.replace("POOLING", "pooling='max'")
    analysis = run(src.replace("LABELS", "5"), keras)
    assert [f for f in analysis.findings if f.severity == "error"] == []
    backbone = analysis.models[0].rows
    assert [r[1] for r in backbone] == ["Resizing", "RandomFlip", "ResNet50"]
    # count_params() of the same backbone in Keras 2 and 3
    assert backbone[-1][2:] == ("(None, 2048)", "23587712")
    assert [f.span.line for f in errors(src.replace("LABELS", "3"), keras)] == [10]
    spatial = run(src.replace("pooling='max'", "pooling=None").replace("LABELS", "5"), keras)
    assert spatial.models[0].rows[-1][2] == "(None, 5, 5, 2048)"


@VERSIONS
def test_input_tensor_keras_would_load_other_weights_for_is_unknown(keras: int) -> None:
    """Keras's checks read input_shape, not input_tensor: ImageNet weights on one channel, or a
    top on another size, fail later (loading the weights), so ShapeSense says nothing."""
    gray = INPUT_TENSOR.replace("shape=(None, None, 3)", "shape=(None, None, 1)")
    top = INPUT_TENSOR.replace("include_top=False", "include_top=True")
    for src in (gray, top):
        analysis = run(src.replace("POOLING", "pooling='avg'").replace("LABELS", "3"), keras)
        assert [f for f in analysis.findings if f.severity == "error"] == []
        assert "resnet50" not in [m.name for m in analysis.models]


@VERSIONS
def test_mobilenet_v3_checks_its_sizes_itself(keras: int) -> None:
    """MobileNetV3 does not call obtain_input_shape (Keras 2 and 3): any size of at least 32,
    with the top too, its own wording for the minimum and for classes with ImageNet weights."""
    src = (
        "import keras\nA = keras.applications\n"
        "a = A.MobileNetV3Large(weights=None, classes=10, input_shape=(96, 96, 3))\n"
        "b = A.MobileNetV3Small(input_shape=(31, 31, 3), include_top=False)\n"
        "c = A.MobileNetV3Small(classes=10)\n"
        "d = A.MobileNetV3Small(input_shape=(160, 160, 3), include_top=False, weights=None)\n"
    )
    analysis = run(src, keras)
    weights = '`weights="imagenet"`' if keras == 3 else '`weights` as `"imagenet"`'
    assert [(f.span.line, f.keras_message) for f in analysis.findings] == [
        (3, "Input size must be at least 32x32; Received `input_shape=(31, 31, 3)`"),
        (
            4,
            f"If using {weights} with `include_top` as true, `classes` should be 1000.  "
            "Received classes=10",
        ),
    ]
    # count_params() in Keras 2 and 3; the feature map of 160 pixels: 5 x 5 (Keras 2's rule
    # fitted by running the model: a TF op layer in it has no shape rule)
    assert [m.rows[-1][2:] for m in analysis.models] == [
        ("(None, 10)", "4239242"),
        ("(None, 5, 5, 576)", "939120"),
    ]


@VERSIONS
def test_nasnet_mobile_without_the_top_keeps_its_default_size(keras: int) -> None:
    """Measured: Keras 3's NASNetMobile(include_top=False) is built on (224, 224, 3), Keras 2's
    on (None, None, 3) (the table's bare_input)."""
    src = "import keras\nbase = keras.applications.NASNetMobile(weights=None, include_top=False)\n"
    rows = run(src, keras).models[-1].rows
    expected = "(None, 7, 7, 1056)" if keras == 3 else "(None, None, None, 1056)"
    assert rows[-1][2] == expected


@VERSIONS
@pytest.mark.parametrize(
    ("name", "at_300", "params"),
    [  # measured by python -m tests.oracle.applications_table (Keras 3.15 and tf_keras 2.21 agree)
        ("ConvNeXtSmall", "(None, 9, 9, 768)", "49454688"),
        ("ConvNeXtBase", "(None, 9, 9, 1024)", "87566464"),
        ("ConvNeXtLarge", "(None, 9, 9, 1536)", "196230336"),
        ("ConvNeXtXLarge", "(None, 9, 9, 2048)", "348147968"),
        ("EfficientNetB6", "(None, 10, 10, 2304)", "40960143"),
        ("EfficientNetB7", "(None, 10, 10, 2560)", "64097687"),
        ("EfficientNetV2M", "(None, 10, 10, 1280)", "53150388"),
        ("EfficientNetV2L", "(None, 10, 10, 1280)", "117746848"),
    ],
)
def test_the_biggest_backbones_measured_in_both_versions(
    keras: int, name: str, at_300: str, params: str
) -> None:
    src = f"import keras\nbase = keras.applications.{name}(weights=None, include_top=False, input_shape=(300, 300, 3))\n"
    assert run(src, keras).models[-1].rows[-1][2:] == (at_300, params)


# Keras 2's RegNet and ResNetRS (tf_keras.applications.regnet, .resnet_rs); Keras 3 has neither.
KERAS2_ONLY = """import numpy as np
import tensorflow as tf
from tensorflow.keras.applications.resnet_rs import ResNetRS50
a = tf.keras.applications.RegNetY008(include_top=False, input_shape=(224, 224, 3), weights=None)
b = tf.keras.applications.regnet.RegNetX002(weights=None, input_shape=(300, 300, 3), classes=7)
c = ResNetRS50(include_top=False, weights=None, input_shape=(224, 224, 3))
"""


def test_regnet_and_resnet_rs_in_keras_2() -> None:
    """Rows as real tf_keras 2.21 builds them: model.name, output_shape, count_params(); the
    top of global pooling and Dense at 300 pixels has the weights it has at 224."""
    rows = [m.rows[-1] for m in run(KERAS2_ONLY, 2).models]
    assert rows == [
        ("regnety008", "RegNetY008", "(None, 7, 7, 768)", "5524056"),
        ("regnetx002", "RegNetX002", "(None, 7)", "2339223"),
        ("resnet-rs-50", "ResNetRS50", "(None, 7, 7, 2048)", "33696288"),
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [  # real tf_keras 2.21's words
        (
            'RegNetY008(weights="imagenet", classes=10)',
            "If using `weights` as `'imagenet'` with `include_top` as true, "
            "`classes` should be 1000",
        ),
        (
            'ResNetRS50(weights="imagenet", classes=10)',
            "If using `weights` as `'imagenet'` or any of ['imagenet-i160'] with `include_top` "
            "as true, `classes` should be 1000. Received classes=10",
        ),
        (
            "RegNetY008(include_top=False, weights=None, input_shape=(16, 16, 3))",
            "Input size must be at least 32x32; Received: input_shape=(16, 16, 3)",
        ),
        (
            "ResNetRS50(weights=None, input_shape=(None, None, 3))",
            "If `include_top` is True, you should specify a static `input_shape`. "
            "Received: input_shape=(None, None, 3)",
        ),
    ],
)
def test_regnet_and_resnet_rs_refuse_as_keras_2_does(call: str, message: str) -> None:
    found = errors(f"import tensorflow as tf\nbase = tf.keras.applications.{call}\n", 2)
    assert [(f.span.line, f.keras_message) for f in found] == [(1, message)]


def test_resnet_rs_imagenet_weights_take_any_size() -> None:
    """ResNetRS gives obtain_input_shape weights="imagenet-i160" (its largest variant), so the
    ImageNet rule "the top at the default size" does not apply; its top is global pooling and
    Dense, the same weights at any size. VGG16's does apply."""
    src = "import tensorflow as tf\nbase = tf.keras.applications.NAME(input_shape=(300, 300, 3))\n"
    analysis = run(src.replace("NAME", "ResNetRS50"), 2)
    assert analysis.findings == [] and analysis.models[-1].rows[-1][2] == "(None, 1000)"
    assert [f.code for f in errors(src.replace("NAME", "VGG16"), 2)] == ["SS103"]


def test_regnet_arguments_as_its_constructor_takes_them() -> None:
    """RegNet takes `model_name`, not `name` (TypeError in tf_keras 2.21: silence, no code)."""
    src = "import tensorflow as tf\nA = tf.keras.applications\n"
    named = run(src + "b = A.RegNetY008(include_top=False, weights=None, model_name='bb')\n", 2)
    assert [m.rows[-1][0] for m in named.models] == ["bb"]
    typo = run(src + "b = A.RegNetY008(include_top=False, weights=None, name='bb')\n", 2)
    assert typo.models == [] and typo.findings == []


def test_keras_3_has_no_regnet() -> None:
    """keras.applications.RegNetY008 raises AttributeError in Keras 3.15 (`from ... import`:
    ImportError): nothing after it runs, so its model stays unknown and says why."""
    src = KERAS2_ONLY.replace("c = ", "c = None and ") + (
        "a.compile('adam', 'mse')\na.fit(np.zeros((2, 224, 224, 3)), np.zeros((2, 7, 7, 768)))\n"
    )
    analysis = run(src, 3)
    assert analysis.findings == [] and analysis.models == []
    (call,) = analysis.calls
    assert call.status == "unchecked"
    assert [r.code for r in call.reasons] == ["pretrained-model"]
    assert call.reasons[0].message == (
        "model `a` comes from `tf.keras.applications.RegNetY008(include_top=Fals…`: "
        "Keras 3 has no `RegNetY008` (AttributeError or ImportError)"
    )


@VERSIONS
def test_resnet_rs_preprocess_input_only_where_the_module_exists(keras: int) -> None:
    """tf_keras's resnet_rs.preprocess_input returns x; Keras 3 has no resnet_rs module."""
    src = (
        "import numpy as np\nimport tensorflow as tf\n"
        "x = tf.keras.applications.resnet_rs.preprocess_input(np.zeros((4, 64, 64, 3)))\n"
    )
    found = [s.description for s in run(src, keras).symbols if s.name == "x"]
    assert found == (["array(4, 64, 64, 3), float32"] if keras == 2 else [])


REGNET_SEQUENTIAL = SEQUENTIAL.replace("VGG16", "RegNetX002").replace(
    'weights="imagenet"', "weights=None"
)


def test_regnet_first_in_a_sequential_in_keras_2() -> None:
    """tf_keras 2.21 runs the 32-pixel one and raises at fit on 64 pixels: "expected
    shape=(None, 32, 32, 3), found shape=(None, 64, 64, 3)"."""
    analysis = run(REGNET_SEQUENTIAL, 2)
    assert analysis.findings == []
    assert [r[2:] for r in analysis.models[-1].rows] == [
        ("(None, 1, 1, 368)", "2336640"),
        ("(None, 368)", "0"),
        ("(None, 10)", "3690"),
    ]
    bigger = REGNET_SEQUENTIAL.replace("np.zeros((8, 32, 32, 3))", "np.zeros((8, 64, 64, 3))")
    assert [(f.span.line, f.code) for f in errors(bigger, 2)] == [(7, "SS102")]


@pytest.mark.parametrize(
    ("name", "at_300", "params"),
    [  # measured by python -m tests.oracle.applications_table --versions 2 (tf_keras 2.21)
        ("RegNetX320", "(None, 10, 10, 2520)", "105452576"),
        ("RegNetY320", "(None, 10, 10, 3712)", "141492058"),
        ("ResNetRS350", "(None, 10, 10, 2048)", "162219360"),
        ("ResNetRS420", "(None, 10, 10, 2048)", "190213216"),
    ],
)
def test_the_biggest_keras_2_only_backbones(name: str, at_300: str, params: str) -> None:
    src = f"import tensorflow as tf\nbase = tf.keras.applications.{name}(weights=None, include_top=False, input_shape=(300, 300, 3))\n"
    assert run(src, 2).models[-1].rows[-1][2:] == (at_300, params)


GRAY = """import numpy as np
from tensorflow import keras
base = keras.applications.NAME(include_top=False, weights="imagenet", input_shape=(96, 96, 3))
inputs = keras.Input(shape=(96, 96, CHANNELS))
x = base(inputs, training=False)
model = keras.Model(inputs, keras.layers.Dense(2)(keras.layers.GlobalAveragePooling2D()(x)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((4, 96, 96, CHANNELS)), np.zeros((4, 2)))
"""


@pytest.mark.parametrize(
    ("keras", "name", "gray_runs"),
    [
        # measured: built for (96, 96, 3), called on (96, 96, 1) and predicting (Keras 3.15:
        # every backbone; Keras 2.21: one of each family)
        (3, "EfficientNetB0", True),  # its Normalization broadcasts 1 channel to 3
        (3, "EfficientNetB7", True),
        (3, "EfficientNetV2B0", True),
        (3, "ConvNeXtTiny", True),
        (3, "EfficientNetV2S", False),  # a Rescaling alone: the stem convolution refuses
        (3, "MobileNetV3Small", False),
        (3, "ResNet50", False),
        (2, "EfficientNetB0", True),
        (2, "ConvNeXtTiny", True),
        (2, "ResNetRS50", True),
        (2, "RegNetX002", False),
        (2, "EfficientNetV2S", False),
        (2, "DenseNet121", False),
    ],
)
def test_backbones_whose_normalization_takes_gray_images(
    keras: int, name: str, gray_runs: bool
) -> None:
    source = GRAY.replace("NAME", name)
    assert errors(source.replace("CHANNELS", "3"), keras) == []
    gray = [(f.code, f.span.line + 1) for f in errors(source.replace("CHANNELS", "1"), keras)]
    # Keras 3 builds `base(inputs)` from the backbone's own spec (a trailing 1 squeezed) and
    # its stem refuses the data at fit; Keras 2 runs the layers at the call
    assert gray == ([] if gray_runs else [("SS102", 8 if keras == 3 else 5)])
    # 4 channels do not broadcast against 3 (measured on EfficientNetB0, both versions)
    four = [f.code for f in errors(source.replace("CHANNELS", "4"), keras)]
    assert four == ["SS102"]


GRAY_INPUT_TO_A_BACKBONE = """import numpy as np
import keras

base = keras.applications.ResNet50(include_top=False, weights=None, input_shape=(64, 64, 3))
inp = keras.Input((64, 64, 1))
x = base(inp)
x = keras.layers.GlobalAveragePooling2D()(x)
out = keras.layers.Dense(2)(x)
model = keras.Model(inp, out)
model.compile(loss="mse")
model.fit(np.zeros((4, 64, 64, 1)), np.zeros((4, 2)))
"""


@pytest.mark.parametrize(("keras", "line"), [(3, 10), (2, 5)])
def test_a_backbone_called_on_a_gray_input_fails_where_keras_does(keras: int, line: int) -> None:
    """Measured, Keras 3.15: `base(inp)` on a Keras tensor checks only the backbone's own
    InputSpec (a trailing 1 squeezed: it passes) and builds; the first convolution refuses the
    data at fit. tf_keras 2.21 runs the layers at the call and raises there."""
    (found,) = errors(GRAY_INPUT_TO_A_BACKBONE, keras)
    assert found.span.line == line
    assert "conv1_conv" in found.keras_message
