"""Generated programs that build models the way real code writes them (issue 17): a subclassed
`keras.Model`, a custom `Layer` with `build`/`add_weight`, a `build_model(...)` function called
with known arguments, layers stacked in a `for` loop, a `Lambda` step, and dict inputs and
outputs with dict data. Each family is written working and broken (the perturbation says how);
real Keras 2 and 3 say which programs raise (tests/oracle/run.py). `python -m tests.oracle.run
--style code` runs only these.

TensorFlow ops (`tf.matmul`, `tf.reduce_mean`) stand for the backend ops in `call` and in
Lambda functions: they run in both Keras versions there (`keras.ops` does not exist in Keras 2).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .generator import Program, Writer

FAMILIES = ("subclass", "custom_layer", "builder", "loop", "lambda", "dicts")
CODE_PERTURBATIONS = (
    *("none", "none", "none", "none", "none", "wrong_last_dim", "class_count", "xy_count"),
    *("missing_axis", "extra_axis", "label_kind", "single_sample", "style_error"),
)


def code_style(rng: random.Random, w: Writer) -> Program:
    from .generator import Program

    family = rng.choice(FAMILIES)
    perturb = rng.choice(CODE_PERTURBATIONS)
    w.header()
    if "import tensorflow as tf" not in w.lines:
        w.lines.append("import tensorflow as tf")
    n = rng.choice([8, 16, 24])
    classes = rng.choice([2, 3, 5])
    style, perturb = WRITERS[family](rng, w, n, classes, perturb)
    return Program("\n".join(w.lines) + "\n", family, f"code/{style}", perturb, {"group": "code"})


def _array(n: int, sample: tuple[int, ...]) -> str:
    return f"np.random.rand({', '.join(map(str, (n, *sample)))})"


def _data(w: Writer, n: int, sample: tuple[int, ...], perturb: str) -> tuple[int, ...]:
    """X of the sample shape, perturbed as the program's perturbation says; its sample shape."""
    data = sample
    if perturb == "wrong_last_dim":
        data = (*sample[:-1], sample[-1] + 1)
    elif perturb == "missing_axis":
        data = sample[:-1]
    elif perturb == "extra_axis":
        data = (*sample, 2)
    w.lines.append(f"X = {_array(n, data)}")
    return data


def _labels(w: Writer, n: int, classes: int, perturb: str) -> str:
    """Labels for a softmax head (integers, or one-hot for class_count and label_kind); the
    loss that goes with them."""
    rows = n + 3 if perturb == "xy_count" else n
    if perturb in ("class_count", "label_kind"):
        count = classes + 1 if perturb == "class_count" else classes
        w.lines.append(
            f"y = {w.keras('utils.to_categorical')}"
            f"(np.random.randint(0, {classes}, size=({rows},)), {count})"
        )
        if perturb == "label_kind":
            return "'sparse_categorical_crossentropy'"
        return "'categorical_crossentropy'"
    w.lines.append(f"y = np.random.randint(0, {classes}, size=({rows},))")
    return "'sparse_categorical_crossentropy'"


def _fit(w: Writer, perturb: str, model: str = "model") -> None:
    w.lines.append(f"{model}.fit(X, y, epochs=1, verbose=0)")
    if perturb == "single_sample":
        w.lines.append(f"{model}.predict(X[0], verbose=0)")


