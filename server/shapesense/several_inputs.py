"""Data for a model of several inputs: a list or tuple with one array per input, in order,
or a dict keyed by the inputs' names; each array against its input, then all of them through
the model's graph together, then the labels (label_checks.py)."""

from __future__ import annotations

import ast

from . import fixes
from .findings import Finding, Fix
from .keras.graph import LayerFailure
from .label_checks import LabelChecks
from .model_flow import functional_flow
from .output_labels import dict_value
from .recheck import DataArg, adjust_rank, data_arg, fed_to_input, would_pass
from .shapes import Shape, fmt, keras_sample
from .values import Array, ListOf, Mapping, Model, Seq, Value

# where Keras counts the samples of every array of x and y before anything else (measured)
_COUNTED = ("fit", "evaluate")


def numpy_scalar_lists(y: Value) -> bool:
    """A Python list of two or more lists of numpy scalars (`y.append(list(np.random.rand(5)))`
    in a loop)."""
    items = _list_items(y)
    return (
        items is not None
        and len(items) >= 2
        and all((row := _list_items(item)) is not None and _numpy_scalars(row) for item in items)
    )


def _list_items(value: Value) -> list[Value] | None:
    """A Python list's items, when how many is known (all of a grown list alike)."""
    if isinstance(value, ListOf) and value.count is not None:
        return [value.item] * value.count
    if isinstance(value, Seq) and value.is_list:
        return list(value.items)
    return None


def _numpy_scalars(items: list[Value]) -> bool:
    return bool(items) and all(
        isinstance(v, Array) and v.shape == () and v.dtype == "float64" for v in items
    )


def listed_arrays(x: Value) -> list[Array] | None:
    """The arrays of a Python list of two or more (a literal, or a list grown by
    `append` whose length is known), else None. One array in a list is that array to Keras.
    Measured with lists; a tuple given as x is not."""
    items = _list_items(x)
    if items is None or len(items) < 2 or not all(isinstance(item, Array) for item in items):
        return None
    return items  # type: ignore[return-value]


