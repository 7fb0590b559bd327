"""A seeded generator of Keras programs in the styles people write, about half of them broken.

Each program is plain source text plus metadata (family, model style, perturbation). Sample
counts stay small (<= 32) so that real Keras trains one step per program.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .generator_models import code_style

IMPORT_STYLES = ("tf", "from_tf", "keras")
PERTURBATIONS = (
    "none",
    "none",
    "none",
    "none",
    "none",
    "missing_axis",
    "extra_axis",
    "wrong_last_dim",
    "flatten_images",
    "swap_axes",
    "class_count",
    "xy_count",
    "big_kernel",
    "label_kind",
    "single_sample",
    "binary_units",
    "validation",
)


@dataclass
class Program:
    source: str
    family: str
    style: str
    perturbation: str
    meta: dict[str, object] = field(default_factory=dict)


class Writer:
    def __init__(self, rng: random.Random, imports: str) -> None:
        self.rng = rng
        self.imports = imports
        self.lines: list[str] = []

    def layer(self, cls: str, *args: object, **kwargs: object) -> str:
        prefix = {"tf": "tf.keras.layers.", "from_tf": "layers.", "keras": "keras.layers."}[
            self.imports
        ]
        parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
        return f"{prefix}{cls}({', '.join(parts)})"

    def wrap(self, cls: str, inner: str) -> str:
        """A wrapper layer around another layer's source: Bidirectional(LSTM(...))."""
        return self.layer(cls, 0).replace("(0)", f"({inner})")

    def keras(self, name: str) -> str:
        return {"tf": "tf.keras.", "from_tf": "keras.", "keras": "keras."}[self.imports] + name

    def header(self) -> None:
        self.lines.append("import numpy as np")
        if self.imports == "tf":
            self.lines.append("import tensorflow as tf")
        elif self.imports == "from_tf":
            self.lines.append("from tensorflow import keras")
            self.lines.append("from tensorflow.keras import layers")
        else:
            self.lines.append("import keras")


def _data_route(rng: random.Random, w: Writer, n: int, sample: tuple[int, ...]) -> None:
    """Create X with the given sample shape through one of the numpy routes."""
    route = rng.choice(
        ["rand", "reshape", "expand", "newaxis", "zeros", "slice", "scale", "stack", "moveaxis"]
    )
    dims = ", ".join(map(str, (n, *sample)))
    if route == "reshape" and len(sample) >= 2:
        flat = 1
        for d in sample:
            flat *= d
        w.lines.append(f"X = np.random.rand({n}, {flat})")
        w.lines.append(f"X = X.reshape(-1, {', '.join(map(str, sample))})")
    elif route == "expand" and len(sample) >= 2 and sample[-1] == 1:
        w.lines.append(f"X = np.random.rand({', '.join(map(str, (n, *sample[:-1])))})")
        w.lines.append("X = np.expand_dims(X, -1)")
    elif route == "newaxis" and len(sample) >= 2 and sample[-1] == 1:
        w.lines.append(f"X = np.random.rand({', '.join(map(str, (n, *sample[:-1])))})")
        w.lines.append("X = X[..., np.newaxis]")
    elif route == "stack":
        w.lines.append(
            f"X = np.stack([np.random.rand({', '.join(map(str, sample))}) for _ in range({n})])"
        )
    elif route == "moveaxis" and len(sample) >= 2:
        w.lines.append(f"X = np.random.rand({', '.join(map(str, (n, sample[-1], *sample[:-1])))})")
        w.lines.append("X = np.moveaxis(X, 1, -1)")
    elif route == "zeros":
        w.lines.append(f"X = np.zeros(({dims},), dtype='float32')")
    elif route == "slice":
        w.lines.append(f"X = np.random.rand({n + 8}, {', '.join(map(str, sample))})[:{n}]")
    elif route == "scale":
        w.lines.append(f"X = np.random.randint(0, 255, size=({dims},)).astype('float32') / 255.0")
    else:
        w.lines.append(f"X = np.random.rand({dims})")