def _subclass(rng: random.Random, w: Writer, n: int, classes: int, perturb: str) -> tuple[str, str]:
    """class Net(keras.Model): layers in __init__, call chains them. style_error: call feeds
    an LSTM the data without its time axis (Dense) or a Dense data of another width later."""
    kind = rng.choice(["dense", "dense", "rnn", "conv"])
    L = w.layer
    sample: tuple[int, ...]
    if kind == "dense":
        sample = (rng.choice([6, 10, 12]),)
        layers = [("hidden", L("Dense", rng.choice([16, 32]), activation="relu"))]
        if rng.random() < 0.5:
            layers.append(("drop", L("Dropout", 0.2)))
    elif kind == "rnn":
        sample = (rng.choice([5, 8]), rng.choice([2, 3]))
        layers = [("rnn", L(rng.choice(["LSTM", "GRU"]), 8))]
    else:
        sample = (rng.choice([8, 10]), rng.choice([8, 10]), rng.choice([1, 3]))
        layers = [("conv", L("Conv2D", 4, 3, activation="relu")), ("pool", L("MaxPooling2D", 2))]
        layers.append(("flat", L("Flatten")))
    data = _data(w, n, sample, "none" if perturb == "style_error" else perturb)
    loss = _labels(w, n, classes, perturb)
    w.lines += ["", "", f"class Net({w.keras('Model')}):", "    def __init__(self, n_classes):"]
    w.lines.append("        super().__init__()")
    w.lines += [f"        self.{name} = {layer}" for name, layer in layers]
    w.lines.append(
        f"        self.head = {L('Dense', 0).replace('(0)', '(n_classes')}, activation='softmax')"
    )
    w.lines += ["", "    def call(self, inputs, training=None):"]
    first = True
    for name, _ in layers:
        source = "inputs" if first else "x"
        extra = ", training=training" if name == "drop" else ""
        w.lines.append(f"        x = self.{name}({source}{extra})")
        first = False
    w.lines += ["        return self.head(x)", "", ""]
    w.lines.append(f"model = Net({classes})")
    w.lines.append(f"model.compile(optimizer='adam', loss={loss})")
    _fit(w, perturb)
    if perturb == "style_error":
        # data of another width (or rank) after the model was built on the first
        wider = (*data[:-1], data[-1] + 2) if kind != "rnn" else data[:-1]
        w.lines.append(f"model.predict({_array(4, wider)}, verbose=0)")
    return f"subclass-{kind}", perturb


LINEAR = """

class Linear({base}):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=({in_dim}, self.units), initializer="random_normal")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        return tf.nn.relu(tf.matmul(inputs, self.w) + self.b)

"""


def _custom_layer(
    rng: random.Random, w: Writer, n: int, classes: int, perturb: str
) -> tuple[str, str]:
    """A Layer subclass with build/add_weight in a Sequential or functional model. style_error:
    the weight's input axis is a number written in the code, not the input's."""
    features = rng.choice([4, 6, 10])
    data = _data(w, n, (features,), "none" if perturb == "style_error" else perturb)
    loss = _labels(w, n, classes, perturb)
    in_dim = str(features + 2) if perturb == "style_error" else "input_shape[-1]"
    w.lines += LINEAR.format(base=w.keras("layers.Layer"), in_dim=in_dim).split("\n")
    units = rng.choice([8, 16])
    head = w.layer("Dense", classes, activation="softmax")
    style = rng.choice(["sequential", "functional"])
    if style == "sequential":
        w.lines.append(f"model = {w.keras('Sequential')}([")
        w.lines.append(f"    {w.keras('Input')}(shape=({features},)),")
        w.lines += [f"    Linear({units}),", f"    {head},", "])"]
    else:
        w.lines.append(f"inp = {w.keras('Input')}(shape=({features},))")
        w.lines.append(f"h = Linear({units})(inp)")
        w.lines.append(f"model = {w.keras('Model')}(inp, {head}(h))")
    del data
    w.lines.append(f"model.compile(optimizer='adam', loss={loss})")
    _fit(w, perturb)
    return f"custom-layer-{style}", perturb


def _builder(rng: random.Random, w: Writer, n: int, classes: int, perturb: str) -> tuple[str, str]:
    """def build_model(input_shape, n_classes) called with known arguments (from the data's
    shape or written out). style_error: called with another number of features."""
    features = rng.choice([5, 8, 12])
    data = _data(w, n, (features,), "none" if perturb == "style_error" else perturb)
    loss = _labels(w, n, classes, perturb)
    L = w.layer
    kind = rng.choice(["functional", "sequential"])
    w.lines += ["", "", "def build_model(input_shape, n_classes):"]
    if kind == "functional":
        w.lines.append(f"    inputs = {w.keras('Input')}(shape=input_shape)")
        w.lines.append(f"    x = {L('Dense', rng.choice([16, 32]), activation='relu')}(inputs)")
        w.lines.append(
            f"    outputs = {L('Dense', 0).replace('(0)', '(n_classes')}, activation='softmax')(x)"
        )
        w.lines.append(f"    model = {w.keras('Model')}(inputs, outputs)")
    else:
        w.lines.append(f"    model = {w.keras('Sequential')}()")
        w.lines.append(f"    model.add({w.keras('Input')}(shape=input_shape))")
        w.lines.append(f"    model.add({L('Dense', rng.choice([16, 32]), activation='relu')})")
        w.lines.append(
            f"    model.add({L('Dense', 0).replace('(0)', '(n_classes')}, activation='softmax'))"
        )
    w.lines.append(f"    model.compile(optimizer='adam', loss={loss})")
    w.lines += ["    return model", "", ""]
    if perturb == "style_error":
        shape = f"({features + 1},)"
    else:
        shape = rng.choice([f"({features},)", "X.shape[1:]"]) if len(data) == 1 else "X.shape[1:]"
        shape = f"({features},)" if shape == "X.shape[1:]" and data != (features,) else shape
    w.lines.append(f"model = build_model({shape}, {classes})")
    _fit(w, perturb)
    return f"builder-{kind}", perturb


