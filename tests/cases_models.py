"""Program cases for how real code builds models: subclassed models and layers, layers stacked
in loops, wildcard imports, losses as function objects, dict inputs and outputs, several outputs
with a loss each. Same form as `PROGRAM_CASES` (which
includes these): (name, body after PROGRAM_HEAD, Keras 3 raises, Keras 2 raises, code); the
oracle holds every row to real Keras."""

_NET = (
    "class Net(keras.Model):\n"
    "    def __init__(self, n_out=3):\n"
    "        super().__init__()\n"
    "        self.hidden = L.Dense(16, activation='relu')\n"
    "        self.out = L.Dense(n_out, activation='softmax')\n"
    "    def call(self, inputs, training=None):\n"
    "        return self.out(self.hidden(inputs))\n"
)

_BLOCK = (
    "class Block(L.Layer):\n"
    "    def __init__(self, units, **kwargs):\n"
    "        super().__init__(**kwargs)\n"
    "        self.dense = L.Dense(units, activation='relu')\n"
    "    def call(self, x):\n"
    "        return self.dense(x)\n"
)

MODEL_CASES: list[tuple[str, str, bool, bool, str | None]] = [
    (
        "subclassed_model_works",
        _NET + "model = Net()\nmodel.compile('adam', 'sparse_categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 5)), np.random.randint(0, 3, 8), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "subclassed_model_output_against_onehot_labels",
        _NET + "model = Net(3)\nmodel.compile('adam', 'categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 5)), np.zeros((8, 4)), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "subclassed_model_conv_in_call_fed_2d",
        "class Net(keras.Model):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.conv = L.Conv1D(4, 3)\n"
        "        self.flat = L.Flatten()\n"
        "        self.out = L.Dense(1)\n"
        "    def call(self, inputs, training=None):\n"
        "        x = self.conv(inputs)\n"
        "        return self.out(self.flat(x))\n"
        "model = Net()\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 10)), np.zeros(8), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "subclassed_model_predict_other_width_after_fit",
        _NET + "model = Net()\nmodel.compile('adam', 'sparse_categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 5)), np.random.randint(0, 3, 8), verbose=0)\n"
        "model.predict(np.zeros((4, 6)), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "subclassed_model_layers_in_a_list_member",
        "class Net(keras.Model):\n"
        "    def __init__(self, widths):\n"
        "        super().__init__()\n"
        "        self.blocks = []\n"
        "        for w in widths:\n"
        "            self.blocks.append(L.Dense(w))\n"
        "    def call(self, x):\n"
        "        for block in self.blocks:\n"
        "            x = block(x)\n"
        "        return x\n"
        "model = Net([8, 4])\nmodel.compile('adam', 'categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 5)), np.zeros((8, 3)), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        # The indexing in `call` is not followed: the model is unknown, never guessed (without
        # it, Conv1D on the 2-D data would be an error).
        "subclassed_model_unfollowed_op_in_call_is_silent",
        "class Net(keras.Model):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.conv = L.Conv1D(4, 3)\n"
        "        self.pool = L.GlobalMaxPooling1D()\n"
        "        self.out = L.Dense(1)\n"
        "    def call(self, inputs):\n"
        "        x = inputs[:, :, None]\n"
        "        return self.out(self.pool(self.conv(x)))\n"
        "model = Net()\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 10)), np.zeros(8), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "subclassed_model_own_train_step_is_silent",
        "class Net(keras.Model):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.out = L.Dense(3)\n"
        "    def call(self, inputs):\n"
        "        return self.out(inputs)\n"
        "    def train_step(self, data):\n"
        "        return {'loss': 0.0}\n"
        "model = Net()\nmodel.compile('adam', 'categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 5)), np.zeros((8, 4)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "custom_layer_in_functional_model_output_against_labels",
        _BLOCK + "inp = keras.Input(shape=(6,))\nout = Block(4)(L.Dense(8)(inp))\n"
        "model = keras.Model(inp, out)\nmodel.compile('adam', 'categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 6)), np.zeros((8, 3)), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "custom_layer_in_functional_model_works",
        _BLOCK + "inp = keras.Input(shape=(6,))\nout = Block(3)(L.Dense(8)(inp))\n"
        "model = keras.Model(inp, out)\nmodel.compile('adam', 'categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 6)), np.zeros((8, 3)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "custom_layer_lstm_on_2d_tensor",
        "class Encoder(L.Layer):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.lstm = L.LSTM(4)\n"
        "    def call(self, x):\n"
        "        return self.lstm(x)\n"
        "inp = keras.Input(shape=(6,))\nout = L.Dense(1)(Encoder()(inp))\n",
        True,
        True,
        "SS103",
    ),
    (
        "dense_stack_in_a_loop_over_widths",
        "inp = keras.Input(shape=(5,))\nx = inp\nfor units in [16, 8, 3]:\n    x = L.Dense(units)(x)\n"
        "model = keras.Model(inp, x)\nmodel.compile('adam', 'categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 5)), np.zeros((8, 4)), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "model_add_in_a_range_loop",
        "model = keras.Sequential([keras.Input(shape=(16, 16, 1))])\nfor i in range(5):\n"
        "    model.add(L.MaxPooling2D(2))\n",
        True,
        True,
        "SS104",
    ),
    (
        "model_add_in_a_range_loop_works",
        "model = keras.Sequential([keras.Input(shape=(16, 16, 1))])\nfor i in range(3):\n"
        "    model.add(L.Conv2D(4 * (i + 1), 3, padding='same'))\n    model.add(L.MaxPooling2D(2))\n"
        "model.add(L.Flatten())\nmodel.add(L.Dense(2, activation='softmax'))\n"
        "model.compile('adam', 'categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 16, 16, 1)), np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "models_built_by_a_function_in_a_loop_over_configurations",
        "def build_model(n_features, n_classes):\n"
        "    inp = keras.Input(shape=(n_features,))\n"
        "    return keras.Model(inp, L.Dense(n_classes, activation='softmax')(inp))\n"
        "for n in [4, 8]:\n    model = build_model(n, 3)\n"
        "    model.compile('adam', 'sparse_categorical_crossentropy')\n"
        "    model.fit(np.zeros((8, 8)), np.zeros(8), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "wildcard_import_of_layers",
        "from keras.layers import *\n"
        "model = keras.Sequential([Input(shape=(5,)), Dense(4), Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.zeros((8, 6)), np.zeros(8), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "loss_given_as_a_function_object",
        "model = keras.Sequential([keras.Input(shape=(5,)), L.Dense(3, activation='softmax')])\n"
        "model.compile('adam', loss=keras.losses.categorical_crossentropy)\n"
        "model.fit(np.zeros((8, 5)), np.random.randint(0, 3, 8), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
]

_DICT_IN = (
    "a = keras.Input(shape=(3,), name='in_a')\nb = keras.Input(shape=(2,), name='in_b')\n"
    "out = L.Dense(1)(L.Concatenate()([a, b]))\n"
    "model = keras.Model(inputs={'b': b, 'a': a}, outputs=out)\nmodel.compile('adam', 'mse')\n"
)

_TWO_OUT = (
    "inp = keras.Input(shape=(4,))\nh = L.Dense(8)(inp)\n"
    "cls = L.Dense(3, activation='softmax', name='cls')(h)\nreg = L.Dense(1, name='reg')(h)\n"
)

DICT_CASES: list[tuple[str, str, bool, bool, str | None]] = [
    (
        "dict_inputs_data_by_key_works",
        _DICT_IN
        + "model.fit({'a': np.zeros((8, 3)), 'b': np.zeros((8, 2)), 'c': np.zeros((8, 9))},"
        " np.zeros((8, 1)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "dict_inputs_wrong_width_by_key",
        _DICT_IN
        + "model.fit({'a': np.zeros((8, 4)), 'b': np.zeros((8, 2))}, np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        # the dict's keys name the inputs, not Input(name=...)
        "dict_inputs_data_keyed_by_input_names",
        _DICT_IN
        + "model.fit({'in_a': np.zeros((8, 3)), 'in_b': np.zeros((8, 2))}, np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS108",
    ),
    (
        "dict_outputs_loss_dict_labels_dict_works",
        _TWO_OUT + "model = keras.Model(inp, {'y1': cls, 'y2': reg})\n"
        "model.compile('adam', loss={'y1': 'categorical_crossentropy', 'y2': 'mse'})\n"
        "model.fit(np.zeros((8, 4)), {'y1': np.zeros((8, 3)), 'y2': np.zeros((8, 1))}, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "dict_outputs_one_labels_too_wide",
        _TWO_OUT + "model = keras.Model(inp, {'y1': cls, 'y2': reg})\n"
        "model.compile('adam', loss={'y1': 'categorical_crossentropy', 'y2': 'mse'})\n"
        "model.fit(np.zeros((8, 4)), {'y1': np.zeros((8, 4)), 'y2': np.zeros((8, 1))}, verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "list_outputs_loss_list_labels_swapped",
        _TWO_OUT + "model = keras.Model(inp, [cls, reg])\n"
        "model.compile('adam', loss=['categorical_crossentropy', 'mse'], loss_weights=[1.0, 0.5])\n"
        "model.fit(np.zeros((8, 4)), [np.zeros((8, 1)), np.zeros((8, 3))], verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "list_outputs_labels_dict_by_layer_name",
        _TWO_OUT + "model = keras.Model(inp, [cls, reg])\n"
        "model.compile('adam', loss={'cls': 'categorical_crossentropy', 'reg': 'mse'})\n"
        "model.fit(np.zeros((8, 4)), {'cls': np.zeros((8, 4)), 'reg': np.zeros((8, 1))}, verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "list_outputs_sparse_and_mse_works",
        _TWO_OUT + "model = keras.Model(inp, [cls, reg])\n"
        "model.compile('adam', loss=['sparse_categorical_crossentropy', keras.losses.mean_squared_error])\n"
        "model.fit(np.zeros((8, 4)), [np.zeros(8), np.zeros((8, 1))], verbose=0)\n",
        False,
        False,
        None,
    ),
]

MODEL_CASES += DICT_CASES
