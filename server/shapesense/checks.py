"""The fit / evaluate / predict checks: the data and labels of a call against the model,
producing Findings.

Order follows Keras: `fit` checks cardinality, then the data against the model input, then
the labels against the output and the loss. Only the first error of a call is reported, as
Keras stops at it. Here: the call's arguments, the data of a model of one input; the data
of several inputs in several_inputs.py, the labels in label_checks.py, the runs through the
model's layers in model_flow.py, the wording in call_reports.py. (Models are built in
libraries/keras_models.py; a call's fixes are made and re-checked in fixes.py and recheck.py.)
"""

from __future__ import annotations

import ast

from . import coverage, fixes
from . import journal as journals
from .findings import Finding
from .keras import devices
from .keras.graph import LayerFailure
from .model_flow import (
    NOT_KNOWN,
    flow_of_build,
    from_catalog,
    functional_flow,
    keep_build,
    sequential_flow,
)
from .recheck import CallData, DataArg, adjust_rank, data_arg
from .session import Session
from .several_inputs import SeveralInputs
from .shapes import Shape, fmt, keras_sample
from .values import (
    COMPILED_FUNCTION_OF,
    UNKNOWN,
    Array,
    Const,
    Dataset,
    Model,
    Seq,
    SparseMatrix,
    TokenLists,
    Value,
    const_int,
)

DATA_METHODS = set(COMPILED_FUNCTION_OF)
LABEL_METHODS = {"fit", "evaluate", "train_on_batch", "test_on_batch"}


