"""The registry: what the interpreter asks about a library.

A library model is found by the qualified name a call resolves to (`numpy.reshape`,
`keras.layers.Dense`), canonically spelled (`tf.keras` is `keras`): first among the exact names,
then by asking each family registered for a prefix of the name (as mypy asks its plugins for
`get_function_hook(fullname)`). The values those models return have their own models, looked
up by the value's kind: methods (`Array.reshape`, `Model.fit`), attributes (`Array.shape`),
operators, indexing, iteration, and calling the value itself (`layer(x)`).
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..numpy_rules import Undecidable
from ..session import Session
from ..values import UNKNOWN, Value

# name, call node, positional and keyword argument values -> the call's value
FunctionModel = Callable[[Session, str, ast.Call, list[Value], dict[str, Value]], Value]
# receiver, method name, call node, arguments -> the call's value
MethodModel = Callable[[Session, Any, str, ast.Call, list[Value], dict[str, Value]], Value]
# the called value, call node, arguments -> the call's value
CallModel = Callable[[Session, Any, ast.Call, list[Value], dict[str, Value]], Value]
AttributeModel = Callable[[Session, Any, str], Value]
# left, operator, right, node -> the value (the interpreter checked one operand's kind)
BinaryModel = Callable[[Session, Value, ast.operator, Value, ast.AST], Value]
# value, index expression, how the interpreter evaluates an expression and a slice there
SubscriptModel = Callable[
    [Session, Any, ast.expr, Callable[[ast.expr], Value], Callable[[ast.Slice], "slice | None"]],
    Value,
]
UnaryModel = Callable[[Any, ast.unaryop], Value]
# value, operator, node -> the value, for kinds whose operators make graph nodes (`-x`)
SessionUnaryModel = Callable[[Session, Any, ast.unaryop, ast.AST], Value]
CompareModel = Callable[[Session, Any, Value, ast.AST], "Value | None"]
ElementModel = Callable[[Any], Value]  # one element when iterating
# a subclass of a library class, the call that instantiates it -> the new instance
ClassModel = Callable[[Session, Any, ast.Call], Value]
UnpackModel = Callable[[Any, int], "tuple[Value, ...] | None"]  # `a, b = value`
ArrayModel = Callable[[Any], Value]  # np.array(value): the array a library's value makes
# `container[key] = value`: the container afterwards (node: the subscript assigned to)
ItemAssignModel = Callable[[Session, Any, Value, Value, ast.Subscript], Value]
Family = Callable[[str], "FunctionModel | None"]

# What a model may raise on arguments it cannot read: the call's value is then unknown.
MODEL_ERRORS = (Undecidable, TypeError, ValueError, IndexError, OverflowError, KeyError)


@dataclass(frozen=True)
class InPlace(Value):
    """What a method model returns when the call changes its receiver in place (pandas'
    `inplace=True`, `df.pop`): `value` is the call's value; the name the receiver was read
    from holds `after` from then on, and every other name or container holding it is unknown."""

    value: Value
    after: Value = UNKNOWN


class Registry:
    def __init__(self) -> None:
        self._aliases: list[tuple[str, str]] = []
        self._constants: dict[str, Value] = {}
        self._exact: dict[str, FunctionModel] = {}
        self._families: list[tuple[str, Family]] = []
        self._found: dict[str, FunctionModel | None] = {}
        self.classes: dict[str, ClassModel] = {}  # library classes user code may subclass
        self._exports: dict[str, Callable[[], tuple[str, ...]]] = {}
        self.methods: dict[type, dict[str, MethodModel]] = {}
        self.attributes: dict[type, AttributeModel] = {}
        self.calls: dict[type, CallModel] = {}
        self.binary: dict[type, BinaryModel] = {}
        self.unary: dict[type, UnaryModel] = {}
        self.unary_nodes: dict[type, SessionUnaryModel] = {}
        self.compare: dict[type, CompareModel] = {}
        self.subscripts: dict[type, SubscriptModel] = {}
        self.elements: dict[type, ElementModel] = {}
        self.unpacks: dict[type, UnpackModel] = {}
        self.arrays: dict[type, ArrayModel] = {}  # its `__array__` (a PIL image)
        # how Keras's data adapters take it as x or y (a pandas Series: one column)
        self.fed: dict[type, ArrayModel] = {}
        # kinds whose items code can change without rebinding the name (`df["c"] = ...`)
        self.mutable: set[type] = set()
        # what such a change leaves (`df["c"] = ...` adds a column); no entry: unknown
        self.item_assignments: dict[type, ItemAssignModel] = {}

    # --- registering --------------------------------------------------------------------

    def alias(self, spelled: str, canonical: str) -> None:
        """Modules spelled differently by import style but meaning the same thing."""
        self._aliases.append((spelled, canonical))

    def constant(self, name: str, value: Value) -> None:
        """A module attribute that is a plain value (`numpy.newaxis` is None)."""
        self._constants[name] = value

    def function(self, *names: str) -> Callable[[FunctionModel], FunctionModel]:
        def register(model: FunctionModel) -> FunctionModel:
            for name in names:
                self._exact[name] = model
            return model

        return register

    def family(self, prefix: str) -> Callable[[Family], Family]:
        """A hook asked for `prefix` and every name under it (in registration order)."""

        def register(hook: Family) -> Family:
            self._families.append((prefix, hook))
            return hook

        return register

    def kind(self, kind: type) -> None:
        """Values of `kind` belong to a library: a method it has no model of has an unknown
        value (it is never taken for a list's or a dict's method)."""
        self.methods.setdefault(kind, {})

    def exports(self, module: str) -> Callable[[Callable[[], tuple[str, ...]]], object]:
        """The names `from module import *` binds (those the library's models know)."""

        def register(names: Callable[[], tuple[str, ...]]) -> object:
            self._exports[module] = names
            return names

        return register

    def method(self, kind: type, *names: str) -> Callable[[MethodModel], MethodModel]:
        def register(model: MethodModel) -> MethodModel:
            for name in names:
                self.methods.setdefault(kind, {})[name] = model
            return model

        return register

    # --- asking -------------------------------------------------------------------------

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (one registry, alive for the process)
    def canonical(self, name: str) -> str:
        for old, new in self._aliases:
            if name == old or name.startswith(old + "."):
                return new + name[len(old) :]
        return name

    def exported(self, module: str) -> tuple[str, ...]:
        """The names `from module import *` binds that a model knows (canonical module);
        any other name it binds stays unbound, so unknown."""
        names = self._exports.get(module)
        return () if names is None else names()

    def constant_of(self, name: str) -> Value | None:
        return self._constants.get(self.canonical(name))

    def function_model(self, name: str) -> FunctionModel | None:
        """The model of a canonical qualified name, or None: the call's value is unknown."""
        try:
            return self._found[name]
        except KeyError:
            pass
        model = self._exact.get(name)
        if model is None:
            for prefix, hook in self._families:
                if name == prefix or name.startswith(prefix + "."):
                    model = hook(name)
                    if model is not None:
                        break
        self._found[name] = model
        return model


REGISTRY = Registry()
