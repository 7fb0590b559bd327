"""The names Keras gives models and layers, as measured on Keras 3.15 (`keras`) and tf_keras
2.21: (label, body after PROGRAM_HEAD, {variable: expected} for Keras 3, the same for Keras 2).
An expected value is `model name: name of each of model.layers` (a Sequential's InputLayer is
not among them, a functional model's are), or the model's name alone; None for Keras 3: it
raises (at a TensorFlow op on a Keras tensor). Keras counts its automatic names per session: `dense`, `dense_1`...; tests/test_names.py holds ShapeSense to these rows,
tests/oracle/test_names.py holds them to real Keras."""

from __future__ import annotations

NAME_CASES: list[tuple[str, str, dict[str, str] | None, dict[str, str]]] = [
    (
        # Keras 2 names a TFOpLambda layer after the function TensorFlow runs, whatever the source
        # called it (tf.reduce_mean, tm.reduce_mean: tf.math.reduce_mean, then _1); K.sqrt makes
        # two; x[...] is tf.__operators__.getitem. Keras 3 refuses a tf op on a Keras tensor
        # (None: the program raises)
        "tf_functions_on_keras_tensors",
        "import tensorflow as tf\n"
        "from tensorflow import math as tm\n"
        "K = keras.backend\n"
        "i = keras.Input((4,))\n"
        "j = keras.Input((4,))\n"
        "x = tf.concat([i, j], axis=-1)\n"
        "x = tf.reduce_mean(tf.reshape(x, (-1, 2, 4)), axis=1)\n"
        "y = tm.reduce_mean(tf.expand_dims(x, 1), axis=1)\n"
        "z = tf.nn.relu(y) + K.sqrt(x)\n"
        "z = tf.transpose(tf.expand_dims(z, 1), (0, 2, 1))[:, 0]\n"
        "m = keras.Model([i, j], z)\n",
        None,
        {
            "m": "model: input_1, input_2, tf.concat, tf.reshape, tf.math.reduce_mean, "
            "tf.expand_dims, tf.math.reduce_mean_1, tf.math.maximum, tf.nn.relu, tf.math.sqrt, "
            "tf.__operators__.add, tf.expand_dims_1, tf.compat.v1.transpose, "
            "tf.__operators__.getitem"
        },
    ),
    (
        # Keras 2 makes a TFOpLambda layer of each operator, named after the TensorFlow function;
        # Keras 3's ops are no layers
        "operators_on_keras_tensors",
        "i = keras.Input((4,))\nx = L.Dense(4)(i)\ny = x + x\nz = y * 2.0 - x\n"
        "m = keras.Model(i, L.Dense(1)(-z))\n",
        {"m": "functional: input_layer, dense, dense_1"},
        {
            "m": "model: input_1, dense, tf.__operators__.add, tf.math.multiply, "
            "tf.math.subtract, tf.math.negative, dense_1"
        },
    ),
    (
        "two_sequentials",
        "a = keras.Sequential([L.Dense(4, input_shape=(3,)), L.Dense(2)])\n"
        "b = keras.Sequential([keras.Input((3,)), L.Dense(4), L.Dense(2)])\n",
        {"a": "sequential: dense, dense_1", "b": "sequential_1: dense_2, dense_3"},
        {"a": "sequential: dense, dense_1", "b": "sequential_1: dense_2, dense_3"},
    ),
    (
        # Keras 3 makes each built Sequential a Functional model and an InputLayer of
        # input_shape=: both counted; Keras 2 names a functional model `model`, Inputs input_1...
        "functional_after_sequentials",
        "a = keras.Sequential([L.Dense(4, input_shape=(3,)), L.Dense(2)])\n"
        "b = keras.Sequential([keras.Input((3,)), L.Dense(2)])\n"
        "i = keras.Input((3,))\n"
        "c = keras.Model(i, L.Dense(2)(L.Dense(4)(i)))\n",
        {"c": "functional_2: input_layer_2, dense_4, dense_3"},
        {"c": "model: input_2, dense_4, dense_3"},
    ),
    (
        "names_given",
        "i = keras.Input((3,), name='x')\n"
        "c = keras.Model(i, L.Dense(2, name='out')(i), name='named')\n"
        "j = keras.Input((3,))\n"
        "d = keras.Model(j, L.Dense(2)(j))\n",
        {"c": "named: x, out", "d": "functional: input_layer, dense"},
        {"c": "named: x, out", "d": "model: input_1, dense"},
    ),
    (
        # Keras 3 rebuilds a Sequential at each add once its input is known
        "sequential_add_rebuilds",
        "a = keras.Sequential([keras.Input((3,)), L.Dense(2)])\n"
        "a.add(L.Dense(2))\n"
        "a.add(L.Dense(2))\n"
        "b = keras.Sequential()\n"
        "b.add(L.Dense(2, input_shape=(3,)))\n"
        "b.add(L.Dense(2))\n"
        "i = keras.Input((3,))\n"
        "c = keras.Model(i, L.Dense(1)(i))\n",
        {"b": "sequential_1: dense_3, dense_4", "c": "functional_5: input_layer_2, dense_5"},
        {"b": "sequential_1: dense_3, dense_4", "c": "model: input_2, dense_5"},
    ),
    (
        "build_then_functional",
        "a = keras.Sequential([L.Dense(2)])\n"
        "a.build((None, 3))\n"
        "i = keras.Input((3,))\n"
        "c = keras.Model(i, L.Dense(1)(i))\n",
        {"a": "sequential: dense", "c": "functional_1: input_layer_1, dense_1"},
        {"a": "sequential: dense", "c": "model: input_1, dense_1"},
    ),
    (
        "built_by_fit",
        "a = keras.Sequential([L.Dense(2)])\n"
        "a.compile('adam', 'mse')\n"
        "a.fit(np.zeros((4, 3)), np.zeros((4, 2)), verbose=0)\n"
        "i = keras.Input((3,))\n"
        "c = keras.Model(i, L.Dense(1)(i))\n",
        {"c": "functional_1: input_layer_1, dense_1"},
        {"c": "model: input_1, dense_1"},
    ),
    (
        "clear_session",
        "a = keras.Sequential([keras.Input((3,)), L.Dense(2)])\n"
        "i = keras.Input((3,))\n"
        "b = keras.Model(i, L.Dense(1)(i))\n"
        "keras.backend.clear_session()\n"
        "c = keras.Sequential([keras.Input((3,)), L.Dense(2)])\n"
        "j = keras.Input((3,))\n"
        "d = keras.Model(j, L.Dense(1)(j))\n",
        {"c": "sequential: dense", "d": "functional_1: input_layer_1, dense_1"},
        {"c": "sequential: dense", "d": "model: input_2, dense_1"},
    ),
    (
        "merge_inputs",
        "i = keras.Input((3,))\n"
        "j = keras.Input((3,))\n"
        "c = keras.Model([i, j], L.concatenate([i, j]))\n",
        {"c": "functional: input_layer, input_layer_1, concatenate"},
        {"c": "model: input_1, input_2, concatenate"},
    ),
    (
        "subclassed_models",
        "class MyNet(keras.Model):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.d = L.Dense(2)\n"
        "    def call(self, x):\n"
        "        return self.d(x)\n"
        "a = MyNet()\n"
        "b = MyNet()\n",
        {"a": "my_net", "b": "my_net_1"},
        {"a": "my_net", "b": "my_net_1"},
    ),
    (
        # MobileNet and MobileNetV2 name themselves by alpha and the input's rows
        "backbones",
        "a = keras.applications.MobileNetV2(weights=None, include_top=False, input_shape=(160, 160, 3))\n"
        "b = keras.applications.MobileNet(weights=None, include_top=False, input_shape=(100, 100, 3))\n"
        "c = keras.applications.ResNet50(weights=None)\n"
        "i = keras.Input((3,))\n"
        "d = keras.Model(i, L.Dense(1)(i))\n",
        {
            "a": "mobilenetv2_1.00_160",
            "b": "mobilenet_1.00_100",
            "c": "resnet50",
            "d": "functional: input_layer_3, dense",
        },
        {
            "a": "mobilenetv2_1.00_160",
            "b": "mobilenet_1.00_100",
            "c": "resnet50",
            "d": "model: input_4, dense",
        },
    ),
    (
        # the automatic names a backbone's layers take (keras/application_names.json)
        "after_a_backbone",
        "base = keras.applications.EfficientNetB0(weights=None)\n"
        "a = keras.Sequential([keras.Input((4,)), L.Rescaling(1.0), L.Normalization()])\n",
        {"base": "efficientnetb0", "a": "sequential: rescaling_1, normalization_1"},
        {"base": "efficientnetb0", "a": "sequential: rescaling_1, normalization_1"},
    ),
    (
        "backbone_in_a_sequential",
        "base = keras.applications.MobileNetV2(weights=None, include_top=False, input_shape=(96, 96, 3))\n"
        "a = keras.Sequential([base, L.GlobalAveragePooling2D(), L.Dense(10)])\n"
        "a.add(L.Dense(3))\n"
        "i = keras.Input((3,))\n"
        "d = keras.Model(i, L.Dense(1)(i))\n",
        {
            "a": "sequential: mobilenetv2_1.00_96, global_average_pooling2d, dense, dense_1",
            "d": "functional_2: input_layer_2, dense_2",
        },
        {
            "a": "sequential: mobilenetv2_1.00_96, global_average_pooling2d, dense, dense_1",
            "d": "model: input_2, dense_2",
        },
    ),
]