def _labels(
    rng: random.Random,
    w: Writer,
    n: int,
    classes: int,
    loss: str,
    perturb: str,
    out_seq: int | None = None,
) -> str:
    """Write y for the loss; returns the loss name used in compile."""
    yn = n + 3 if perturb == "xy_count" else n
    if loss == "binary":
        w.lines.append(f"y = np.random.randint(0, 2, size=({yn},))")
        return "binary_crossentropy"
    if loss == "categorical":
        k = classes + 1 if perturb == "class_count" else classes
        if perturb == "label_kind":
            w.lines.append(f"y = np.random.randint(0, {classes}, size=({yn},))")
        else:
            w.lines.append(
                f"y = {w.keras('utils.to_categorical')}(np.random.randint(0, {classes}, size=({yn},)), {k})"
            )
        return "categorical_crossentropy"
    if loss == "sparse":
        if perturb == "label_kind":
            w.lines.append(
                f"y = {w.keras('utils.to_categorical')}(np.random.randint(0, {classes}, size=({yn},)), {classes})"
            )
        else:
            w.lines.append(f"y = np.random.randint(0, {classes}, size=({yn},))")
        return "sparse_categorical_crossentropy"
    k = classes + 1 if perturb == "class_count" else classes
    w.lines.append(f"y = np.random.rand({yn}, {k})")
    return "mse"


def _head(rng: random.Random, w: Writer, loss: str, classes: int, perturb: str) -> str:
    if loss == "binary":
        units = 2 if perturb == "binary_units" else 1
        return w.layer("Dense", units, activation="sigmoid")
    if loss in ("categorical", "sparse"):
        return w.layer("Dense", classes, activation="softmax")
    return w.layer("Dense", classes)