def _loop(rng: random.Random, w: Writer, n: int, classes: int, perturb: str) -> tuple[str, str]:
    """Layers stacked in a `for` loop over known items: Dense widths in a functional chain, or
    Conv2D/MaxPooling2D blocks added to a Sequential. style_error: more pooling blocks than the
    image has pixels for."""
    L = w.layer
    head = w.layer("Dense", classes, activation="softmax")
    if rng.random() < 0.5:
        features = rng.choice([6, 10])
        _data(w, n, (features,), "none" if perturb == "style_error" else perturb)
        loss = _labels(w, n, classes, perturb)
        widths = rng.choice([[32, 16], [64, 32, 16], [16]])
        w.lines.append(f"inputs = {w.keras('Input')}(shape=({features},))")
        w.lines.append("x = inputs")
        if rng.random() < 0.5:
            w.lines.append(f"for units in {widths!r}:")
            w.lines.append(
                f"    x = {L('Dense', 0).replace('(0)', '(units')}, activation='relu')(x)"
            )
        else:
            w.lines.append(f"for i in range({len(widths)}):")
            w.lines.append(f"    x = {L('Dense', widths[0], activation='relu')}(x)")
        if perturb == "style_error":
            w.lines.append(f"x = {L('MaxPooling1D', 2)}(x)")  # a Dense output has no steps axis
        w.lines.append(f"model = {w.keras('Model')}(inputs, {head}(x))")
        style = "loop-dense"
    else:
        side = rng.choice([8, 12, 16])
        channels = rng.choice([1, 3])
        _data(w, n, (side, side, channels), "none" if perturb == "style_error" else perturb)
        loss = _labels(w, n, classes, perturb)
        blocks = {8: 2, 12: 2, 16: 3}[side] + (2 if perturb == "style_error" else 0)
        filters = [4 * 2**i for i in range(blocks)]
        w.lines.append(f"model = {w.keras('Sequential')}()")
        w.lines.append(f"model.add({w.keras('Input')}(shape=({side}, {side}, {channels})))")
        w.lines.append(f"for filters in {filters!r}:")
        conv = L("Conv2D", 0, 3, padding="same", activation="relu").replace("(0,", "(filters,")
        w.lines.append(f"    model.add({conv})")
        w.lines.append(f"    model.add({L('MaxPooling2D', 2)})")
        w.lines.append(f"model.add({L('Flatten')})")
        w.lines.append(f"model.add({head})")
        style = "loop-conv-add"
    w.lines.append(f"model.compile(optimizer='adam', loss={loss})")
    _fit(w, perturb)
    return style, perturb