# The layer Keras's error names when a model used as a layer refuses its input: (label, body
# after PROGRAM_HEAD, words of the Keras 3 message, of the Keras 2 one; None: that row does not
# hold the version). Keras 3 checks a functional model's own input first and names it; Keras 2
# names the first of its layers that refuses. A backbone refuses other channels than 3 in its
# stem convolution (keras/application_stems.json), after the padding before it. At fit the
# batch axis is the batch's size: only the words around it are held. Measured with Keras 3.15
# and tf_keras 2.21; tests/test_names.py holds ShapeSense's Keras line to these rows,
# tests/oracle/test_names.py real Keras.
_DECODER = (
    "latent = keras.Input(shape=(32,))\n"
    "d = keras.Model(latent, L.Dense(8)(L.Dense(4)(latent)), name='decoder')\n"
)
_RESNET = (
    "base = keras.applications.ResNet50(weights=None, include_top=False, input_shape=(64, 64, 3))\n"
)
_GRAY_FIT = "m.compile(loss='mse')\nm.fit(np.zeros((8, 64, 64, 1)), np.zeros((8, 2)), batch_size=4, verbose=0)\n"
_STEM = " is incompatible with the layer: expected axis -1 of input shape to have value 3, but received input with shape ("
_CONV1_K3 = "Input 0 with name 'None' of layer 'conv1_conv'" + _STEM
_CONV1_K2 = 'Input 0 of layer "conv1_conv"' + _STEM
REFUSED_BY_ROWS: list[tuple[str, str, tuple[str, ...] | None, tuple[str, ...] | None]] = [
    (
        "functional_model_called_on_a_tensor",
        _DECODER + "inp = keras.Input(shape=(16,))\nout = d(inp)\n",
        (
            "Input 0 with name 'input_layer' of layer 'decoder' is incompatible with the layer: "
            "expected shape=(None, 32), found shape=(None, 16)",
        ),
        (
            'Input 0 of layer "dense_1" is incompatible with the layer: expected axis -1 of '
            "input shape to have value 32, but received input with shape (None, 16)",
        ),
    ),
    (
        "functional_model_in_a_sequential_at_fit",
        _DECODER
        + "m = keras.Sequential([d])\nm.compile(loss='mse')\n"
        + "m.fit(np.zeros((8, 16)), np.zeros((8, 8)), verbose=0)\n",
        (
            "Input 0 with name 'input_layer' of layer 'decoder' is incompatible with the layer: "
            "expected shape=(None, 32), found shape=(None, 16)",
        ),
        (
            'Input 0 of layer "sequential" is incompatible with the layer: '
            "expected shape=(None, 32), found shape=(None, 16)",
        ),
    ),
    (
        "backbone_called_on_two_channels",
        _RESNET + "out = base(keras.Input(shape=(64, 64, 2)))\n",
        (
            "Input 0 with name 'input_layer' of layer 'resnet50' is incompatible with the layer: "
            "expected shape=(None, 64, 64, 3), found shape=(None, 64, 64, 2)",
        ),
        (_CONV1_K2 + "None, 70, 70, 2)",),
    ),
    (
        "backbone_input_of_a_functional_model_gray_at_fit",
        _RESNET
        + "m = keras.Model(base.input, L.Dense(2)(L.GlobalAveragePooling2D()(base.output)))\n"
        + _GRAY_FIT,
        (_CONV1_K3, ", 70, 70, 1)"),
        (_CONV1_K2, ", 70, 70, 1)"),
    ),
    (
        "backbone_in_a_sequential_gray_at_fit",
        _RESNET
        + "m = keras.Sequential([base, L.GlobalAveragePooling2D(), L.Dense(2)])\n"
        + _GRAY_FIT,
        (_CONV1_K3, ", 70, 70, 1)"),
        (_CONV1_K2, ", 70, 70, 1)"),
    ),
    (
        # Keras 2: one sample passes the model's own check (its axes are compared as far as
        # both go); the first Dense refuses it. Keras 3's Sequential checks the rank itself
        "keras2_one_sample_meets_the_first_layer",
        "m = keras.Sequential([keras.Input(shape=(13,)), L.Dense(4), L.Dense(1)])\n"
        "m.predict(np.zeros(13), verbose=0)\n",
        ("Expected shape (None, 13), but input has incompatible shape (13,)",),
        (
            'Input 0 of layer "dense" is incompatible with the layer: expected min_ndim=2, '
            "found ndim=1. Full shape received: (None,)",
        ),
    ),
    (
        # Keras 3 builds it (its stem refuses 1 channel only once data runs)
        "backbone_called_on_gray",
        _RESNET + "out = base(keras.Input(shape=(64, 64, 1)))\n",
        None,
        (_CONV1_K2 + "None, 70, 70, 1)",),
    ),
]


