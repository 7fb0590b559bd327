"""Python's expressions: names, literals, containers, operators, subscripts and calls.

Values of a library's kinds (arrays, tensors, models, datasets...) are given to that library's
models (libraries/): its methods, attributes, operators, indexing and calls. A call of a
qualified name reached through imports (`np.zeros`) is the registry's model of that name.
"""

from __future__ import annotations

import ast
import functools
import weakref
from collections.abc import Callable
from typing import Any

from . import silence
from .constant_ops import MAX_POW_BITS, const_binop
from .libraries import MODEL_ERRORS, REGISTRY
from .libraries.registry import InPlace
from .session import HOVERED, Session
from .source import SourceText
from .values import (
    UNKNOWN,
    UNKNOWN_INT,
    BoundMethod,
    Const,
    Function,
    ListOf,
    Mapping,
    Namespace,
    Ref,
    Seq,
    Unknown,
    UserClass,
    Value,
    appended,
    const_int,
    join,
)

MAX_RANGE_EVALUATED = 256  # a comprehension over a range is evaluated once per number
MAX_LIST_ITEMS = (
    4096  # a comprehension longer than this stays unknown (no allocation by user numbers)
)

# list and dict methods that change the container (`append` on a list is followed)
MUTATING_METHODS = frozenset(
    {"extend", "insert", "pop", "remove", "clear", "sort", "reverse"}
    | {"update", "popitem", "setdefault", "__setitem__", "__delitem__"}
)

canonical = REGISTRY.canonical  # how a library spells a module canonically (tf.keras is keras)


# Values are immutable: the same literal or qualified name gets the same value object, which
# saves creating thousands of them per file.
@functools.lru_cache(maxsize=4096, typed=True)  # typed: 1, 1.0 and True stay apart
def _literal(value: object) -> Const:
    return Const(value)


@functools.lru_cache(maxsize=4096)
def _member(name: str, attr: str) -> Value:
    """`name.attr` where `name` is a module or class reached through imports."""
    full = f"{name}.{attr}"
    constant = REGISTRY.constant_of(full)
    return Ref(full) if constant is None else constant


class Env:
    def __init__(self, parent: Env | None = None, names: dict[str, Value] | None = None) -> None:
        self.parent = parent
        self.names: dict[str, Value] = names if names is not None else {}

    def get(self, name: str) -> Value | None:
        env: Env | None = self
        while env is not None:
            if name in env.names:
                return env.names[name]
            env = env.parent
        return None

    def copy(self) -> Env:
        return Env(self.parent, dict(self.names))

    def merge(self, *others: Env) -> None:
        """Join the names of several paths into this env (all copies of the same scope).
        A name missing on one path is unknown."""
        keys = set().union(*(o.names for o in others))
        merged: dict[str, Value] = {}
        for key in keys:
            result = others[0].names.get(key)
            for other in others[1:]:
                value = other.names.get(key)
                if value is None or result is None:
                    result = None
                    break
                if value is not result:
                    result = join(result, value)
            if result is None or (type(result) is Unknown and result.cause is None):
                result = silence.paths_differ(key, [o.names.get(key) for o in others])
            merged[key] = result
        self.names = merged


