"""Redoing a top-level statement from a record of what it did, instead of interpreting it again.

While the user types, most top-level statements of a file are unchanged, and so are the values
they read. A `Journal` records, for one top-level statement: the global names it could read
(with the value each held), the interpreter state it consulted (layer-name counters, the numpy
alias, the call budget), and everything it did (names bound, findings, hover data, models built
or changed, Input spans). If the same statement node meets the same inputs again, `replay`
applies those effects; the result is exactly what interpreting it would produce.

Soundness rests on three rules:
- inputs are compared by identity, and models, the only values changed in place, also by a
  version that every change bumps (`Interpreter.touch`); a replay restores a model's state
  (once, before anything reads the model: `Interpreter.restores`);
- anything not captured here (project modules and files, the shared functional graph,
  functions reached other than by name) marks the journal `replayable = False`;
- a statement node is reused only if its text and position are unchanged (`reparse.py`).
`tests/test_incremental.py` holds incremental results equal to fresh ones over edit sequences.
"""

from __future__ import annotations

import ast
import re
import weakref
from typing import Any

from .cancel import Cancelled
from .interpret import MAX_CALLS, Frame, Interpreter
from .journal import Journal, models_in, restore, snapshot, versions
from .source import SourceText
from .values import Function

MISSING: Any = object()  # a name not bound in the module's globals

_BINDERS = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.ExceptHandler,
    ast.MatchAs,
    ast.MatchStar,
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_names_cache: weakref.WeakKeyDictionary[ast.AST, frozenset[str]] = weakref.WeakKeyDictionary()


def names_in(node: ast.AST, source: SourceText | None = None) -> frozenset[str]:
    """Every name a statement or function body could read or bind (a superset is safe).
    From `source`, the text the node was parsed from, when given: every identifier-like word
    of its ASCII text is much cheaper to find than walking the tree."""
    cached = _names_cache.get(node)
    if cached is not None:
        return cached
    result: frozenset[str] | None = None
    if source is not None:
        text = source.statement_text(node)
        if text.isascii():
            result = frozenset(_WORD.findall(text))
    if result is None:
        result = _walk_names(node)
    _names_cache[node] = result
    return result


def _walk_names(node: ast.AST) -> frozenset[str]:
    found: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            found.add(sub.id)
        elif isinstance(sub, ast.alias):
            found.add((sub.asname or sub.name).split(".")[0])
        elif isinstance(sub, _BINDERS) and sub.name:
            found.add(sub.name)
        elif isinstance(sub, ast.MatchMapping) and sub.rest:
            found.add(sub.rest)
    return frozenset(found)


def begin(interp: Interpreter, stmt: ast.stmt) -> Journal:
    journal = Journal(stmt)
    names = interp.globals.names
    pending = list(names_in(stmt, interp.src))
    seen: set[str] = set()
    while pending:  # the statement's names, and those of the functions it can call by name
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        value = names.get(name, MISSING)
        held = versions(value)
        journal.inputs[name] = (value, held)
        if held:  # which models: a change to one of them is looked at (Changes.models)
            journal.holds[name] = frozenset(models_in(value))
        if isinstance(value, Function) and value.node not in journal.functions:
            journal.functions.add(value.node)
            pending.extend(names_in(value.node, interp.src if value.owner is interp else None))
    journal.numpy_alias = (interp.numpy_alias, None)
    journal.starts = (interp.calls_made, len(interp.symbols), len(interp.calls))
    return journal


def finish(interp: Interpreter, journal: Journal) -> None:
    names = interp.globals.names
    own = names_in(journal.node)  # cached by begin()
    for name in own:
        value = names.get(name, MISSING)
        if value is not journal.inputs[name][0]:
            journal.writes[name] = value
    if not journal.invoked <= journal.functions:
        journal.replayable = False  # a function reached through a container or an attribute
    journal.numpy_alias = (journal.numpy_alias[0], interp.numpy_alias)
    calls, symbols, data_calls = journal.starts
    journal.calls_used = interp.calls_made - calls
    journal.symbols = interp.symbols[symbols:]
    journal.calls = interp.calls[data_calls:]
    for key, (before, _) in journal.counters.items():
        counts = interp.layer_counts if key[0] == "layer" else interp.model_counts
        journal.counters[key] = (before, counts[key[1]])
    if journal.replayable:
        journal.after = [(model, snapshot(model)) for model in journal.touched.values()]
    journal.changed = frozenset(journal.touched)
    journal.touched = {}


def run(interp: Interpreter, record: bool) -> None:
    """Interpret the module. With `record`, keep a journal per top-level statement, and
    replay the previous run's journal of any unchanged statement whose inputs are unchanged."""
    if record:
        _run_recorded(interp)
    else:
        interp.exec_block(interp.tree.body, interp.globals, Frame())
    interp.check_uncalled_functions()


def _run_recorded(interp: Interpreter) -> None:
    previous, interp.records = interp.records, {}
    in_order, interp.records_in_order = interp.records_in_order, False
    try:
        _run_statements(interp, previous, Changes(previous if in_order else None))
    except Cancelled:
        # A newer version is coming: keep the journals this run finished and, for the
        # statements it did not finish, the previous run's. Each is checked against its inputs
        # before it is replayed, as always, and replaying restores the models it changed; so
        # the next version stays incremental instead of starting from nothing.
        for key, journal in previous.items():
            interp.records.setdefault(key, journal)
        raise
    interp.records_in_order = True


def _run_statements(interp: Interpreter, previous: dict[int, Journal], changes: Changes) -> None:
    try:
        _run_body(interp, previous, changes)
    finally:
        restore(interp.restores)  # what comes after the statements reads the models


