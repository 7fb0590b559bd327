"""Lambda layers, and a user's layer inside a Sequential model: the function (or `call`) runs
on each input shape that reaches the layer, once per shape, in a scope where its ops' errors are
the layer's (keras_ops.SymbolicScope). Also: a reshape that folds values into the undefined batch
axis (`tf.reshape(x, (-1, 8, 8, 1))` on 50 values a row), which changes the rows of every batch
that fit/evaluate feed and that no symbolic shape shows.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from .. import silence
from ..findings import Finding, Span
from ..keras import ops
from ..keras.layers import Args, LayerError, LayerRule, Opaque
from ..keras.ops import LambdaRule, OpRule
from ..session import Session
from ..shapes import Shape
from ..values import (
    UNKNOWN,
    Array,
    Const,
    Function,
    Layer,
    Node,
    Ref,
    Tensor,
    Unknown,
    Value,
    to_python,
)
from .keras_ops import SymbolicScope, argument
from .registry import REGISTRY

# Keras 3's words when a Lambda's function fails on the symbolic input (it then asks for
# output_shape; measured, Keras 3.15: a NotImplementedError at the Lambda's call).
LAMBDA_K3 = (
    "Exception encountered when calling Lambda.call().\n\nWe could not automatically infer the "
    "shape of the Lambda's output. Please specify the `output_shape` argument for this Lambda layer."
)


# --- Lambda ------------------------------------------------------------------------------------


class LambdaTrace:
    """A Lambda's function, run on each input shape it meets (once per shape)."""

    def __init__(
        self,
        session: Session,
        layer_name: str,
        function: Value | Callable[[Tensor], Value],
        extra: list[Value],
        declared: Shape | None,
        class_name: str = "Lambda",
    ) -> None:
        self.session = session
        self.layer_name = layer_name
        self.class_name = class_name  # Lambda, or the user's layer class run in a Sequential
        self.function = function
        self.extra = extra  # the `arguments=` values, in the function's parameter order
        self.declared = declared  # output_shape=, without the batch axis
        self.results: dict[Shape, Tensor | ops.OpError | None] = {}
        self.why: silence.Cause | None = None
        self.last: Tensor | None = None

    def output(self, shape: Shape, args: Args) -> Shape:
        if shape not in self.results:
            self.results[shape] = self._run(shape)
        result = self.results[shape]
        version = self.session.version.major
        if isinstance(result, ops.OpError):
            if version >= 3 and self.declared is not None:
                raise Opaque("the function fails when the data runs")  # Keras 3 trusts output_shape
            words = (
                (
                    LAMBDA_K3
                    if self.class_name == "Lambda"
                    else f"Could not automatically infer the output shape / dtype of "
                    f"'{self.layer_name}' (of type {self.class_name})."
                )
                if version >= 3
                else f'Exception encountered when calling layer "{self.layer_name}" '
                f"(type {self.class_name}).\n\n{result.tf}"
            )
            raise LayerError(words, result.code, f"a shape its function can take ({result.plain})")
        computed = result.shape if isinstance(result, Tensor) else None
        self.last = result if isinstance(result, Tensor) else None
        if version >= 3 and self.declared is not None:
            declared = (shape[0] if shape else None, *self.declared)
            if computed is not None and computed != declared:
                raise Opaque("output_shape differs from the function's")
            return declared
        if computed is None:
            raise Opaque("lambda")
        return computed

    def _run(self, shape: Shape) -> Tensor | ops.OpError | None:
        scope = self.session.state(SymbolicScope)
        placeholder = Tensor(shape, Node(None, is_input=True))
        saved, scope.error = scope.error, None
        scope.lambda_depth += 1
        try:
            out = self._call(placeholder)
        finally:
            scope.lambda_depth -= 1
            error, scope.error = scope.error, saved
        if error is not None:
            return error
        if isinstance(out, Tensor) and out.shape is not None:
            return out
        self.why = silence.cause_of(out)
        return None

    def _call(self, placeholder: Tensor) -> Value:
        fn = self.function
        if callable(fn) and not isinstance(fn, Value):
            return fn(placeholder)
        if isinstance(fn, Function):
            return self.session.apply(fn, [placeholder, *self.extra])
        if isinstance(fn, Ref):
            name = REGISTRY.canonical(fn.name)
            model = REGISTRY.function_model(name)
            if model is None:
                return silence.shared(silence.UNMODELLED_CALL, f"`{name}`", name)
            call = ast.Call(func=ast.Name("f"), args=[], keywords=[], lineno=1, col_offset=0)
            return model(self.session, name, call, [placeholder], {})
        return fn if isinstance(fn, Unknown) else UNKNOWN

    def rows(self) -> Fraction | None:
        return (
            rows_factor(self.last.node) if self.last is not None and self.last.node else Fraction(1)
        )


def lambda_rule(
    session: Session, layer_name: str, args: list[Value], kwargs: dict[str, Value]
) -> LayerRule | None:
    """The rule of `Lambda(function, output_shape=None, mask=None, arguments=None)`."""
    function = argument(args, kwargs, 0, "function")
    if function is None:
        return None
    extra: list[Value] = []
    arguments = kwargs.get("arguments", args[3] if len(args) > 3 else None)
    if arguments is not None and not (isinstance(arguments, Const) and arguments.value is None):
        named = getattr(arguments, "items", None)
        if not isinstance(function, Function) or not isinstance(named, tuple):
            return None
        given = dict(named)
        params = [p.arg for p in function.node.args.args[1:]]
        if set(given) - set(params):
            return None
        extra = [given.get(p, UNKNOWN) for p in params[: len(given)]]
    declared = None
    output_shape = argument(args, kwargs, 1, "output_shape")
    if output_shape is not None and not (
        isinstance(output_shape, Const) and output_shape.value is None
    ):
        found = to_python(output_shape)
        if isinstance(found, int):
            found = (found,)
        if not isinstance(found, (tuple, list)) or not all(
            type(d) is int or d is None for d in found
        ):
            return None
        declared = tuple(found)
    trace = LambdaTrace(session, layer_name, function, extra, declared)
    return LambdaRule(output=trace.output, trace=trace)