class CallChecker(SeveralInputs):
    """One per module analysed and run (`Session.state(CallChecker)`)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.src = session.src
        self.version = session.version
        self.call = CallData()  # the call being checked
        # the labels as given (a list or dict for several outputs) and their expression
        self.labels: tuple[Value, ast.expr | None] | None = None
        self._flows: dict[tuple[int, tuple[int, ...], Shape], object] = {}
        self._sized_batches = False
        # where Keras 2's layers refuse data of one axis fewer: its words (`_runs_as_it_is`)
        self._refused_by: LayerFailure | None = None

    def check_call(
        self, model: Model, method: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
    ) -> None:
        if model.opaque or model.broken:
            return coverage.not_checked(self.session, model, method, node)
        function = COMPILED_FUNCTION_OF[method]
        traced = model.traced.get(function)
        stale = traced is not None and traced != model.version
        first = len(self.session.calls)
        if self._check_data(model, method, node, args, kwargs, stale):
            return  # Keras raised while tracing: nothing is kept (and an error is a check)
        if not stale and method in LABEL_METHODS:
            y_val = args[1] if len(args) > 1 else kwargs.get("y", UNKNOWN)
            if self._sparse_labels_refused(method, y_val, coverage.node_arg(node, 1, "y")):
                return  # the data went through the model; its loss raises on the labels
        if not stale and (refused := devices.refused_on_cpu(model, self.version.major, method)):
            self._report_refused_on_cpu(model, node, *refused)
        coverage.settle(self.session, first, model, method, node, args, kwargs, stale)
        functions = [function]
        if method == "fit" and _validates(kwargs):
            functions.append("test")  # fit evaluates the validation data with evaluate's function
        for kind in functions:
            if kind not in model.traced:
                journals.register(self.session.journal, model)
                model.traced[kind] = model.version

    def _check_data(
        self,
        model: Model,
        method: str,
        node: ast.Call,
        args: list[Value],
        kwargs: dict[str, Value],
        stale: bool,
    ) -> bool:
        """Check x and y; True when an error was reported. `stale`: Keras will run a function
        compiled on an earlier state of the model, whose shapes are not known here."""
        x_node = coverage.node_arg(node, 0, "x")
        y_node = coverage.node_arg(node, 1, "y")
        x_val = args[0] if args else kwargs.get("x", UNKNOWN)
        y_val = args[1] if len(args) > 1 else kwargs.get("y", UNKNOWN)
        validation = kwargs.get("validation_data")
        written = _written_validation(node, validation) if method == "fit" else None
        if self._strings_refused(method, [(x_val, x_node), *(written[:1] if written else [])]):
            return True
        if self._token_lists_refused(method, x_val, x_node, y_val):
            return True
        split = "validation_split" in kwargs
        if self._scalar_lists_refused(method, x_val, x_node, y_val, y_node, split):
            return True
        if self._listed_samples_differ(model, method, x_val, x_node, y_val, y_node, split):
            return True
        batches = isinstance(x_val, Dataset)  # a tf.data pipeline meets the model batch by batch
        if isinstance(x_val, Dataset):
            if (fed := x_val.as_fed()) is None:
                return False
            (x_val, y_val), y_node = fed, x_node
        if self._several_arrays_for_one_input(model, x_val, x_node):
            return True
        if len(model.inputs) <= 1 and isinstance(x_val, Seq) and len(x_val.items) == 1:
            # a list or tuple of one array, for a model of one input: Keras 3 and 2 take the
            # array (`predict([state])`); its element is what a fix edits, when it is written
            x_val = x_val.items[0]
            written_item = isinstance(x_node, (ast.List, ast.Tuple)) and len(x_node.elts) == 1
            if written_item and not isinstance(x_node.elts[0], ast.Starred):  # type: ignore[union-attr]
                x_node = x_node.elts[0]  # type: ignore[union-attr]
            else:
                batches = True  # the array is not written here: no fix edits it
        x = data_arg(self.src, x_val, x_node, editable=not batches)
        y = (
            data_arg(self.src, y_val, y_node, editable=not batches)
            if method in LABEL_METHODS
            else None
        )
        self.labels = (y_val, y_node) if method in LABEL_METHODS else None
        batch_size = const_int(kwargs.get("batch_size", Const(None)) or Const(None))
        self.call.batch_size = batch_size if batch_size is not None and batch_size > 0 else 32
        # the batches' sizes follow from x's length and batch_size alone (`_batch_sizes`)
        self._sized_batches = not batches and (
            method != "fit" or kwargs.get("validation_split", _ZERO) == _ZERO
        )
        if self.session.report:
            inputs = (
                self._arrays_for_inputs(model, x_val, x_node, report=False)
                if len(model.inputs) > 1
                else None
            )
            self._record_call(model, method, node, x, y, inputs)
        if stale:
            return False
        if len(model.inputs) > 1:
            if self._check_inputs(model, x_val, x_node, y):
                return True
            if written is not None:
                (xv_val, xv_node), (yv_val, yv_node) = written
                yv = data_arg(self.src, yv_val, yv_node)
                self.labels = (yv_val, yv_node)
                return self._check_inputs(model, xv_val, xv_node, yv)
            return False
        if x is None:
            return False
        self.call.pairs = [(x.value.shape, y.value.shape if y else None)]
        if isinstance(validation, Seq) and len(validation.items) >= 2:
            xv_val, yv_val = validation.items[0], validation.items[1]
            if isinstance(xv_val, Array):
                self.call.pairs.append(
                    (xv_val.shape, yv_val.shape if isinstance(yv_val, Array) else None)
                )
        if self._check_pair(model, method, node, x, y):
            return True
        if written is not None:
            (xv_val, xv_node), (yv_val, yv_node) = written
            xv = data_arg(self.src, xv_val, xv_node)
            yv = data_arg(self.src, yv_val, yv_node)
            self.labels = (yv_val, yv_node)
            if xv is not None:
                return self._check_pair(model, method, node, xv, yv)
        return False

    def _strings_refused(self, method: str, data: list[tuple[Value, ast.expr | None]]) -> bool:
        """Keras 3 converts numpy data by dtype and has none for numpy's strings (`<U5`): fit,
        evaluate and predict raise `Invalid dtype: str160` (a tf.data pipeline of strings, a
        tf.constant or an object array are fine; train_on_batch and model(x) too)."""
        if self.version.major < 3 or method not in ("fit", "evaluate", "predict"):
            return False
        for value, node in data:
            items = value.items if isinstance(value, Seq) else (value,)  # several inputs
            text = next((a for a in items if isinstance(a, Array) and a.dtype == "str"), None)
            if text is None or node is None:
                continue
            label = self.src.segment(node, 40)
            single = text is value
            self.session.add(
                Finding(
                    self.src.span(node),
                    "error",
                    "SS203",
                    f"Keras 3 cannot take a numpy array of strings in {method}(): `{label}` is"
                    f" an array of strings {fmt(text.shape)}{'' if single else ' (one of its inputs)'}. Pass it as"
                    " `tf.constant(...)`, `.astype(object)` or a tf.data.Dataset.",
                    "Invalid dtype: str…",
                    fixes=(fixes.as_objects(self.session, DataArg(text, node, label)),)
                    if single
                    else (),
                )
            )
            return True
        return False

    def _token_lists_refused(
        self, method: str, x: Value, x_node: ast.expr | None, y: Value
    ) -> bool:
        """A Tokenizer's `texts_to_sequences` lists given as they are: Keras 3 has no adapter
        for a list of lists of ints (fit, evaluate, predict); Keras 2 none for such a list with
        numpy labels (measured: tests/corpus/programs/sequences/tokenizer_sequences_*.py)."""
        if not isinstance(x, TokenLists) or x_node is None:
            return False
        if self.version.major >= 3:
            refused = method in ("fit", "evaluate", "predict")
            keras = "Unrecognized data type: x=[[…], …]"
        else:
            refused = method in ("fit", "evaluate") and isinstance(y, Array)
            keras = "Failed to find data adapter that can handle input: (<class 'list'> …"
        if not refused:
            return False
        label = self.src.segment(x_node, 40)
        self.session.add(
            Finding(
                self.src.span(x_node),
                "error",
                "SS204",
                f"Keras cannot take `{label}` in {method}(): it is a Python list of token lists"
                " (one per text, as long as the text). Make it one array first:"
                f" `pad_sequences({label}, maxlen=...)`.",
                keras,
            )
        )
        return True

    def _sparse_labels_refused(self, method: str, y: Value, y_node: ast.expr | None) -> bool:
        """Labels as a scipy sparse matrix: Keras 3 and 2 take one as x, but their losses
        cannot convert it (TypeError in fit, evaluate and *_on_batch, every loss measured:
        tests/corpus/programs/tabular/onehotencoder_sparse_matrix_fit.py)."""
        if not isinstance(y, SparseMatrix) or y_node is None:
            return False
        label = self.src.segment(y_node, 40)
        fix = fixes.to_dense(self.session, y_node)
        self.session.add(
            Finding(
                self.src.span(y_node),
                "error",
                "SS205",
                f"Keras cannot take `{label}` as labels in {method}(): it is a scipy sparse matrix"
                " (OneHotEncoder's default output). Make it an array first:"
                f" `{fix.edits[0].new_text}`, or OneHotEncoder(sparse_output=False).",
                "Failed to convert elements of SparseTensor(...) to Tensor.",
                (fix,),
            )
        )
        return True

    def _check_pair(
        self, model: Model, method: str, call: ast.Call, x: DataArg, y: DataArg | None
    ) -> bool:
        """Check one (x, y) pair; True when an error was reported."""
        # a pipeline's batches (not editable) have no sample count Keras compares
        if y is not None and x.editable and x.value.shape and y.value.shape:
            nx, ny = x.value.shape[0], y.value.shape[0]
            if nx is not None and ny is not None and nx != ny:
                self._report_cardinality(model, x, y, nx, ny)
                return True
        self.call.labels = y.value.shape if y is not None else None
        outputs, failed = self._run_data(model, method, call, x)
        if failed or outputs is None:
            return failed
        if len(outputs) > 1:
            return self._check_output_labels(model, outputs)
        if y is None or len(outputs) != 1 or not isinstance(outputs[0], tuple):
            return False
        return self._check_labels(model, outputs[0], y)

    def _several_arrays_for_one_input(
        self, model: Model, x_val: Value, x_node: ast.expr | None
    ) -> bool:
        """A list of several arrays for a model of one input (the outputs of a model with
        several, `decoder.predict(encoder.predict(x))`): measured, a functional model raises
        in Keras 3.15 and tf_keras 2.21, a Sequential one in tf_keras only (Keras 3 runs it).
        A user's model class takes what its `call` takes: not checked here."""
        if (
            x_node is None
            or model.user_class is not None
            or len(model.inputs) > 1
            or model.input_keys is not None
            or not isinstance(x_val, Seq)
            or len(x_val.items) < 2
            or not all(isinstance(item, Array) for item in x_val.items)
        ):
            return False
        if not (
            model.kind == "functional" or (model.kind == "sequential" and self.version.major < 3)
        ):
            return False
        received = len(x_val.items)
        label = self.src.segment(x_node, 40)
        message = (
            f"Model '{model.name}' has 1 input, but `{label}` gives {received} arrays: pass "
            "the one array it takes."
        )
        keras = (
            f'Layer "{model.name}" expects 1 input(s), but it received {received} input tensors.'
        )
        self._call_error(model, x_node, "SS108", message, keras)
        return True

    def _run_data(
        self, model: Model, method: str, call: ast.Call, x: DataArg
    ) -> tuple[list[object] | None, bool]:
        """Flow x through the model. Returns (output shapes, whether an error was reported)."""
        shape = x.value.shape
        declared = model.declared_input
        if not shape:
            return None, False
        if declared is not None:
            adjusted, note = adjust_rank(shape, declared)
            if adjusted is None and self._runs_as_it_is(model, method, shape, declared):
                adjusted = shape
            if adjusted is None:
                refused_by = self._refused_by or self._refused_inside(model, shape)
                self._report_rank(model, method, x, declared, refused_by)
                return None, True
            if not model.input_from_data and not self.version.model_input_accepts(
                declared, shape, model.kind == "functional"
            ):
                self._report_input_mismatch(model, x, declared, adjusted)
                return None, True
            if note:
                self._report_fixup(x, note, adjusted, f"the model input {fmt(declared)}")
            shape = adjusted
        sample: Shape = keras_sample(shape)
        if model.kind == "sequential" and declared is not None:
            flowed = self._flow_built(model, sample)
            if isinstance(flowed, LayerFailure):
                self._report_flow_failure(model, x, flowed, declared)
                return None, True
            return ([flowed], False) if model.layers else (None, False)
        if model.kind == "sequential":
            run, out = sequential_flow(self.session, model, sample)
            if isinstance(out, LayerFailure):
                self._report_flow_failure(model, x, out, declared)
                return None, True
            if model.layers:
                self.session.record_run(
                    run, model.name, f"`{x.label}`, the data that built it", model_span=model.span
                )
                keep_build(self.session, model, run, sample, out)
            if not model.layers:
                return None, False
            return [out], False
        outs = functional_flow(self.session, model, {id(model.inputs[0].node): sample})
        if isinstance(outs, LayerFailure):
            self._report_flow_failure(model, x, outs, declared)
            return None, True
        return outs, False

    def _runs_as_it_is(self, model: Model, method: str, shape: Shape, declared: Shape) -> bool:
        """Keras 2 lets data of another rank reach the layers (`layers_meet_other_rank`):
        True when every layer takes it. Only data of one axis fewer, as measured: the layer
        rules are not held to Keras on an extra axis (an augmentation block on (24, 12, 10, 3, 2)
        raises in Keras 2). Rank-1 data too, as it is: a row (5,) is 5 samples of one value,
        which an adapted Normalization broadcasts against its mean (1, 5) to one sample (1, 5)
        (measured, tf_keras 2.21: predict, fit and evaluate; no axis is added first), so only
        batches of 1 or 5 values run: each batch's size is checked where it is known."""
        self._refused_by = None
        if (
            (model.input_from_data and len(shape) != 1)  # a built model's layers meet a row too
            or (len(shape) == 1 and not _catalog_sequential(model))
            or not shape
            or len(shape) != len(declared) - 1
            or (model.kind != "sequential" and not model.inputs)
        ):
            return False
        if not self.version.layers_meet_other_rank(declared, shape):
            return False
        samples = [keras_sample(shape)]
        if len(shape) == 1:  # the batch axis is the only axis: the broadcasts see its size
            samples += [(n,) for n in self._batch_sizes(method, shape)]
        for sample in samples:
            flowed = self._flow_one(model, sample)
            if isinstance(flowed, LayerFailure):
                if len(shape) == 1 and sample == samples[0]:  # a row, as Keras 2 traces it
                    self._refused_by = flowed  # its words
                return False
        return True

    def _batch_sizes(self, method: str, shape: Shape) -> list[int]:
        """The sizes of the batches Keras cuts x of `shape` into at this call: the first and
        the last (what is left); none where not known (a dataset's own batches, a split)."""
        n = shape[0] if shape else None
        if not self._sized_batches or type(n) is not int or n <= 0:
            return []
        if method.endswith("_on_batch"):
            return [n]
        size = self.call.batch_size
        return sorted({min(n, size)} | ({n % size} if n > size and n % size else set()))

    def _refused_inside(self, model: Model, shape: Shape) -> LayerFailure | None:
        """Keras 2: data of another rank that passes the model's own input check meets its
        layers; the first that refuses is the layer Keras's message names (measured: predict
        on one sample (13,) -> `dense`: expected min_ndim=2)."""
        declared = model.declared_input
        if self.version.major != 2 or declared is None or model.input_from_data:
            return None
        if not self.version.model_input_accepts(declared, shape, functional=True):
            return None
        if model.kind != "sequential" and (len(model.inputs) != 1 or model.inputs[0].node is None):
            return None
        flowed = self._flow_one(model, keras_sample(shape))
        return flowed if isinstance(flowed, LayerFailure) else None

    def _flow_one(self, model: Model, sample: Shape) -> object:
        """`sample` through a built model of one input: the output, or the LayerFailure."""
        if model.kind == "sequential":
            return self._flow_built(model, sample)
        return functional_flow(self.session, model, {id(model.inputs[0].node): sample})

    def _flow_built(self, model: Model, sample: Shape) -> object:
        """The output shape of a built Sequential model on `sample`, or where Keras fails.
        Cached: fit, evaluate and predict often send the same shape to the same model."""
        key = (model.uid, journals.versions(model, traces=False), sample)
        if key not in self._flows:
            flowed = flow_of_build(model, sample)
            if flowed is NOT_KNOWN:
                flowed = sequential_flow(self.session, model, sample)[1]
            self._flows[key] = flowed
        return self._flows[key]