def keras2_op_call(name: str) -> tuple[str, list[str]]:
    """The call on Keras tensors at which keras/op_layers.py's row for the function `name`
    (canonical) was measured: the statements after PROGRAM_HEAD making `m`, and its inputs'
    names (Keras 2's InputLayers) ahead of the op's layers in `m.layers`."""
    from shapesense.libraries.keras_op_functions import BINARY, REDUCTIONS, SAME_SHAPE

    module, _, op = name.rpartition(".")
    call = (
        ("tf" + module.removeprefix("tensorflow") if module.startswith("tensorflow") else module)
        + "."
        + op
    )
    base = op.removeprefix("reduce_")
    two = ["input_1", "input_2"]
    args = {"cast": "i, 'float16'", "clip": "i, 0.0, 1.0", "clip_by_value": "i, 0.0, 1.0"}
    if op.startswith("reduce_") or op in REDUCTIONS:
        dtype = ", dtype='bool'" if base in ("any", "all") else ""
        body, inputs = f"i = keras.Input((4,){dtype})\nout = {call}(i, axis=-1)\n", ["input_1"]
    elif op == "dropout":
        body, inputs = f"i = keras.Input((4,))\nout = {call}(i, 0.5)\n", ["input_1"]
    elif op in SAME_SHAPE:
        body, inputs = f"i = keras.Input((4,))\nout = {call}({args.get(op, 'i')})\n", ["input_1"]
    elif op in BINARY or op == "matmul":
        a, b = ("(3, 4)", "(4, 5)") if op == "matmul" else ("(4,)", "(4,)")
        body = f"i = keras.Input({a})\nj = keras.Input({b})\nout = {call}(i, j)\n"
        inputs = two
    elif op in ("concat", "concatenate", "stack"):
        axis = 1 if op == "stack" else -1
        body = f"i = keras.Input((4,))\nj = keras.Input((4,))\nout = {call}([i, j], {axis})\n"
        inputs = two
    else:
        shape, rest = {
            "reshape": ("(4,)", ", (-1, 2, 2)"),
            "expand_dims": ("(4,)", ", 1"),
            "squeeze": ("(1, 4)", ", 1"),
            "transpose": ("(3, 4)", ", (0, 2, 1)" if module == "tensorflow" else ""),
            "permute_dimensions": ("(3, 4)", ", (0, 2, 1)"),
            "tile": ("(4,)", ", (1, 2)"),
            "split": ("(4,)", ", 2, axis=-1"),
            "shape": ("(4,)", ""),
        }[op]
        body, inputs = f"i = keras.Input({shape})\nout = {call}(i{rest})\n", ["input_1"]
    inputs_text = "[i, j]" if inputs == two else "i"
    return (
        "import tensorflow as tf\n" + body + f"m = keras.Model({inputs_text}, out)\n",
        inputs,
    )