def _run_body(interp: Interpreter, previous: dict[int, Journal], changes: Changes) -> None:
    frame = Frame()
    token, records, found = interp.token, interp.records, previous.get
    for stmt in interp.tree.body:
        if frame.returned:
            return
        if token is not None:
            token.check()
        journal = found(id(stmt))
        if journal is not None and journal.node is not stmt:
            journal = None
        if journal is not None:
            changes.reach(journal)
            if can_replay(interp, journal, MAX_CALLS, changes):
                replay(interp, journal)
                if changes.names and journal.writes:
                    changes.replayed(journal)
                records[id(stmt)] = journal
                continue
            changes.not_replayed(journal)
        restore(interp.restores)  # the statement may read any model
        journal = begin(interp, stmt)
        interp.journal = journal
        try:
            interp.exec_stmt(stmt, interp.globals, frame)
        except RecursionError:
            journal.replayable = False
        finally:
            interp.journal = None
        if frame.returned:
            journal.replayable = False
        finish(interp, journal)
        changes.ran(journal)
        records[id(stmt)] = journal


class Changes:
    """Where this run's state may differ from the previous run's at the same point, so that
    most journals need no look at their inputs.

    The previous run (complete, so its journals are in the order it ran them) met each of its
    journals with the inputs that journal holds: it recorded them then, or checked them. While
    this run replays the same journals in the same order, its state is the previous run's at
    each point, and so are each journal's inputs. What can differ is only what the statements
    it did not replay wrote (`names`: those run instead, and the previous run's journals
    passed over) until a replayed journal writes that name again, and the models those
    statements changed in place (`models`, by uid: an input is looked at if it holds one).
    With no complete previous run, or once a statement that could not be recorded whole ran
    or was passed over (it may have changed names or models its journal does not list),
    `unknown`: every input is looked at.
    tests/test_incremental.py holds the answer equal to the full look."""

    def __init__(self, previous: dict[int, Journal] | None) -> None:
        self.unknown = previous is None
        self.order = list(previous.values()) if previous is not None else []
        self.position = {id(journal): at for at, journal in enumerate(self.order)}
        self.next = 0  # the previous run's journals before it are behind this run
        self.names: set[str] = set()
        self.models: set[int] = set()

    def reach(self, journal: Journal) -> None:
        """This run is at `journal`: the previous run's journals before it were passed over."""
        at = self.position.get(id(journal), -1)
        if at < self.next:  # not in the previous run, or out of its order
            self.unknown = True
            return
        if at > self.next:  # most often the next one: nothing passed over
            for skipped in self.order[self.next : at]:
                self._wrote(skipped)
        self.next = at + 1

    def _wrote(self, journal: Journal) -> None:
        """A journal run now, or passed over: what it wrote may differ from here on."""
        self.names.update(journal.writes)
        self.models.update(journal.changed)
        if not journal.replayable:  # it may have changed what its journal does not say
            self.unknown = True

    def replayed(self, journal: Journal) -> None:
        if self.names and journal.writes:
            self.names.difference_update(journal.writes)  # as the previous run left them

    def not_replayed(self, journal: Journal) -> None:
        self._wrote(journal)

    def ran(self, journal: Journal) -> None:
        """A statement run now: what it bound or deleted, and the models it changed."""
        self._wrote(journal)


def can_replay(
    interp: Interpreter, journal: Journal, max_calls: int, changes: Changes | None = None
) -> bool:
    """Whether `journal` meets the inputs it was recorded with (with `changes`: only those
    that may differ from the previous run's at this point are looked at)."""
    if not journal.replayable or journal.numpy_alias[0] != interp.numpy_alias:
        return False
    if interp.calls_made + journal.calls_used > max_calls:
        return False
    inputs = journal.inputs
    if changes is None or changes.unknown:
        looked_at: Any = inputs
    elif not changes.names and not changes.models:
        looked_at = ()  # the previous run's state here: most statements after an edit
    else:
        looked_at = [name for name in changes.names if name in inputs]
        if changes.models:
            looked_at += [
                name for name, held in journal.holds.items() if not held.isdisjoint(changes.models)
            ]
    if looked_at:
        names, restores = interp.globals.names, interp.restores
        for name in looked_at:
            value, held = inputs[name]
            current = names.get(name, MISSING)
            if current is not value or (held and versions(current, restores=restores) != held):
                return False
    if journal.counters:
        for (kind, base), (before, _) in journal.counters.items():
            counts = interp.layer_counts if kind == "layer" else interp.model_counts
            if counts.get(base, 0) != before:
                return False
    return True


def replay(interp: Interpreter, journal: Journal) -> None:
    # Most journals hold a few of these effects: each kind is looked at only if it has any.
    if journal.writes:
        names = interp.globals.names
        for name, value in journal.writes.items():
            if value is MISSING:
                names.pop(name, None)
            else:
                names[name] = value
    if journal.findings:
        for finding in journal.findings:
            interp.keep(finding)
    if journal.symbols:
        interp.symbols += journal.symbols
    if journal.calls:
        interp.calls += journal.calls
    if journal.infos:
        interp.keep_layer_infos(journal.infos)
    if journal.models:
        for model in journal.models:
            interp.models[model.uid] = model
    if journal.counters:
        for (kind, base), (_, after) in journal.counters.items():
            (interp.layer_counts if kind == "layer" else interp.model_counts)[base] = after
    interp.numpy_alias = journal.numpy_alias[1]
    interp.calls_made += journal.calls_used
    if journal.invoked:
        interp.analysed_functions.update(id(node) for node in journal.invoked)
    if journal.after:
        restores = interp.restores
        for model, state in journal.after:  # given before a model is read: restore()
            restores[model.uid] = (model, state)