def _catalog_sequential(model: Model) -> bool:
    """A Sequential model of catalog layers only: their rules are held to Keras 2 on rank-1
    data (tests/cases.py); a user's layer or a Lambda runs code (tf.matmul on (None,)) whose
    model is not."""
    return model.kind == "sequential" and all(from_catalog(layer) for layer in model.layers)


def _validates(kwargs: dict[str, Value]) -> bool:
    """Whether fit may evaluate validation data (unknown arguments count as yes)."""
    data = kwargs.get("validation_data", _NONE)
    split = kwargs.get("validation_split", _ZERO)
    return data != _NONE or split != _ZERO


_NONE, _ZERO = Const(None), Const(0)


def _written_validation(
    call: ast.Call, validation: Value | None
) -> tuple[tuple[Value, ast.expr], tuple[Value, ast.expr]] | None:
    """`validation_data=(xv, yv)` written out at the call, or a dataset: values, expressions."""
    node = next((k.value for k in call.keywords if k.arg == "validation_data"), None)
    if isinstance(validation, Dataset) and (fed := validation.as_fed()) and node is not None:
        return (fed[0], node), (fed[1], node)
    if (
        not isinstance(validation, Seq)
        or len(validation.items) < 2
        or not isinstance(node, (ast.Tuple, ast.List))
        or len(node.elts) != len(validation.items)
        or any(isinstance(e, ast.Starred) for e in node.elts)
    ):
        return None
    return (validation.items[0], node.elts[0]), (validation.items[1], node.elts[1])
