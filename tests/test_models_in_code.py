"""Models the way real code writes them: the Python the interpreter follows to get there
(classes and their members, loops with known items) and where it must stay silent.
Keras's side of each construct is in tests/cases_models.py (held to real Keras by the oracle)."""

from __future__ import annotations

from pathlib import Path

from .helpers import errors, run
from .test_cli import check

HEAD = "import numpy as np\nimport keras\nL = keras.layers\n"

NET = HEAD + (
    "class Net(keras.Model):\n"
    "    def __init__(self):\n"
    "        super().__init__()\n"
    "        self.hidden = L.Dense(16)\n"
    "        self.out = L.Dense(3, activation='softmax')\n"
    "    def call(self, x):\n"
    "        return self.out(self.hidden(x))\n"
)
BAD_FIT = "model.compile('adam', 'categorical_crossentropy')\nmodel.fit(np.zeros((8, 5)), np.zeros((8, 4)))\n"


def test_subclassed_model_is_run_on_the_data_of_fit() -> None:
    found = errors(NET + "model = Net()\n" + BAD_FIT)
    assert [f.code for f in found] == ["SS202"]
    assert "model 'net' outputs (None, 3)" in found[0].message
    assert found[0].span.line == NET.count("\n") + 2  # the labels of the fit call


def test_model_held_in_an_attribute_of_a_plain_class() -> None:
    src = NET + (
        "class Agent:\n"
        "    def __init__(self):\n"
        "        self.model = Net()\n"
        "        self.model.compile('adam', 'categorical_crossentropy')\n"
        "    def train(self, x, y):\n"
        "        self.model.fit(x, y)\n"
        "agent = Agent()\nagent.train(np.zeros((8, 5)), np.zeros((8, 4)))\n"
    )
    assert [f.code for f in errors(src)] == ["SS202"]


def test_a_member_set_on_one_path_only_is_unknown() -> None:
    src = HEAD + (
        "import sys\n"
        "class Net(keras.Model):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.out = L.Dense(3)\n"
        "        if len(sys.argv) > 1:\n"
        "            self.out = L.Dense(4)\n"
        "    def call(self, x):\n"
        "        return self.out(x)\n"
        "model = Net()\n" + BAD_FIT
    )
    assert errors(src) == []


def test_a_list_member_changed_through_another_name_is_unknown() -> None:
    src = HEAD + (
        "class Net(keras.Model):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        blocks = [L.Dense(3)]\n"
        "        self.blocks = blocks\n"
        "        blocks.append(L.Dense(4))\n"
        "    def call(self, x):\n"
        "        for block in self.blocks:\n"
        "            x = block(x)\n"
        "        return x\n"
        "model = Net()\n" + BAD_FIT
    )
    assert errors(src) == []


def test_layers_made_in_a_comprehension_are_not_one_shared_layer() -> None:
    # Three Dense(8) layers, each built on its own input: no "built for 5, receives 8".
    src = HEAD + (
        "inp = keras.Input(shape=(5,))\nx = inp\nstack = [L.Dense(8) for _ in range(3)]\n"
        "for layer in stack:\n    x = layer(x)\n"
        "model = keras.Model(inp, x)\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 5)), np.zeros((8, 8)))\n"
    )
    assert errors(src) == []


def test_a_long_or_jumping_loop_is_joined_not_unrolled() -> None:
    too_long = HEAD + (
        "model = keras.Sequential([keras.Input(shape=(16, 16, 1))])\n"
        "for i in range(40):\n    model.add(L.MaxPooling2D(2))\n"
    )
    assert errors(too_long) == []  # 40 iterations: over the cap, the model is unknown
    with_break = HEAD + (
        "model = keras.Sequential([keras.Input(shape=(16, 16, 1))])\n"
        "for i in range(6):\n    if i == 3:\n        break\n    model.add(L.MaxPooling2D(2))\n"
    )
    assert errors(with_break) == []
    unrolled = too_long.replace("range(40)", "range(5)")
    assert [f.code for f in errors(unrolled)] == ["SS104"]


def test_an_error_in_an_unrolled_loop_ends_it_as_python_does() -> None:
    src = HEAD + (
        "X = np.zeros((8, 8))\nfor n in [4, 6]:\n"
        "    model = keras.Sequential([keras.Input(shape=(n,)), L.Dense(1)])\n"
        "    model.compile('adam', 'mse')\n"
        "    model.fit(X, np.zeros(8))\n"
        "    model.evaluate(X, np.zeros(8))\n"
    )
    found = errors(src)
    assert len(found) == 1 and "(None, 4)" in found[0].message


def test_hover_shows_the_tensor_a_subclassed_call_builds() -> None:
    analysis = run(NET + "model = Net()\n" + BAD_FIT)
    fit = [c for c in analysis.calls if c.name == "net.fit"]
    assert fit and any("model output (None, 3)" in line for line in fit[0].trace)