class Expressions(Session):
    """The evaluation of expressions, over a module's session."""

    # what the generator function being run has yielded so far (None: not in one)
    yielded: list[Value] | None = None

    # --- expressions --------------------------------------------------------------------

    def eval(self, node: ast.expr | None, env: Env) -> Value:
        evaluate = _EXPRESSIONS.get(type(node))  # None too: no expression, no value
        if evaluate is None:
            return UNKNOWN
        try:
            return evaluate(self, node, env)
        except RecursionError:
            return UNKNOWN

    def _constant(self, node: ast.Constant, env: Env) -> Value:
        value = node.value
        if type(value) is str and len(value) > 64:
            return Const(value)  # not worth keeping in the cache
        if type(value) is int and value.bit_length() > MAX_POW_BITS:
            return UNKNOWN  # no shape is that large; and printing it would raise (int-to-str limit)
        return _literal(value)

    def _name(self, node: ast.Name, env: Env) -> Value:
        value = env.get(node.id)
        if value is None:
            return Ref(f"builtins.{node.id}")
        if isinstance(value, HOVERED):
            self.record_symbol(node, value)
        return value

    def _sequence(self, node: ast.Tuple | ast.List, env: Env) -> Value:
        items: list[Value] = []
        for e in node.elts:
            if isinstance(e, ast.Starred):
                inner = self.eval(e.value, env)
                if not isinstance(inner, Seq):
                    return UNKNOWN
                items += inner.items
            else:
                items.append(self.eval(e, env))
        return Seq(tuple(items), isinstance(node, ast.List))

    def _dict(self, node: ast.Dict, env: Env) -> Value:
        values = [self.eval(value, env) for value in node.values]
        keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
        if not all(isinstance(k, str) for k in keys):
            return UNKNOWN  # `**other` or a computed key: the keys are unknown
        return Mapping(tuple(dict(zip(keys, values, strict=True)).items()))  # type: ignore[arg-type]

    def _attribute(self, node: ast.Attribute, env: Env) -> Value:
        return self.attribute(self.eval(node.value, env), node.attr)

    def _binop(self, node: ast.BinOp, env: Env) -> Value:
        return self.binop(self.eval(node.left, env), node.op, self.eval(node.right, env), node)

    def _unaryop(self, node: ast.UnaryOp, env: Env) -> Value:
        operand = self.eval(node.operand, env)
        if (
            isinstance(operand, Const)
            and isinstance(node.op, ast.Not)
            and type(operand.value) in (bool, int, str, type(None))
        ):
            return _literal(not operand.value)
        if (
            isinstance(operand, Const)
            and isinstance(node.op, ast.USub)
            and isinstance(operand.value, (int, float))
        ):
            return Const(-operand.value)
        with_node = REGISTRY.unary_nodes.get(type(operand))
        if with_node is not None:
            return with_node(self, operand, node.op, node)
        unary = REGISTRY.unary.get(type(operand))
        return UNKNOWN if unary is None else unary(operand, node.op)

    def _subscript(self, node: ast.Subscript, env: Env) -> Value:
        return self.subscript(self.eval(node.value, env), node.slice, env, node)

    def _compare(self, node: ast.Compare, env: Env) -> Value:
        left = self.eval(node.left, env)
        if (
            isinstance(left, Const)
            and left.value is None
            and len(node.comparators) == 1
            and isinstance(node.ops[0], (ast.Is, ast.IsNot))
        ):  # `x is None` where x is None for sure: `x is not None` on other constants too
            right = self.eval(node.comparators[0], env)
            if isinstance(right, Const) and right.value is None:
                return _literal(isinstance(node.ops[0], ast.Is))
            return UNKNOWN
        compare = REGISTRY.compare.get(type(left))
        if len(node.comparators) == 1 and compare is not None:
            result = compare(self, left, self.eval(node.comparators[0], env), node)
            if result is not None:
                return result
        for c in node.comparators:
            self.eval(c, env)
        return UNKNOWN

    def _ifexp(self, node: ast.IfExp, env: Env) -> Value:
        self.eval(node.test, env)
        return join(self.eval(node.body, env), self.eval(node.orelse, env))

    def _namedexpr(self, node: ast.NamedExpr, env: Env) -> Value:
        value = self.eval(node.value, env)
        self.bind(node.target, value, env)
        return value

    def _lambda(self, node: ast.Lambda, env: Env) -> Value:
        """A lambda is a function value (libraries call it: `ds.map(lambda x, y: ...)`)."""
        return Function(node, self, env)

    def _yield(self, node: ast.Yield | ast.YieldFrom, env: Env) -> Value:
        """`yield x` in a generator function: x is one of its items; `yield from` gives items
        not followed. Its value (what the caller sends in) is unknown."""
        value = self.eval(node.value, env) if node.value is not None else Const(None)
        if self.yielded is not None:
            self.yielded.append(value if isinstance(node, ast.Yield) else UNKNOWN)
        return UNKNOWN

    def _boolop(self, node: ast.BoolOp, env: Env) -> Value:
        for v in node.values:
            self.eval(v, env)
        return UNKNOWN

    def list_comprehension(self, node: ast.ListComp, env: Env) -> Value:
        """[expr for i in range(a, b)] of known bounds: expr evaluated with each number (up to
        MAX_RANGE_EVALUATED of them; beyond, once with an int not known, all items alike);
        [expr for row in x], x an array of n rows: n copies of expr on one row (every row has
        the same shape, and a value here is no more than a shape)."""
        if len(node.generators) != 1 or node.generators[0].ifs or node.generators[0].is_async:
            return UNKNOWN
        gen = node.generators[0]
        numbers = self._range_numbers(gen.iter, env)
        if numbers is not None and len(numbers) <= MAX_RANGE_EVALUATED:
            return self._each_number(node, gen, env, numbers)
        count = None if numbers is None else len(numbers)  # its bounds evaluated once
        item: Value = UNKNOWN_INT
        if count is None:
            count, item = self._rows(self.eval(gen.iter, env))
        if count is None or count > MAX_LIST_ITEMS:
            return UNKNOWN
        inner = env.copy()
        self.bind(gen.target, item, inner)
        element = self.eval(node.elt, inner)
        if _has_identity(element):
            return UNKNOWN  # `[Dense(8) for _ in range(3)]` makes three layers, not one
        if isinstance(element, Unknown):
            return ListOf(element, count)  # its length is known, its items are not
        return Seq((element,) * count, True)

    def _each_number(
        self, node: ast.ListComp, gen: ast.comprehension, env: Env, numbers: range
    ) -> Value:
        """The list `expr` makes with each number (`signal[i:i + 70]`, `"f%d" % i`)."""
        report, items = self.report, []
        try:
            for number in numbers:
                inner = env.copy()
                self.bind(gen.target, Const(number), inner)
                value = self.eval(node.elt, inner)
                self.report = False  # the first iteration's findings only
                if _has_identity(value):
                    return UNKNOWN  # a layer is made anew each time: one is enough to say so
                if isinstance(value, Unknown):
                    return ListOf(value, len(numbers))  # its length is known, not its items
                items.append(value)
        finally:
            self.report = report
        return Seq(tuple(items), True)

    def _range_numbers(self, node: ast.expr, env: Env) -> range | None:
        """The numbers of `range(...)` with known bounds (None: not such a range)."""
        if not is_range(node, env) or not isinstance(node, ast.Call):
            return None
        bounds = [const_int(self.eval(a, env)) for a in node.args]
        if not 1 <= len(bounds) <= 3 or None in bounds or bounds[2:] == [0]:
            return None
        return range(*bounds)  # type: ignore[arg-type]

    def _rows(self, iterable: Value) -> tuple[int | None, Value]:
        """How many items iterating `iterable` gives, and one of them (when all are alike)."""
        rows = getattr(iterable, "shape", None)
        if type(iterable) not in REGISTRY.elements or not rows or type(rows[0]) is not int:
            return None, UNKNOWN
        return rows[0], self._element_of(iterable)

    def _element_of(self, iterable: Value) -> Value:
        """One item of `for item in iterable` (a list's items joined)."""
        if isinstance(iterable, Seq) and iterable.items:
            result = iterable.items[0]
            for item in iterable.items[1:]:
                result = join(result, item)
            return result
        element = REGISTRY.elements.get(type(iterable))
        return UNKNOWN if element is None else element(iterable)

    def attribute(self, value: Value, attr: str) -> Value:
        if type(value) is Ref:  # `keras.layers`: no instance of a user's class
            return _member(value.name, attr)
        found = self.member(value, attr)
        if found is not None:
            return found
        if isinstance(value, Namespace):
            return value.names.get(attr, UNKNOWN)
        model = REGISTRY.attributes.get(type(value))
        return UNKNOWN if model is None else model(self, value, attr)

    def binop(self, left: Value, op: ast.operator, right: Value, node: ast.AST) -> Value:
        if isinstance(left, Const) and isinstance(right, Const):
            return const_binop(left.value, op, right.value)
        if isinstance(left, Seq) and isinstance(right, Seq) and isinstance(op, ast.Add):
            return Seq(left.items + right.items, left.is_list)
        if (
            isinstance(left, Seq)
            and isinstance(right, Const)
            and isinstance(op, ast.Mult)
            and type(right.value) is int
            and 0 <= right.value <= 64
        ):
            return Seq(left.items * right.value, left.is_list)
        model = REGISTRY.binary.get(type(left)) or REGISTRY.binary.get(type(right))
        return UNKNOWN if model is None else model(self, left, op, right, node)

    def subscript(self, value: Value, index: ast.expr, env: Env, node: ast.Subscript) -> Value:
        if isinstance(value, (Namespace, Mapping)):
            name = self.eval(index, env)
            if isinstance(name, Const) and isinstance(name.value, str):
                names = value.names if isinstance(value, Namespace) else dict(value.items)
                return names.get(name.value, UNKNOWN)
            return UNKNOWN
        if isinstance(value, Seq):
            key = self.eval(index, env) if not isinstance(index, ast.Slice) else None
            if isinstance(key, Const) and type(key.value) is int:
                i = key.value
                return value.items[i] if -len(value.items) <= i < len(value.items) else UNKNOWN
            if isinstance(index, ast.Slice):
                sl = self._slice(index, env)
                if sl is None:
                    return UNKNOWN
                return Seq(value.items[sl], value.is_list)
            return UNKNOWN
        model = REGISTRY.subscripts.get(type(value))
        if model is None:
            return UNKNOWN
        return model(self, value, index, lambda e: self.eval(e, env), lambda s: self._slice(s, env))

    def _slice(self, node: ast.Slice, env: Env) -> slice | None:
        parts: list[int | None] = []
        for part in (node.lower, node.upper, node.step):
            if part is None:
                parts.append(None)
                continue
            v = self.eval(part, env)
            if isinstance(v, Const) and (v.value is None or type(v.value) is int):
                parts.append(v.value)
            else:
                return None
        return slice(*parts)

    # --- calls --------------------------------------------------------------------------

    def call(self, node: ast.Call, env: Env) -> Value:
        func = node.func
        if isinstance(func, ast.Attribute):
            receiver = self.eval(func.value, env)
            if type(receiver) is Ref:  # a library's function (`np.zeros(...)`): most calls
                callee = _member(receiver.name, func.attr)
            else:
                result = self._method_call(receiver, func, node, env)
                if result is not None:
                    return result
                callee = self.attribute(receiver, func.attr)
        else:
            callee = self.eval(func, env)
        if isinstance(callee, Ref):
            return self.call_ref(canonical(callee.name), node, env)
        if isinstance(callee, Function):
            return self.call_function(callee, node, env)
        if isinstance(callee, BoundMethod):
            return self.call_function(callee.function, node, env, callee.receiver)
        if isinstance(callee, UserClass):
            return self.instantiate(callee, node, env)
        called = REGISTRY.calls.get(type(callee))  # a library's value called: `layer(x)`
        args, kwargs = self._eval_args(node, env)
        return UNKNOWN if called is None else called(self, callee, node, args, kwargs)

    def _method_call(
        self, receiver: Value, func: ast.Attribute, node: ast.Call, env: Env
    ) -> Value | None:
        """`receiver.method(...)` of a library's value, or a list's or dict's change; None:
        the method is an attribute like any other (the user's class's, a module's)."""
        methods = REGISTRY.methods.get(type(receiver))
        if self.member(receiver, func.attr) is not None:
            methods = None  # the user's class defines or set it: `self.dense(x)`
        if (
            methods is None
            and isinstance(func.value, ast.Attribute)
            and (func.attr in MUTATING_METHODS or func.attr == "append")
            and _mutable(receiver)
        ):
            item = self.eval(node.args[0], env) if node.args else UNKNOWN
            if self.member_changed(func.value, env, func.attr, item):
                return Const(None) if func.attr == "append" else UNKNOWN
        if methods is not None:  # a library's value: its methods are the library's
            args, kwargs = self._eval_args(node, env)
            method = methods.get(func.attr)
            if method is None:
                return silence.unknown_method(self.src, receiver, node)
            result = method(self, receiver, func.attr, node, args, kwargs)
            if type(result) is Unknown and result.cause is None:  # from its arguments
                result = silence.from_arguments([*args, *kwargs.values()], result)
            if isinstance(result, InPlace):  # e.g. df.drop(..., inplace=True)
                self.changed_in_place(func.value, env, result.after)
                return result.value
            return result
        if (
            (isinstance(receiver, ListOf) or (isinstance(receiver, Seq) and receiver.is_list))
            and func.attr == "append"
            and isinstance(func.value, ast.Name)
        ):
            item = self.eval(node.args[0], env) if node.args else UNKNOWN
            grown = appended(receiver, item, certain=not self.uncertain)
            self.changed_in_place(func.value, env, grown)
            return Const(None)
        if func.attr in MUTATING_METHODS and _mutable(receiver):
            self._eval_args(node, env)
            self.changed_in_place(func.value, env)
            return UNKNOWN
        return None

    def _eval_args(self, node: ast.Call, env: Env) -> tuple[list[Value], dict[str, Value]]:
        args: list[Value] = []
        for a in node.args:
            if isinstance(a, ast.Starred):
                inner = self.eval(a.value, env)
                if isinstance(inner, Seq):
                    args += inner.items
                else:
                    args.append(UNKNOWN)
                    break
            else:
                args.append(self.eval(a, env))
        kwargs: dict[str, Value] = {}
        for kw in node.keywords:
            value = self.eval(kw.value, env)
            if kw.arg is not None:
                kwargs[kw.arg] = value
            else:
                kwargs["**"] = UNKNOWN
        return args, kwargs

    def call_ref(self, name: str, node: ast.Call, env: Env) -> Value:
        """A call of a library's function, by its canonical qualified name."""
        model = REGISTRY.function_model(name)
        args, kwargs = self._eval_args(node, env)
        if model is None:
            return silence.from_call(self.src, name, node, [*args, *kwargs.values()], False)
        try:
            result = model(self, name, node, args, kwargs)
        except MODEL_ERRORS:
            result = UNKNOWN
        if type(result) is Unknown and result.cause is None:  # unknown: say where from
            return silence.from_call(self.src, name, node, [*args, *kwargs.values()], True)
        return result

    # How each kind of expression is evaluated; any other kind is UNKNOWN.

    # --- what statements provide (interpret.py) ------------------------------------------

    def bind(self, target: ast.expr, value: Value, env: Env) -> None:
        raise NotImplementedError

    def changed_in_place(self, node: ast.expr, env: Env, after: Value = UNKNOWN) -> None:
        raise NotImplementedError

    def call_function(
        self, fn: Function, node: ast.Call, env: Env, receiver: Value | None = None
    ) -> Value:
        raise NotImplementedError

    # --- what classes provide (classes.py) ------------------------------------------------

    def member(self, value: Value, attr: str) -> Value | None:
        return None

    def instantiate(self, cls: UserClass, node: ast.Call, env: Env) -> Value:
        raise NotImplementedError

    def member_changed(self, target: ast.Attribute, env: Env, method: str, item: Value) -> bool:
        return False