# --- rows: reshapes that fold values into the batch axis ---------------------------------------


def rows_factor(node: Node) -> Fraction | None:
    """How many rows the graph up to `node` makes of one row of its input (1: as many rows;
    None: not known, e.g. branches that disagree)."""
    memo: dict[int, Fraction | None] = {}

    def visit(current: Node) -> Fraction | None:
        key = id(current)
        if key in memo:
            return memo[key]
        memo[key] = Fraction(1)  # a cycle cannot happen; this only guards recursion
        here = Fraction(1)
        rule = getattr(current.layer, "rule", None)
        if isinstance(rule, OpRule) and rule.rows is not None:
            here = Fraction(rule.rows[0], rule.rows[1])
        elif isinstance(rule, LambdaRule):
            inner = rule.trace.rows()
            here = inner if inner is not None else Fraction(0)
        parents = [visit(p) for p in current.parents]
        known = [p for p in parents if p is not None]
        if len(known) < len(parents) or len(set(known)) > 1 or here == 0:
            memo[key] = None
            return None
        memo[key] = here * (known[0] if known else Fraction(1))
        return memo[key]

    return visit(node)


def _folding_layers(node: Node) -> list[Layer]:
    """The ops (in Lambdas too) on the way to `node` whose reshape changes the rows."""
    found: list[Layer] = []
    seen: set[int] = set()
    pending = [node]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        rule = getattr(current.layer, "rule", None)
        if isinstance(rule, OpRule) and rule.rows is not None and rule.rows[0] != rule.rows[1]:
            found.append(current.layer)  # type: ignore[arg-type]
        if isinstance(rule, LambdaRule) and rule.trace.last is not None and rule.trace.last.node:
            found += _folding_layers(rule.trace.last.node)
        pending.extend(current.parents)
    return found


def check_rows(
    session: Session,
    model: Any,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> bool:
    """A model whose reshape folds values into the batch axis (`tf.reshape(x, (-1, 8, 8, 1))`
    on 50 values a row): each batch of B samples comes out as B*50/64 rows. Keras raises at the
    first batch: in the reshape when B*50 is not a multiple of 64, else where the loss meets
    predictions and labels of different row counts (measured, Keras 3 and 2). True: reported."""
    if model.kind != "functional" or len(model.inputs) != 1 or len(model.outputs) != 1:
        return False
    out = model.outputs[0]
    if out.node is None or out.shape is None or not out.shape or out.shape[0] is not None:
        return False
    factor = rows_factor(out.node)
    folds = _folding_layers(out.node)
    if factor is None or factor == 1 or len(folds) != 1 or not isinstance(folds[0].rule, OpRule):
        return False
    folding = folds[0]
    x = argument(args, kwargs, 0, "x")
    y = argument(args, kwargs, 1, "y")
    if not isinstance(x, Array) or not x.shape or type(x.shape[0]) is not int or x.shape[0] < 1:
        return False
    size = kwargs.get("batch_size")
    batch = size.value if isinstance(size, Const) and type(size.value) is int else 32
    if method.endswith("_on_batch"):
        batch = x.shape[0]
    rows = folding.rule.rows if isinstance(folding.rule, OpRule) else None
    if rows is None:
        return False
    rows_in, rows_out = rows
    first = min(batch, x.shape[0])
    values = first * rows_in
    where = f"the reshape `{folding.name}` (line {folding.span.line + 1})"
    if values % rows_out:
        plain = (
            f"`{model.name}.{method}` feeds batches of {first} samples of {rows_in} values; "
            f"{where} needs a multiple of {rows_out} values: Keras raises at the first batch."
        )
        words = f"Input to reshape is a tensor with {values} values, but the requested shape requires a multiple of {rows_out}"
    elif y is None or (isinstance(y, Const) and y.value is None) or method.startswith("predict"):
        return False  # predict returns the other number of rows
    else:
        made = values // rows_out
        plain = (
            f"`{model.name}.{method}` feeds batches of {first} samples, but {where} turns each "
            f"row of {rows_in} values into rows of {rows_out}: the loss meets {made} predictions "
            f"for {first} labels."
        )
        pair = (first, made) if session.version.major >= 3 else (made, first)
        words = f"Dimensions must be equal, but are {pair[0]} and {pair[1]}"
    session.add(Finding(session.src.span(node), "error", "SS202", plain, words))
    return True


def layer_running(
    session: Session, name: str, class_name: str, call: Callable[[Tensor], Value], span: Span
) -> Layer:
    """A user's layer in a Sequential model, as a layer whose output is its `call` run on the
    shape that reaches it (`call` is keras_subclasses.call_on; its ops' errors are the layer's)."""
    trace = LambdaTrace(session, name, call, [], None, class_name)
    rule = LambdaRule(output=trace.output, trace=trace)
    return Layer(class_name, rule, Args((), [], {}), span, name)