def test_cli_reports_a_subclassed_model(tmp_path: Path) -> None:
    program = tmp_path / "net.py"
    program.write_text(NET + "model = Net()\n" + BAD_FIT)
    proc = check(str(program))
    assert proc.returncode == 1
    assert "SS202" in proc.stdout and "model 'net' outputs (None, 3)" in proc.stdout


def test_a_test_on_constants_takes_one_path() -> None:
    # Player(model=None): `if not model:` runs for sure, so self.model is known.
    src = NET + (
        "class Player:\n"
        "    def __init__(self, model=None):\n"
        "        if not model:\n"
        "            self.model = Net()\n"
        "            self.model.compile('adam', 'categorical_crossentropy')\n"
        "        if model is not None:\n"
        "            self.model = model\n"
        "player = Player()\nplayer.model.fit(np.zeros((8, 5)), np.zeros((8, 4)))\n"
    )
    assert [f.code for f in errors(src)] == ["SS202"]
    unknown = src.replace("player = Player()", "import sys\nplayer = Player(sys.argv)")
    assert errors(unknown) == []


TWO_OUT = HEAD + (
    "inp = keras.Input(shape=(4,))\nh = L.Dense(8)(inp)\n"
    "cls = L.Dense(3, activation='softmax', name='cls')(h)\nreg = L.Dense(1, name='reg')(h)\n"
)
DICT_OUT = TWO_OUT + (
    "model = keras.Model(inp, {'y1': cls, 'y2': reg})\n"
    "model.compile('adam', loss={'y1': 'categorical_crossentropy', 'y2': 'mse'})\n"
)


def test_labels_of_each_output_are_checked_with_its_own_loss() -> None:
    src = DICT_OUT + (
        "labels = {'y2': np.zeros((8, 1)), 'y1': np.zeros((8, 4))}\n"
        "model.fit(np.zeros((8, 4)), labels)\n"
    )
    (found,) = errors(src)
    assert found.code == "SS202"
    assert found.message.startswith(
        "Loss 'categorical_crossentropy' of output 'y1' of model 'functional' expects labels"
        " of the same shape (None, 3), but receives (8, 4) from labels['y1']"
    )
    assert found.fixes == ()  # a fix re-checks one output: none is offered for several


def test_a_call_with_every_output_labelled_is_fully_checked() -> None:
    src = (
        DICT_OUT + "model.fit(np.zeros((8, 4)), {'y1': np.zeros((8, 3)), 'y2': np.zeros((8, 1))})\n"
    )
    (call,) = run(src).calls
    assert call.status == "checked"
    assert "y `np.zeros((8, 3))`: (8, 3) → output 'y1' (None, 3)" in call.trace


def test_outputs_whose_labels_cannot_be_placed_stay_partly_checked() -> None:
    # a key naming no output (Keras 2 and 3 raise differently), an output with an automatic
    # name, labels of another structure: never guessed
    unknown_key = DICT_OUT + (
        "model.fit(np.zeros((8, 4)), {'y1': np.zeros((8, 3)), 'value': np.zeros((8, 7))})\n"
    )
    automatic = HEAD + (
        "inp = keras.Input(shape=(4,))\nmodel = keras.Model(inp, [L.Dense(3)(inp), L.Dense(1)(inp)])\n"
        "model.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 4)), {'dense': np.zeros((8, 5)), 'dense_1': np.zeros((8, 1))})\n"
    )
    one_array = TWO_OUT + (
        "model = keras.Model(inp, [cls, reg])\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 4)), np.zeros((8, 3)))\n"
    )
    for src in (unknown_key, automatic, one_array):
        analysis = run(src)
        assert errors(src) == []
        assert [c.status for c in analysis.calls] == ["partial"]
        assert analysis.calls[0].reasons[0].code == "several-outputs"


def test_a_model_made_on_a_dict_of_inputs_takes_data_by_its_keys() -> None:
    src = HEAD + (
        "a = keras.Input(shape=(3,), name='in_a')\nb = keras.Input(shape=(2,), name='in_b')\n"
        "out = L.Dense(1)(L.Concatenate()([a, b]))\n"
        "model = keras.Model(inputs={'b': b, 'a': a}, outputs=out)\nmodel.compile('adam', 'mse')\n"
    )
    (typo,) = errors(
        src + "model.fit({'a': np.zeros((8, 3)), 'bb': np.zeros((8, 2))}, np.zeros(8))\n"
    )
    assert typo.code == "SS108"
    assert "Expected the following keys: ['a', 'b']" in typo.keras_message
    assert (
        errors(src + "model.fit({'a': np.zeros((8, 3)), 'b': np.zeros((8, 2))}, np.zeros(8))\n")
        == []
    )
    # a list on a dict of inputs: Keras 2 and 3 place it differently, so nothing is said
    assert errors(src + "model.predict([np.zeros((8, 2)), np.zeros((8, 3))])\n") == []