def is_range(node: ast.expr, env: Env) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "range"
        and env.get("range") is None
    )


_generators: weakref.WeakKeyDictionary[ast.AST, bool] = weakref.WeakKeyDictionary()


def is_generator(
    fn: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda, source: SourceText
) -> bool:
    """A def whose own body (not a nested def's) yields. `source`: the text `fn` was parsed
    from; most defs' text has no `yield` at all, which is much cheaper to see than the tree."""
    if isinstance(fn, ast.Lambda):
        return False
    found = _generators.get(fn)
    if found is None:
        found = _generators[fn] = "yield" in source.statement_text(fn) and _yields(fn)
    return found


def _yields(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    stack: list[ast.AST] = list(fn.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))
    return False


_EXPRESSIONS: dict[type, Callable[[Expressions, Any, Env], Value]] = {
    ast.Constant: Expressions._constant,
    ast.Name: Expressions._name,
    ast.Tuple: Expressions._sequence,
    ast.List: Expressions._sequence,
    ast.Attribute: Expressions._attribute,
    ast.Dict: Expressions._dict,
    ast.Call: Expressions.call,
    ast.BinOp: Expressions._binop,
    ast.UnaryOp: Expressions._unaryop,
    ast.Subscript: Expressions._subscript,
    ast.Compare: Expressions._compare,
    ast.IfExp: Expressions._ifexp,
    ast.NamedExpr: Expressions._namedexpr,
    ast.ListComp: Expressions.list_comprehension,
    ast.BoolOp: Expressions._boolop,
    ast.Lambda: Expressions._lambda,
    ast.Yield: Expressions._yield,
    ast.YieldFrom: Expressions._yield,
}


def _has_identity(value: Value) -> bool:
    """A value each evaluation makes anew (a layer, a model, an instance), unlike a shape."""
    params = getattr(type(value), "__dataclass_params__", None)
    return params is not None and not params.eq


def _mutable(value: Value | None) -> bool:
    """A list, a dict or a library's mutable value (a DataFrame): code can change what it
    holds without rebinding its name."""
    return (
        isinstance(value, (Mapping, ListOf))
        or (isinstance(value, Seq) and value.is_list)
        or type(value) in REGISTRY.mutable
    )