def _lambda(rng: random.Random, w: Writer, n: int, classes: int, perturb: str) -> tuple[str, str]:
    """A Lambda step between layers: a mean over time, a new channel axis, a scaling; and
    operators on Keras tensors. style_error: the mean over the wrong axis, so the Conv1D after
    it gets a rank it cannot take."""
    L = w.layer
    steps, features = rng.choice([6, 10]), rng.choice([3, 4, 8])
    _data(w, n, (steps, features), "none" if perturb == "style_error" else perturb)
    loss = _labels(w, n, classes, perturb)
    head = w.layer("Dense", classes, activation="softmax")
    kind = rng.choice(["mean", "expand", "scale"])
    w.lines.append(f"inputs = {w.keras('Input')}(shape=({steps}, {features}))")
    if kind == "mean":
        axis = 1
        w.lines.append(f"x = {L('Conv1D', 8, 3, padding='same', activation='relu')}(inputs)")
        w.lines.append(
            f"x = {w.keras('layers.Lambda')}(lambda t: tf.reduce_mean(t, axis={axis}))(x)"
        )
        if perturb == "style_error":
            w.lines.append(f"x = {L('Conv1D', 4, 2)}(x)")  # the time axis is gone
    elif kind == "expand":
        w.lines.append(f"x = {L('Flatten')}(inputs)")
        w.lines.append(f"x = {w.keras('layers.Lambda')}(lambda t: tf.expand_dims(t, -1))(x)")
        if perturb == "style_error":
            w.lines.append(f"x = {L('Conv2D', 4, 3)}(x)")  # rank 3 where Conv2D needs 4
        else:
            w.lines.append(f"x = {L('Conv1D', 4, 3, activation='relu')}(x)")
        w.lines.append(f"x = {L('GlobalMaxPooling1D')}(x)")
    else:
        w.lines.append(f"x = {w.keras('layers.Lambda')}(lambda t: t * 2.0 - 1.0)(inputs)")
        w.lines.append(f"x = {L('LSTM', 8)}(x)")
        w.lines.append("x = x + x")
        if perturb == "style_error":
            w.lines.append(f"x = {L('LSTM', 4)}(x)")  # the LSTM's output has no time axis
    w.lines.append(f"model = {w.keras('Model')}(inputs, {head}(x))")
    w.lines.append(f"model.compile(optimizer='adam', loss={loss})")
    _fit(w, perturb)
    return f"lambda-{kind}", perturb


def _dicts(rng: random.Random, w: Writer, n: int, classes: int, perturb: str) -> tuple[str, str]:
    """Two named inputs and two named outputs, data and labels as dicts keyed by those names,
    a loss per output. style_error: a data key that matches no input."""
    L = w.layer
    if perturb not in ("none", "wrong_last_dim", "xy_count", "class_count", "style_error"):
        perturb = "none"
    f1, f2 = rng.choice([4, 6]), rng.choice([3, 5])
    d1 = f1 + 1 if perturb == "wrong_last_dim" else f1
    rows = n + 3 if perturb == "xy_count" else n
    w.lines.append(f"x_num = {_array(n, (d1,))}")
    w.lines.append(f"x_cat = {_array(n, (f2,))}")
    k = classes + 1 if perturb == "class_count" else classes
    w.lines.append(
        f"y_class = {w.keras('utils.to_categorical')}"
        f"(np.random.randint(0, {classes}, size=({rows},)), {k})"
    )
    w.lines.append(f"y_score = np.random.rand({rows}, 1)")
    w.lines.append(f"num = {w.keras('Input')}(shape=({f1},), name='num')")
    w.lines.append(f"cat = {w.keras('Input')}(shape=({f2},), name='cat')")
    w.lines.append(
        f"h = {L('Concatenate')}([{L('Dense', 8, activation='relu')}(num), {L('Dense', 8)}(cat)])"
    )
    w.lines.append(f"label = {L('Dense', classes, activation='softmax', name='label')}(h)")
    w.lines.append(f"score = {L('Dense', 1, name='score')}(h)")
    as_dict = rng.random() < 0.5
    if as_dict:
        w.lines.append(
            f"model = {w.keras('Model')}(inputs={{'num': num, 'cat': cat}}, "
            "outputs={'label': label, 'score': score})"
        )
    else:
        w.lines.append(f"model = {w.keras('Model')}(inputs=[num, cat], outputs=[label, score])")
    w.lines.append(
        "model.compile(optimizer='adam', "
        "loss={'label': 'categorical_crossentropy', 'score': 'mse'}, "
        "loss_weights={'label': 1.0, 'score': 0.5})"
    )
    key = "cats" if perturb == "style_error" else "cat"
    w.lines.append(
        f"model.fit({{'num': x_num, '{key}': x_cat}}, "
        "{'label': y_class, 'score': y_score}, epochs=1, verbose=0)"
    )
    return "dicts-" + ("dict-model" if as_dict else "list-model"), perturb


WRITERS = {
    "subclass": _subclass,
    "custom_layer": _custom_layer,
    "builder": _builder,
    "loop": _loop,
    "lambda": _lambda,
    "dicts": _dicts,
}