class SeveralInputs(LabelChecks):
    """The several-inputs checks of the call being checked (checks.CallChecker is one)."""

    def _check_inputs(
        self, model: Model, x_val: Value, x_node: ast.expr | None, y: DataArg | None
    ) -> bool:
        """Like `_check_pair`, for a functional model with several inputs. True when an error
        was reported."""
        found = self._arrays_for_inputs(model, x_val, x_node, report=True)
        if isinstance(found, bool) or x_node is None:
            return bool(found)
        xs = found
        if self._inputs_cardinality(model, x_node, xs, y):
            return True
        samples: dict[int, Shape] = {}
        for index, (tensor, x) in enumerate(zip(model.inputs, xs, strict=True)):
            if x is None or tensor.shape is None or tensor.node is None or not x.value.shape:
                continue
            adjusted, note = fed_to_input(self.version, tensor.shape, x.value.shape)
            if adjusted is None:
                rank = adjust_rank(x.value.shape, tensor.shape)[0] is None
                self._report_input(model, index, x, tensor.shape, rank, xs, y)
                return True
            if note:
                self._report_fixup(x, note, adjusted, f"input {index} {fmt(tensor.shape)}")
            samples[id(tensor.node)] = keras_sample(adjusted)
        if len(samples) < len(model.inputs):
            return False  # the flow needs every input's shape
        outs = functional_flow(self.session, model, samples)
        if isinstance(outs, LayerFailure):
            self._report_inputs_flow_failure(model, x_node, xs, outs)
            return True
        if len(outs) > 1:
            return self._check_output_labels(model, outs)
        if y is None or len(outs) != 1 or not isinstance(outs[0], tuple):
            return False
        self.call.labels = y.value.shape
        return self._check_labels(model, outs[0], y)

    def _arrays_for_inputs(
        self, model: Model, x_val: Value, x_node: ast.expr | None, report: bool
    ) -> list[DataArg | None] | bool:
        """The array for each input (None where unknown); or, when the data cannot go to
        the inputs, whether an error was reported (with `report`) instead."""
        if x_node is None:
            return False
        if isinstance(x_val, Mapping):
            return self._arrays_by_name(model, x_val, x_node, report)
        if isinstance(x_val, (Array, Seq)):
            return self._arrays_in_order(model, x_val, x_node, report)
        return False

    def _arrays_in_order(
        self, model: Model, data: Array | Seq, x_node: ast.expr, report: bool
    ) -> list[DataArg | None] | bool:
        if model.input_keys is not None:
            return False  # a list for a dict of inputs: Keras 2 and 3 place it differently
        received = len(data.items) if isinstance(data, Seq) else 1
        if isinstance(data, Array) or received != len(model.inputs):
            if report:
                self._report_input_count(model, x_node, received)
            return report
        elements = x_node.elts if isinstance(x_node, (ast.Tuple, ast.List)) else None
        if elements is not None and (
            len(elements) != received or any(isinstance(e, ast.Starred) for e in elements)
        ):
            elements = None  # `[*pair]`: the items are not the expressions written
        return [
            data_arg(self.src, item, elements[i]) if elements else self._item_arg(item, x_node, i)
            for i, item in enumerate(data.items)
        ]

    def _arrays_by_name(
        self, model: Model, data: Mapping, x_node: ast.expr, report: bool
    ) -> list[DataArg | None] | bool:
        """From a dict keyed by `Input(name=...)` (or by the keys of a model made on a dict of
        inputs); keys that name no input are ignored, as Keras does."""
        named = (
            list(model.input_keys)
            if model.input_keys is not None
            else [t.node.input_name if t.node else None for t in model.inputs]
        )
        names = [name for name in named if name is not None]
        if len(names) < len(named):
            return False  # Keras's generated input names are not modelled
        given = dict(data.items)
        missing = [name for name in names if name not in given]
        if missing and not report:
            return False
        if missing:
            self._report_missing_key(model, x_node, missing[0], given, names)
            return True
        args: list[DataArg | None] = []
        for name in names:
            value_node = dict_value(x_node, name)
            args.append(
                data_arg(self.src, given[name], value_node)
                if value_node is not None
                else self._item_arg(given[name], x_node, name)
            )
        return args

    def _item_arg(self, value: Value, node: ast.expr, key: int | str) -> DataArg | None:
        """Item `key` of a list, tuple or dict held by a name: `inputs[1]`, located at the name."""
        arg = data_arg(self.src, value, node)
        return None if arg is None else DataArg(arg.value, node, f"{arg.label}[{key!r}]", False)

    def _inputs_cardinality(
        self, model: Model, x_node: ast.expr, xs: list[DataArg | None], y: DataArg | None
    ) -> bool:
        known = [x for x in xs if x is not None and x.value.shape]
        x_sizes = [x.value.shape[0] for x in known]
        labels = [y] if y is not None and y.value.shape else self._labels_of_outputs(model)
        y_sizes = [label.value.shape[0] for label in labels]
        counts = {n for n in (*x_sizes, *y_sizes) if n is not None}
        if len(counts) < 2 or None in x_sizes or None in y_sizes:
            return False
        self._report_inputs_cardinality(model, x_node, known, labels, x_sizes, y_sizes)
        return True

    def _listed_samples_differ(
        self,
        model: Model,
        method: str,
        x_val: Value,
        x_node: ast.expr | None,
        y_val: Value,
        y_node: ast.expr | None,
        validation_split: bool,
    ) -> bool:
        """Keras 3.15 and tf_keras 2.21 take a list as one array per input and, in fit and
        evaluate, first count the samples of each against y's (`Data cardinality is
        ambiguous`): a list of 40 images (32, 32, 3) is 40 arrays of 32 samples, against 40
        labels. Measured for lists of 2, 3, 8 and 40 arrays of 1 to 3 axes, Sequential and
        functional models; with validation_split Keras splits first and fails elsewhere (not
        checked). True when the error was reported."""
        arrays = listed_arrays(x_val)
        if (
            arrays is None
            or x_node is None
            or y_node is None
            or method not in _COUNTED
            or validation_split
            or len(model.inputs) > 1
            or model.input_keys is not None
            or not isinstance(y_val, Array)
            or not y_val.shape
            or not isinstance(y_val.shape[0], int)
            or any(not a.shape or not isinstance(a.shape[0], int) for a in arrays)
        ):
            return False
        x_sizes: list[int] = [a.shape[0] for a in arrays]  # type: ignore[misc]
        labels = y_val.shape[0]
        if len({*x_sizes, labels}) < 2:
            return False
        label, y_label = self.src.segment(x_node, 40), self.src.segment(y_node, 40)
        shapes = {a.shape for a in arrays}
        of = f" of shape {fmt(arrays[0].shape)}" if len(shapes) == 1 else ""
        message = (
            f"`{label}` is a Python list of {len(arrays)} arrays{of}, and model "
            f"'{model.name}' has 1 input: Keras takes a list as one array per input and counts "
            f"the samples of each ({', '.join(str(n) for n in sorted(set(x_sizes)))}) against "
            f"the {labels} of `{y_label}`. Stack the list into one array of samples."
        )
        keras = self.version.cardinality(", ".join(str(n) for n in x_sizes), str(labels))
        stacked = (len(arrays), *arrays[0].shape)
        fix_list = (
            (fixes.stacked(self.session, x_node),)
            if len(shapes) == 1
            and len(arrays) == labels
            and would_pass(self.session, self.call, model, stacked, y_val.shape)
            else ()
        )
        self.session.add(
            Finding(
                self.src.span(x_node),
                "error",
                "SS201",
                message,
                keras,
                fix_list,
                related=self._related(model),
            )
        )
        return True

    def _scalar_lists_refused(
        self,
        method: str,
        x_val: Value,
        x_node: ast.expr | None,
        y_val: Value,
        y_node: ast.expr | None,
        validation_split: bool,
    ) -> bool:
        """Labels as a list of lists of numpy floats (targets appended in a loop): Keras 3.15
        raises IndexError (`tuple index out of range`: a numpy scalar has no axis 0) and
        tf_keras 2.21 finds no data adapter, in fit and evaluate, with x an array or a list of
        arrays (measured: 2, 8 and 40 lists of 1, 5 and 8 floats, Sequential and functional).
        The fix stacks the labels, and x too when it is a list of arrays (which would fail
        next, SS201). True when the error was reported."""
        x_listed = listed_arrays(x_val) is not None
        if (
            method not in _COUNTED
            or validation_split
            or x_node is None
            or y_node is None
            or not (isinstance(x_val, Array) or x_listed)
            or not numpy_scalar_lists(y_val)
        ):
            return False
        label = self.src.segment(y_node, 40)
        stack = [
            fixes.stacked(self.session, n) for n in ((x_node, y_node) if x_listed else (y_node,))
        ]
        texts = [f.edits[0].new_text for f in stack]
        message = (
            f"`{label}` is a Python list of lists of numpy floats: Keras cannot take it as labels"
            f" in {method}(). Make it one array: `{texts[-1]}`"
            + (f", and x one array of samples: `{texts[0]}`." if x_listed else ".")
        )
        fix = Fix(
            f"Stack into arrays: {', '.join(f'`{t}`' for t in texts)}",
            (*(f.edits[0] for f in stack), *stack[0].edits[1:]),  # one numpy import at most
            True,
        )
        self.session.add(
            Finding(
                self.src.span(y_node),
                "error",
                "SS206",
                message,
                self._scalar_lists_words(x_listed),
                (fix,),
            )
        )
        return True

    def _scalar_lists_words(self, x_listed: bool) -> str:
        """Keras's words: Keras 3 indexes a numpy scalar's shape; Keras 2 names the types it
        found no data adapter for, as its `_type_name` writes them."""
        if self.version.major >= 3:
            return "tuple index out of range"
        array = "<class 'numpy.ndarray'>"
        x = f"(<class 'list'> containing values of types {{{array!r}}})" if x_listed else array
        floats = "(<class 'list'> containing values of types {\"<class 'numpy.float64'>\"})"
        y = f"(<class 'list'> containing values of types {{{floats!r}}})"
        return f"Failed to find data adapter that can handle input: {x}, {y}"