def keras2_op_failure(name: str) -> str | None:
    """A call of the function `name` (canonical) on Keras tensors that Keras 2 refuses (an
    expression, after PROGRAM_HEAD and `import tensorflow as tf`), for the ops whose shapes
    can be refused; else None."""
    from shapesense.libraries.keras_op_functions import BINARY

    module, _, op = name.rpartition(".")
    call = (
        ("tf" + module.removeprefix("tensorflow") if module.startswith("tensorflow") else module)
        + "."
        + op
    )
    calls = {
        "concat": "[keras.Input((4,)), keras.Input((3, 4))], -1",
        "concatenate": "[keras.Input((4,)), keras.Input((3, 4))], -1",
        "stack": "[keras.Input((4,)), keras.Input((3,))], 1",
        "matmul": "keras.Input((3, 4)), keras.Input((3, 4))",
        "reshape": "keras.Input(batch_shape=(2, 12)), (5, 5)",
        "squeeze": "keras.Input((4,)), 1",
    }
    given = "keras.Input((4,)), keras.Input((3,))" if op in BINARY else calls.get(op)
    return None if given is None else f"{call}({given})"


# A model applied as a layer is ONE row of the model it is in: its name, class (Sequential, or
# Functional: a backbone's too), output shape and parameters (tf_keras 2.21 and Keras 3.15,
# measured). (label, body after PROGRAM_HEAD, variable, {keras: rows}); rows leave out
# InputLayers: (name, class, output shape, params). tests/test_model_layers.py holds ShapeSense's
# summary to them, tests/oracle/test_names.py holds them to real Keras.
NESTED_MODEL_ROWS: list[tuple[str, str, str, dict[int, list[tuple[str, str, str, int]]]]] = [
    (
        "sequential_in_a_sequential",
        "inner = keras.Sequential([keras.Input((8,)), L.Dense(4), L.Dense(3)])\n"
        "outer = keras.Sequential([keras.Input((8,)), inner, L.Dense(2)])\n",
        "outer",
        {
            k: [("sequential", "Sequential", "(None, 3)", 51), ("dense_2", "Dense", "(None, 2)", 8)]
            for k in (3, 2)
        },
    ),
    (
        "functional_in_a_functional_and_a_sequential",
        "i = keras.Input((5,))\n"
        "f = keras.Model(i, L.Dense(8)(L.Dense(6)(i)))\n"
        "j = keras.Input((5,))\n"
        "g = keras.Model(j, L.Dense(1)(f(j)))\n"
        "s = keras.Sequential([keras.Input((5,)), f, L.Dense(2)])\n",
        "g",
        {
            3: [
                ("functional", "Functional", "(None, 8)", 92),
                ("dense_2", "Dense", "(None, 1)", 9),
            ],
            2: [("model", "Functional", "(None, 8)", 92), ("dense_2", "Dense", "(None, 1)", 9)],
        },
    ),
    (
        "backbone_in_a_sequential_one_row",
        "base = keras.applications.MobileNetV2(weights=None, include_top=False, input_shape=(96, 96, 3))\n"
        "a = keras.Sequential([base, L.GlobalAveragePooling2D(), L.Dense(10)])\n",
        "a",
        {
            k: [
                ("mobilenetv2_1.00_96", "Functional", "(None, 3, 3, 1280)", 2257984),
                ("global_average_pooling2d", "GlobalAveragePooling2D", "(None, 1280)", 0),
                ("dense", "Dense", "(None, 10)", 12810),
            ]
            for k in (3, 2)
        },
    ),
]