def _family_layers(
    rng: random.Random, w: Writer, family: str, sample: tuple[int, ...], perturb: str
) -> list[str]:
    L = w.layer
    if family == "dense":
        return [
            L("Dense", rng.choice([8, 16, 32]), activation="relu") for _ in range(rng.randint(1, 2))
        ]
    if family == "conv2d":
        k = sample[0] + 1 if perturb == "big_kernel" else rng.choice([2, 3])
        out = [
            L(
                "Conv2D",
                rng.choice([4, 8]),
                k,
                activation="relu",
                padding=rng.choice(["valid", "valid", "same"])
                if perturb != "big_kernel"
                else "valid",
            )
        ]
        if rng.random() < 0.6:
            out.append(L(rng.choice(["MaxPooling2D", "AveragePooling2D", "MaxPool2D"]), 2))
        if rng.random() < 0.3:
            out.append(L("BatchNormalization"))
        out.append(L(rng.choice(["Flatten", "GlobalAveragePooling2D", "GlobalMaxPooling2D"])))
        return out
    if family == "conv_extra":
        k = sample[0] + 1 if perturb == "big_kernel" else 3
        first = rng.choice(
            [
                L("SeparableConv2D", 4, k),
                L("DepthwiseConv2D", k, depth_multiplier=2),
                L(
                    "Conv2DTranspose",
                    4,
                    k,
                    strides=rng.choice([1, 2]),
                    padding=rng.choice(["valid", "same"]),
                ),
                L("Conv2D", 4, k, strides=2, padding="same"),
            ]
        )
        middle = rng.choice(
            [
                L("ZeroPadding2D", 1),
                L("Cropping2D", 1),
                L("UpSampling2D", 2),
                L("AveragePooling2D", 2),
            ]
        )
        return [first, middle, L(rng.choice(["Flatten", "GlobalMaxPooling2D"]))]
    if family == "augment":
        out = [L("RandomFlip", rng.choice(["horizontal", "horizontal_and_vertical"]))]
        out.append(
            rng.choice(
                [
                    L("RandomRotation", 0.1),
                    L("RandomZoom", 0.1),
                    L("RandomContrast", 0.2),
                    L("RandomTranslation", 0.1, 0.1),
                ]
            )
        )
        out.append(L("Rescaling", 1.0 / 255))
        side = sample[0]
        if rng.random() < 0.4:
            side = rng.choice([6, 8])
            out.append(L(rng.choice(["Resizing", "CenterCrop"]), side, side))
        k = side + 1 if perturb == "big_kernel" else 3
        out.append(L("Conv2D", 4, k, activation="relu"))
        out.append(L(rng.choice(["Flatten", "GlobalAveragePooling2D"])))
        return out
    if family == "conv1d":
        k = sample[0] + 2 if perturb == "big_kernel" else rng.choice([2, 3])
        out = [
            L(
                "Conv1D",
                rng.choice([4, 8]),
                k,
                padding="valid"
                if perturb == "big_kernel"
                else rng.choice(["valid", "same", "causal"]),
            )
        ]
        if rng.random() < 0.5:
            out.append(L("MaxPooling1D", 2))
        out.append(L(rng.choice(["Flatten", "GlobalMaxPooling1D", "GlobalAveragePooling1D"])))
        return out
    if family == "rnn":
        cell = rng.choice(["LSTM", "GRU", "SimpleRNN"])
        out = []
        if rng.random() < 0.4:
            inner = L(cell, rng.choice([4, 8]), return_sequences=True)
            out.append(w.wrap("Bidirectional", inner))
        else:
            out.append(L(cell, rng.choice([4, 8]), return_sequences=rng.random() < 0.5))
            if "return_sequences=True" in out[-1] and rng.random() < 0.5:
                out.append(w.wrap("TimeDistributed", L("Dense", 4)))
        if "return_sequences=True" in out[-1] or "TimeDistributed" in out[-1]:
            out.append(
                L(rng.choice(["Flatten", "GlobalAveragePooling1D"]))
                if rng.random() < 0.5
                else L(cell, 4)
            )
        return out
    if family == "reshape":
        total = 1
        for d in sample:
            total *= d
        target = (total // 2, 2) if total % 2 == 0 else (total, 1)
        if perturb == "big_kernel":
            target = (total + 1, 1)
        return [
            L("Reshape", target),
            L("Permute", (2, 1)),
            L("Flatten"),
            L("RepeatVector", 2),
            L("LSTM", 4),
        ]
    raise ValueError(family)


SAMPLE_SHAPES = {
    "dense": lambda r: (r.choice([4, 8, 10, 13]),),
    "conv2d": lambda r: (r.choice([8, 10, 12]), r.choice([8, 10, 12]), r.choice([1, 1, 3])),
    "conv_extra": lambda r: (r.choice([8, 9, 12]), r.choice([8, 10]), r.choice([1, 2])),
    "conv1d": lambda r: (r.choice([10, 16, 20]), r.choice([1, 2, 3])),
    "rnn": lambda r: (r.choice([5, 8, 10]), r.choice([2, 3, 5])),
    "reshape": lambda r: (r.choice([6, 8, 12]),),
    "augment": lambda r: (r.choice([10, 12]), r.choice([10, 12]), r.choice([1, 3, 3])),
}


def _perturb_data(sample: tuple[int, ...], perturb: str, rng: random.Random) -> tuple[int, ...]:
    if perturb == "missing_axis":
        return sample[:-1]  # rank-1 data when the sample has one axis
    if perturb == "extra_axis":
        return (*sample, 2)
    if perturb == "wrong_last_dim":
        return (*sample[:-1], sample[-1] + 1)
    if perturb == "flatten_images" and len(sample) >= 2:
        total = 1
        for d in sample:
            total *= d
        return (total,)
    if perturb == "swap_axes" and len(sample) >= 2 and sample[0] != sample[1]:
        return (sample[1], sample[0], *sample[2:])
    return sample


def generate(seed: int, index: int) -> Program:
    rng = random.Random(seed * 1_000_003 + index)
    # About one program in 32 is transfer learning, picked by a stream of its own so that the
    # other programs of a seed stay what they were.
    if random.Random(f"transfer/{seed}/{index}").random() < 1 / 32:
        return _transfer(rng)
    # About one in 8 builds its model as real code does (generator_models.py), again from a
    # stream of its own.
    if random.Random(f"code/{seed}/{index}").random() < 1 / 8:
        return code_style(rng, Writer(rng, rng.choice(IMPORT_STYLES)))
    imports = rng.choice(IMPORT_STYLES)
    family = rng.choice(
        [
            "dense",
            "dense",
            "conv2d",
            "conv2d",
            "conv_extra",
            "conv1d",
            "rnn",
            "rnn",
            "embedding",
            "functional",
            "reshape",
            "dataset",
            "augment",
            "attention",
            "text",
        ]
    )
    perturb = rng.choice(PERTURBATIONS)
    w = Writer(rng, imports)
    w.header()
    n = rng.choice([8, 16, 24, 32])
    classes = rng.choice([2, 3, 5])
    loss = rng.choice(["binary", "categorical", "sparse", "mse"])
    if family == "embedding":
        return _embedding(rng, w, n, classes, loss, perturb)
    if family == "functional":
        return _functional(rng, w, n, classes, loss, perturb)
    if family == "dataset":
        return _dataset(rng, w, classes, perturb)
    if family == "attention":
        return _attention(rng, w, n, classes, loss, perturb)
    if family == "text":
        return _text(rng, w, classes, loss, perturb)
    sample = SAMPLE_SHAPES[family](rng)
    data_sample = _perturb_data(sample, perturb, rng)
    _data_route(rng, w, n, data_sample)
    loss_name = _labels(rng, w, n, classes, loss, perturb)
    body = [*_family_layers(rng, w, family, sample, perturb), _head(rng, w, loss, classes, perturb)]
    declare = rng.choice(
        ["input_shape", "input_shape", "Input", "none"]
        + (["input_dim"] if len(sample) == 1 else [])
    )
    style = rng.choice(["list", "add"])
    if declare == "input_shape":
        body[0] = (
            body[0][:-1] + (", " if not body[0].endswith("()") else "") + f"input_shape={sample!r})"
        )
    elif declare == "input_dim":
        body[0] = (
            body[0][:-1] + (", " if not body[0].endswith("()") else "") + f"input_dim={sample[0]})"
        )
    elif declare == "Input":
        body.insert(0, f"{w.keras('Input')}(shape={sample!r})")
    if style == "list":
        w.lines.append(f"model = {w.keras('Sequential')}([")
        w.lines += [f"    {b}," for b in body]
        w.lines.append("])")
    else:
        w.lines.append(f"model = {w.keras('Sequential')}()")
        w.lines += [f"model.add({b})" for b in body]
    w.lines.append(f"model.compile(optimizer='adam', loss='{loss_name}')")
    _call(rng, w, perturb, data_sample)
    return Program(
        "\n".join(w.lines) + "\n",
        family,
        f"sequential-{style}/{declare}",
        perturb,
        {"imports": imports},
    )


def _call(rng: random.Random, w: Writer, perturb: str, data_sample: tuple[int, ...]) -> None:
    if perturb == "single_sample":
        w.lines.append("model.fit(X, y, epochs=1, verbose=0)")
        w.lines.append("model.predict(X[0], verbose=0)")
        return
    if perturb == "validation":
        bad = (*data_sample[:-1], data_sample[-1] + 1)
        w.lines.append(f"Xv = np.random.rand({', '.join(map(str, (4, *bad)))})")
        w.lines.append("model.fit(X, y, epochs=1, verbose=0, validation_data=(Xv, y[:4]))")
        return
    method = rng.choice(["fit", "fit", "fit", "evaluate"])
    w.lines.append(f"model.{method}(X, y{', epochs=1' if method == 'fit' else ''}, verbose=0)")


def _embedding(
    rng: random.Random, w: Writer, n: int, classes: int, loss: str, perturb: str
) -> Program:
    T = rng.choice([6, 10])
    vocab = rng.choice([50, 100])
    shape = (n, T + 1) if perturb == "wrong_last_dim" else (n, T)
    w.lines.append(f"X = np.random.randint(0, {vocab}, size={shape!r})")
    loss_name = _labels(rng, w, n, classes, loss, perturb)
    emb_kwargs = {"input_shape": (T,)} if rng.random() < 0.5 else {}
    pooling = rng.choice(["GlobalAveragePooling1D", "Flatten", "LSTM"])
    body = [
        w.layer("Embedding", vocab, 8, **emb_kwargs),
        w.layer(pooling, 4) if pooling == "LSTM" else w.layer(pooling),
        _head(rng, w, loss, classes, perturb),
    ]
    w.lines.append(f"model = {w.keras('Sequential')}([")
    w.lines += [f"    {b}," for b in body]
    w.lines.append("])")
    w.lines.append(f"model.compile(optimizer='adam', loss='{loss_name}')")
    _call(rng, w, perturb, shape[1:])
    return Program(
        "\n".join(w.lines) + "\n",
        "embedding",
        "sequential-list/" + ("input_shape" if emb_kwargs else "none"),
        perturb,
        {},
    )


def _functional(
    rng: random.Random, w: Writer, n: int, classes: int, loss: str, perturb: str
) -> Program:
    f1, f2 = rng.choice([4, 6]), rng.choice([4, 6, 8])
    merge = rng.choice(["Concatenate", "Add", "concatenate", "Multiply"])
    if merge in ("Add", "Multiply") and perturb != "wrong_last_dim":
        f2 = f1
    # Half the models take a second input: data is then a list or tuple of two arrays.
    second = rng.choice([3, 5]) if rng.random() < 0.5 else None
    if second is not None and perturb == "validation":
        perturb = "none"  # validation data for several inputs is not checked
    x1 = (n, f1 + 1) if perturb == "wrong_last_dim" else (n, f1)
    if second is None:
        w.lines.append(f"X = np.random.rand{x1!r}")
    else:
        x2 = {"missing_axis": (n,), "extra_axis": (n, second, 2)}.get(perturb, (n, second))
        w.lines.append(f"X1 = np.random.rand{x1!r}")
        w.lines.append(f"X2 = np.random.rand{x2!r}")
        pair = "X2, X1" if perturb == "swap_axes" else "X1, X2"
        w.lines.append(rng.choice([f"X = [{pair}]", f"X = ({pair})"]))
    loss_name = _labels(rng, w, n, classes, loss, perturb)
    w.lines.append(f"inp = {w.keras('Input')}(shape=({f1},))")
    if second is not None:
        w.lines.append(f"inp2 = {w.keras('Input')}(shape=({second},))")
    w.lines.append(
        f"a = {w.layer('Dense', f2 if merge in ('Add', 'Multiply') else 8, activation='relu')}(inp)"
    )
    w.lines.append(f"b = {w.layer('Dense', f2)}({'inp' if second is None else 'inp2'})")
    if merge == "concatenate":
        prefix = {"tf": "tf.keras.layers.", "from_tf": "layers.", "keras": "keras.layers."}[
            w.imports
        ]
        w.lines.append(f"h = {prefix}concatenate([a, b])")
    else:
        w.lines.append(f"h = {w.layer(merge)}([a, b])")
    w.lines.append(f"out = {_head(rng, w, loss, classes, perturb)}(h)")
    inputs = "inp" if second is None else "[inp, inp2]"
    w.lines.append(f"model = {w.keras('Model')}(inputs={inputs}, outputs=out)")
    w.lines.append(f"model.compile(optimizer='adam', loss='{loss_name}')")
    _call(rng, w, perturb, x1[1:])
    style = "functional" if second is None else "functional-two-inputs"
    return Program("\n".join(w.lines) + "\n", "functional", style, perturb, {})


def _dataset(rng: random.Random, w: Writer, classes: int, perturb: str) -> Program:
    name = rng.choice(["mnist", "fashion_mnist", "cifar10"])
    w.lines.append(
        f"(x_train, y_train), (x_test, y_test) = {w.keras('datasets.' + name)}.load_data()"
    )
    w.lines.append("X = x_train[:32] / 255.0")
    w.lines.append("y = y_train[:32]" if perturb != "xy_count" else "y = y_train[:30]")
    shape = (28, 28, 1) if "mnist" in name else (32, 32, 3)
    if "mnist" in name and perturb != "missing_axis":
        w.lines.append(
            rng.choice(
                [
                    "X = X.reshape(-1, 28, 28, 1)",
                    "X = np.expand_dims(X, -1)",
                    "X = X[..., np.newaxis]",
                ]
            )
        )
    if perturb == "flatten_images":
        w.lines.append("X = X.reshape(len(X), -1)")
    loss = "sparse_categorical_crossentropy"
    if perturb == "label_kind":
        loss = "categorical_crossentropy"
    w.lines.append(f"model = {w.keras('Sequential')}([")
    declare = rng.random() < 0.7
    kwargs = {"input_shape": shape} if declare else {}
    w.lines.append(f"    {w.layer('Conv2D', 8, 3, activation='relu', **kwargs)},")
    w.lines.append(f"    {w.layer('MaxPooling2D', 2)},")
    w.lines.append(f"    {w.layer('Flatten')},")
    w.lines.append(f"    {w.layer('Dense', 10, activation='softmax')},")
    w.lines.append("])")
    w.lines.append(f"model.compile(optimizer='adam', loss='{loss}')")
    w.lines.append("model.fit(X, y, epochs=1, verbose=0)")
    return Program(
        "\n".join(w.lines) + "\n",
        "dataset",
        "sequential-list/" + ("input_shape" if declare else "none"),
        perturb,
        {"dataset": name},
    )


def _attention(
    rng: random.Random, w: Writer, n: int, classes: int, loss: str, perturb: str
) -> Program:
    """A transformer encoder block: self-attention, residual Add, LayerNormalization."""
    steps, features = rng.choice([6, 10]), rng.choice([4, 8])
    data = _perturb_data((steps, features), perturb, rng)
    w.lines.append(f"X = np.random.rand({', '.join(map(str, (n, *data)))})")
    loss_name = _labels(rng, w, n, classes, loss, perturb)
    # big_kernel: the attention's output width no longer matches the residual
    extra = {"output_shape": features + 2} if perturb == "big_kernel" else {}
    mha = w.layer("MultiHeadAttention", num_heads=2, key_dim=rng.choice([4, 8]), **extra)
    w.lines.append(f"inp = {w.keras('Input')}(shape=({steps}, {features}))")
    if rng.random() < 0.3:
        w.lines.append(f"attn, scores = {mha}(inp, inp, return_attention_scores=True)")
    else:
        w.lines.append(f"attn = {mha}({rng.choice(['inp, inp', 'query=inp, value=inp'])})")
    w.lines.append(f"h = {w.layer('LayerNormalization')}({w.layer('Add')}([inp, attn]))")
    if rng.random() < 0.5:
        w.lines.append(f"h = {w.layer('Dense', features, activation='relu')}(h)")
    w.lines.append(f"h = {w.layer(rng.choice(['GlobalAveragePooling1D', 'Flatten']))}(h)")
    w.lines.append(f"out = {_head(rng, w, loss, classes, perturb)}(h)")
    w.lines.append(f"model = {w.keras('Model')}(inputs=inp, outputs=out)")
    w.lines.append(f"model.compile(optimizer='adam', loss='{loss_name}')")
    _call(rng, w, perturb, data)
    return Program("\n".join(w.lines) + "\n", "attention", "functional", perturb, {})


TEXTS = ["the cat sat", "a dog ran far away", "cats and dogs", "the end", "red fox jumps"]


def _text(rng: random.Random, w: Writer, classes: int, loss: str, perturb: str) -> Program:
    """A text pipeline: strings through TextVectorization (or a StringLookup of categories)
    into a small model, fed by tf.data (Keras 3 cannot fit numpy string arrays)."""
    if perturb not in ("none", "class_count", "label_kind", "binary_units", "big_kernel"):
        perturb = "none"
    if w.imports != "tf":
        w.lines.append("import tensorflow as tf")
    n = 4 * len(TEXTS)
    w.lines.append(f"texts = np.array({TEXTS!r} * 4)")
    loss_name = _labels(rng, w, n, classes, loss, perturb)
    if rng.random() < 0.7:
        vocab, steps = rng.choice([30, 50]), rng.choice([4, 6])
        # big_kernel: no output_sequence_length, so Flatten leaves an undefined axis for Dense
        length = {} if perturb == "big_kernel" else {"output_sequence_length": steps}
        w.lines.append(f"vectorize = {w.layer('TextVectorization', max_tokens=vocab, **length)}")
        w.lines.append("vectorize.adapt(texts)")
        pooling = (
            "Flatten"
            if perturb == "big_kernel"
            else rng.choice(["Flatten", "GlobalAveragePooling1D"])
        )
        body = ["vectorize", w.layer("Embedding", vocab, 8), w.layer(pooling)]
        style = "text-vectorization"
    else:
        words = sorted({word for text in TEXTS for word in text.split()})[:6]
        mode = rng.choice(["one_hot", "multi_hot"])
        w.lines.append("texts = np.array([t.split()[0] for t in texts])")
        body = [w.layer("StringLookup", vocabulary=words, output_mode=mode)]
        if perturb == "big_kernel":
            perturb = "none"
        style = "string-lookup"
    body.append(_head(rng, w, loss, classes, perturb))
    w.lines.append(f"model = {w.keras('Sequential')}([")
    w.lines.append(f"    {w.keras('Input')}(shape=(1,), dtype='string'),")
    w.lines += [f"    {b}," for b in body]
    w.lines.append("])")
    w.lines.append(f"model.compile(optimizer='adam', loss='{loss_name}')")
    w.lines.append("ds = tf.data.Dataset.from_tensor_slices((texts, y)).batch(4)")
    w.lines.append("model.fit(ds, epochs=1, verbose=0)")
    return Program("\n".join(w.lines) + "\n", "text", style, perturb, {})


BACKBONES = ("MobileNetV2", "VGG16")  # small ones: each program builds one under real Keras
TRANSFER_PERTURBATIONS = (
    *("none", "none", "none", "missing_axis", "wrong_last_dim", "class_count", "xy_count"),
    *("big_kernel", "label_kind", "single_sample", "binary_units", "validation"),
)


def _transfer(rng: random.Random) -> Program:
    """Transfer learning from a keras.applications backbone (`weights=None`: nothing is
    downloaded), frozen, under a new head: first item of a Sequential, called on an Input with
    `training=False`, or `keras.Model(base.input, head(base.output))`. big_kernel asks for an
    input below the backbone's minimum size (the constructor refuses)."""
    w = Writer(rng, rng.choice(IMPORT_STYLES))
    w.header()
    perturb = rng.choice(TRANSFER_PERTURBATIONS)
    n, classes = rng.choice([8, 16]), rng.choice([2, 3, 5])
    loss = rng.choice(["binary", "categorical", "sparse"])
    name, size = rng.choice(BACKBONES), rng.choice([32, 48])
    sample = (size, size, 3)
    data = _perturb_data(sample, perturb, rng)
    w.lines.append(f"X = np.random.rand({', '.join(map(str, (n, *data)))})")
    loss_name = _labels(rng, w, n, classes, loss, perturb)
    declared = (16, 16, 3) if perturb == "big_kernel" else sample
    base = w.keras(f"applications.{name}")
    w.lines.append(f"base = {base}(include_top=False, weights=None, input_shape={declared!r})")
    w.lines.append("base.trainable = False")
    pooling = w.layer(rng.choice(["GlobalAveragePooling2D", "Flatten"]))
    head = _head(rng, w, loss, classes, perturb)
    style = rng.choice(["sequential", "called", "base_output"])
    if style == "sequential":
        w.lines.append(f"model = {w.keras('Sequential')}([base, {pooling}, {head}])")
    elif style == "called":
        w.lines.append(f"inp = {w.keras('Input')}(shape={sample!r})")
        w.lines.append("x = base(inp, training=False)")
        w.lines.append(f"model = {w.keras('Model')}(inp, {head}({pooling}(x)))")
    else:
        w.lines.append(f"out = {head}({pooling}(base.output))")
        w.lines.append(f"model = {w.keras('Model')}(inputs=base.input, outputs=out)")
    w.lines.append(f"model.compile(optimizer='adam', loss='{loss_name}')")
    _call(rng, w, perturb, data)
    return Program("\n".join(w.lines) + "\n", "transfer", f"{style}/{name}", perturb, {})
