"""A journal: what one top-level statement read and did, so that it can be replayed (replay.py).

Library models write to the journal of the statement running (`Session.journal`): findings,
hover data, models created or changed (`register`), Keras's automatic name counters.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from .findings import CallInfo, Finding, LayerInfo, Span, SymbolInfo
from .values import COMPILED_FUNCTIONS, Model, Value, contents

InfoKey = tuple[Span, str]


@dataclass(eq=False)
class Journal:
    node: ast.stmt
    replayable: bool = True
    inputs: dict[str, tuple[Any, tuple[int, ...]]] = field(default_factory=dict)
    functions: set[ast.AST] = field(default_factory=set)  # bodies whose names are in inputs
    numpy_alias: tuple[str | None, str | None] = (None, None)  # before, after
    counters: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    calls_used: int = 0
    starts: tuple[int, int, int] = (0, 0, 0)  # call budget, symbols and calls before it ran
    writes: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # offered, before de-duplication
    symbols: list[SymbolInfo] = field(default_factory=list)
    calls: list[CallInfo] = field(default_factory=list)
    infos: list[tuple[InfoKey, LayerInfo, bool]] = field(default_factory=list)
    models: list[Model] = field(default_factory=list)  # registered, in order
    touched: dict[int, Model] = field(default_factory=dict)  # created or changed
    changed: frozenset[int] = frozenset()  # the uids of touched, kept after it is emptied
    holds: dict[str, frozenset[int]] = field(default_factory=dict)  # input -> its models' uids
    after: list[tuple[Model, dict[str, Any]]] = field(default_factory=list)
    invoked: set[ast.AST] = field(default_factory=set)


Restores = dict[int, tuple[Model, dict[str, Any]]]  # model uid -> the state it is to get


def versions(
    value: Any,
    seen: set[int] | None = None,
    traces: bool = True,
    restores: Restores | None = None,
) -> tuple[int, ...]:
    """The versions of the models a value holds: what identity alone cannot see change.
    Without `traces`: only what shapes flowing through the models depend on. A model in
    `restores` counts with the state it is to be given (replay.py restores lazily)."""
    if isinstance(value, Model):
        seen = seen if seen is not None else set()
        if value.uid in seen:  # `model.add(model)`: a model may hold itself
            return ()
        seen.add(value.uid)
        pending = restores.get(value.uid) if restores else None
        state = value.__dict__ if pending is None else pending[1]
        nested = [
            versions(layer, seen, traces, restores)
            for layer in state["layers"]
            if isinstance(layer, Model)
        ]
        # Compiling a function for a model does not bump its version, but changes its behaviour.
        traced = (state["traced"].get(kind, 0) for kind in COMPILED_FUNCTIONS) if traces else ()
        return (state["version"], *traced, *(v for vs in nested for v in vs))
    return tuple(v for item in contents(value) for v in versions(item, seen, traces, restores))


def models_in(value: Any, seen: set[int] | None = None) -> set[int]:
    """The uids of the models whose versions `versions(value)` holds."""
    seen = seen if seen is not None else set()
    if isinstance(value, Model):
        if value.uid not in seen:
            seen.add(value.uid)
            for layer in value.layers:
                if isinstance(layer, Model):
                    models_in(layer, seen)
        return seen
    for item in contents(value):
        models_in(item, seen)
    return seen


def snapshot(model: Model) -> dict[str, Any]:
    return copy_state(model.__dict__)


def copy_state(state: dict[str, Any]) -> dict[str, Any]:
    """A model's fields, with its lists and its build copied (they change in place)."""
    copied = dict(state)
    for name in ("layers", "inputs", "outputs"):
        copied[name] = list(state[name])
    copied["traced"] = dict(state["traced"])
    run = state["built_run"]
    if run is not None:
        copied["built_run"] = run.copy()
    return copied


def restore(restores: Restores) -> None:
    """Give each model the state it is to get (`Interpreter.restores`: noted by replayed
    journals, given before anything reads a model, so a model changed by several replayed
    statements is restored once). A model at that version with those traced
    functions already has it: every change bumps the version (`Session.touch`) but tracing a
    function, which is compared too; so most restores copy nothing."""
    for model, state in restores.values():
        if model.version != state["version"] or model.traced != state["traced"]:
            model.__dict__.update(copy_state(state))
    restores.clear()


def register(journal: Journal | None, value: Value) -> None:
    """Note a model created or about to change, so the journal keeps its state afterwards."""
    if journal is not None and isinstance(value, Model):
        journal.touched[value.uid] = value
