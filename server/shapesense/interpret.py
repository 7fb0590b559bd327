"""The abstract interpreter: walks a module's statements and keeps an environment of values.

Flow-sensitive in straight-line code; branches join to what both paths agree on; loops are
run twice (the second time from the join of entry and first pass), so a value that changes
per iteration is unknown. User functions are evaluated at their call sites up to a small
depth. Nothing from the user's code is ever imported or executed.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import itertools
import math
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import numpy_rules as npr
from . import replay
from .cancel import Token
from .findings import Finding, LayerInfo, ModelSummary, Span, SymbolInfo
from .keras import datasets
from .keras.graph import LayerFailure, Run
from .keras.layers import MERGE_FUNCTIONS, Args, canonical_name, snake_case
from .keras.versions import KerasVersion
from .replay import Journal
from .resolve import LIBRARIES, Resolver
from .shapes import fmt, numel, size
from .source import SourceText
from .values import (
    UNKNOWN,
    Array,
    Const,
    Dataset,
    Function,
    Layer,
    Mapping,
    Model,
    Namespace,
    Ref,
    Seq,
    Tensor,
    Unknown,
    Value,
    as_array_shape,
    const_int,
    contents,
    dim_value,
    join,
    to_python,
)

_versions = itertools.count(1)  # model versions: never reused, so a stale one never matches

MAX_CALL_DEPTH = 4
MAX_CALLS = 400  # function evaluations per analysis: bounds time on recursive or huge code
MAX_LOOP_NESTING = 3
MAX_POW_BITS = 256
MAX_MODULES = 16  # project modules followed per analysis
MAX_LIST_ITEMS = (
    4096  # a comprehension longer than this stays unknown (no allocation by user numbers)
)

# Modules whose public names are spelled differently by import style but mean the same thing.
_PREFIXES = (
    ("tensorflow.python.keras", "keras"),
    ("tensorflow.compat.v2.keras", "keras"),
    ("tensorflow.compat.v1.keras", "keras"),
    ("tensorflow.keras", "keras"),
    ("tf_keras", "keras"),
    ("keras.api._v2.keras", "keras"),
    ("keras.src", "keras"),
)

INT_DTYPES = ("int", "uint", "bool")
# list and dict methods that change the container (`append` on a list is followed)
MUTATING_METHODS = frozenset(
    {"extend", "insert", "pop", "remove", "clear", "sort", "reverse"}
    | {"update", "popitem", "setdefault", "__setitem__", "__delitem__"}
)


@functools.lru_cache(maxsize=4096)
def canonical(name: str) -> str:
    for old, new in _PREFIXES:
        if name == old or name.startswith(old + "."):
            return new + name[len(old) :]
    return name


# Values are immutable: the same literal or qualified name gets the same value object, which
# saves creating thousands of them per file.
@functools.lru_cache(maxsize=4096, typed=True)  # typed: 1, 1.0 and True stay apart
def _literal(value: object) -> Const:
    return Const(value)


@functools.lru_cache(maxsize=4096)
def _member(name: str, attr: str) -> Value:
    """`name.attr` where `name` is a module or class reached through imports."""
    full = f"{name}.{attr}"
    return Const(None) if canonical(full) == "numpy.newaxis" else Ref(full)


RefHandler = Callable[[str, ast.Call, list[Value], dict[str, Value]], Value]


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
            merged[key] = UNKNOWN if result is None else result
        self.names = merged


class _Return(Exception):
    pass


@dataclass
class Frame:
    returns: list[Value] = field(default_factory=list)
    returned: bool = False


class Interpreter:
    def __init__(
        self,
        source: SourceText,
        tree: ast.Module,
        version: KerasVersion,
        resolver: Resolver | None = None,
        modules: dict[str, Namespace | None] | None = None,
    ) -> None:
        self.version = version
        self._resolver = resolver
        self.modules: dict[str, Namespace | None] = (
            modules if modules is not None else {}
        )  # shared by all modules of one analysis
        self.foreign = False  # analysing a module imported by the file the user is looking at
        self._handlers: dict[str, RefHandler | None] = {}  # by qualified name, see _ref_handler
        self.report = True
        self.uncertain = 0
        self.loop_nesting = 0
        self.depth = 0
        self.callers: list[Env] = []  # the envs of the calls being evaluated, innermost last
        self.journal: Journal | None = None  # the top-level statement being recorded
        self.records: dict[int, Journal] = {}  # statement node id -> its journal (last run)
        self.token: Token | None = None  # checked before each statement: see cancel.py
        from .checks import Checker  # local: checks imports interpreter types only

        self.checker = Checker(self)
        self._start(source, tree)

    def restart(self, source: SourceText, tree: ast.Module) -> None:
        """Forget the previous run's results, for a new version of the text (its journals
        stay in `records`, to be replayed)."""
        for child in self.children:
            child.dispose()
        self.modules.clear()
        self._start(source, tree)

    def _start(self, source: SourceText, tree: ast.Module) -> None:
        self.src = source
        self.tree = tree
        self.children: list[Interpreter] = []  # interpreters of imported project modules
        self.files_read: set[str] = set()  # project files read; shared with the children
        self.findings: list[Finding] = []
        self.layer_infos: dict[tuple[Span, str], LayerInfo] = {}
        self.symbols: list[SymbolInfo] = []
        self.calls: list[SymbolInfo] = []
        self.models: dict[int, Model] = {}
        self.calls_made = 0
        self.layer_counts: dict[str, int] = {}
        self.model_counts: dict[str, int] = {}
        self._functional_run = Run(self.version)
        self.globals = Env()
        self.analysed_functions: set[int] = set()
        self.numpy_alias: str | None = None
        self.checker.start(source)

    @property
    def resolver(self) -> Resolver | None:
        """The project's files: what they say is not recorded, so a statement asking is redone."""
        if self._resolver is not None:
            self.not_replayable()
        return self._resolver

    @property
    def functional_run(self) -> Run:
        """The functional graph built so far: shared by statements, so a statement using it is redone."""
        self.not_replayable()
        return self._functional_run

    def not_replayable(self) -> None:
        if self.journal is not None:
            self.journal.replayable = False

    def touch(self, model: Model) -> None:
        """Call before changing a model in place (or on creating it): replay.py relies on it."""
        model.version = next(_versions)
        replay.register(self.journal, model)

    # --- driver -------------------------------------------------------------------------

    def run(self, record: bool = False) -> None:
        """Interpret the module. With `record`, keep a journal per top-level statement, and
        replay the previous run's journal of any unchanged statement whose inputs are unchanged."""
        if record:
            self._run_recorded()
        else:
            self.exec_block(self.tree.body, self.globals, Frame())
        # Functions never called at module level still get checked, with unknown arguments.
        for node in (d for stmt in self.tree.body for d in _function_defs_in(stmt)):
            if id(node) not in self.analysed_functions:
                self.analysed_functions.add(id(node))
                env = Env(self.globals)
                for arg in self._all_params(node):
                    env.names[arg] = UNKNOWN
                self.depth += 1
                try:
                    self.exec_block(node.body, env, Frame())
                finally:
                    self.depth -= 1

    def _run_recorded(self) -> None:
        previous, self.records = self.records, {}
        frame = Frame()
        for stmt in self.tree.body:
            if frame.returned:
                return
            if self.token is not None:
                self.token.check()
            journal = previous.get(id(stmt))
            if (
                journal is not None
                and journal.node is stmt
                and replay.can_replay(self, journal, MAX_CALLS)
            ):
                replay.replay(self, journal)
                self.records[id(stmt)] = journal
                continue
            journal = replay.begin(self, stmt)
            self.journal = journal
            try:
                self.exec_stmt(stmt, self.globals, frame)
            except RecursionError:
                journal.replayable = False
            finally:
                self.journal = None
            if frame.returned:
                journal.replayable = False
            replay.finish(self, journal)
            self.records[id(stmt)] = journal

    def dispose(self) -> None:
        """Break the reference cycles (functions hold their interpreter; checker and interpreter
        hold each other), so an analysis is freed at once, not at the next full GC."""
        for child in self.children:
            child.dispose()
        self.children.clear()
        for module in self.modules.values():
            if module is not None:
                module.names.clear()
        self.modules.clear()
        self.globals.names.clear()
        self.layer_infos.clear()
        self.models.clear()
        self.records.clear()
        self._handlers.clear()
        self._functional_run = Run(self.version)
        self.checker.interp = None  # type: ignore[assignment]

    def summaries(self) -> list[ModelSummary]:
        by_model: dict[Span | None, list[LayerInfo]] = {}  # by model identity, not by name
        for info in self.layer_infos.values():
            if info.model:
                by_model.setdefault(info.model_span, []).append(info)
        out = []
        for info_model in self.models.values():
            infos = by_model.get(info_model.span)
            if not infos:
                continue
            rows = tuple(
                (i.name, i.class_name, i.output_shape, "?" if i.params is None else str(i.params))
                for i in infos
            )
            total: int | None = 0
            for info in infos:
                total = None if info.params is None or total is None else total + info.params
            out.append(ModelSummary(info_model.span, info_model.name, rows, total))
        return out

    # --- statements ---------------------------------------------------------------------

    def exec_block(self, body: list[ast.stmt], env: Env, frame: Frame) -> None:
        for stmt in body:
            if frame.returned:
                return
            if self.token is not None:
                self.token.check()
            try:
                self.exec_stmt(stmt, env, frame)
            except RecursionError:
                continue

    def exec_stmt(self, stmt: ast.stmt, env: Env, frame: Frame) -> None:
        if isinstance(stmt, ast.Assign):
            value = self.eval(stmt.value, env)
            for target in stmt.targets:
                self.bind(target, value, env)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self.bind(stmt.target, self.eval(stmt.value, env), env)
        elif isinstance(stmt, ast.AugAssign):
            current = self.eval(stmt.target, env)
            value = self.binop(current, stmt.op, self.eval(stmt.value, env), stmt)
            self.bind(stmt.target, value, env)
        elif isinstance(stmt, ast.Expr):
            self.eval(stmt.value, env)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            self.exec_import(stmt, env)
        elif isinstance(stmt, ast.If):
            self.exec_if(stmt, env, frame)
        elif isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            self.exec_loop(stmt, env, frame)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                self.eval(item.context_expr, env)
                if item.optional_vars is not None:
                    self.bind(item.optional_vars, UNKNOWN, env)
            self.exec_block(stmt.body, env, frame)
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            self.exec_try(stmt, env, frame)  # type: ignore[arg-type]
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            env.names[stmt.name] = Function(stmt, self)
        elif isinstance(stmt, ast.ClassDef):
            env.names[stmt.name] = UNKNOWN
        elif isinstance(stmt, ast.Return):
            frame.returns.append(self.eval(stmt.value, env) if stmt.value else Const(None))
            frame.returned = True
        elif isinstance(stmt, ast.Match):
            branches = []
            for case in stmt.cases:
                branch = env.copy()
                self.uncertain += 1
                try:
                    self.exec_block(case.body, branch, frame)
                finally:
                    self.uncertain -= 1
                branches.append(branch)
            env.merge(env.copy(), *branches)
        elif isinstance(stmt, ast.Delete):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    env.names.pop(target.id, None)
                elif isinstance(target, ast.Subscript):
                    self.changed_in_place(target.value, env)

    def exec_if(self, stmt: ast.If, env: Env, frame: Frame) -> None:
        test = self._static_truth(stmt.test, env)
        if test is True:
            self.exec_block(stmt.body, env, frame)
            return
        if test is False:
            self.exec_block(stmt.orelse, env, frame)
            return
        self.eval(stmt.test, env)
        then_env, else_env = env.copy(), env.copy()
        then_frame, else_frame = Frame(), Frame()
        self.uncertain += 1
        try:
            self.exec_block(stmt.body, then_env, then_frame)
            self.exec_block(stmt.orelse, else_env, else_frame)
        finally:
            self.uncertain -= 1
        frame.returns += then_frame.returns + else_frame.returns
        live = [e for e, f in ((then_env, then_frame), (else_env, else_frame)) if not f.returned]
        if not live:
            frame.returned = True
            return
        env.merge(*live)

    def _static_truth(self, test: ast.expr, env: Env) -> bool | None:
        # `if __name__ == "__main__":` runs in the scripts people check.
        if (
            isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name)
            and test.left.id == "__name__"
            and len(test.comparators) == 1
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == "__main__"
            and isinstance(test.ops[0], ast.Eq)
        ):
            return True
        if isinstance(test, ast.Constant) and isinstance(test.value, (bool, int)):
            return bool(test.value)
        return None

    def exec_loop(self, stmt: ast.For | ast.AsyncFor | ast.While, env: Env, frame: Frame) -> None:
        if isinstance(stmt, ast.While):
            self.eval(stmt.test, env)
        else:
            self.eval(stmt.iter, env)
        self.uncertain += 1
        self.loop_nesting += 1
        try:
            if self.loop_nesting > MAX_LOOP_NESTING:
                # Too deep to iterate: everything the body assigns is unknown, nothing reported.
                for name in _assigned_names(stmt):
                    env.names[name] = UNKNOWN
                return
            report = self.report
            entry = env.copy()
            first = env.copy()
            self.report = False
            self._loop_body(stmt, first, Frame())
            self.report = report
            head = entry.copy()
            head.merge(entry, first)
            second = head.copy()
            inner = Frame()
            self._loop_body(stmt, second, inner)
            frame.returns += inner.returns
            after = head.copy()
            after.merge(head, second)
            if stmt.orelse:
                self.exec_block(stmt.orelse, after, frame)
            env.names = after.names
        finally:
            self.uncertain -= 1
            self.loop_nesting -= 1

    def _loop_body(self, stmt: ast.For | ast.AsyncFor | ast.While, env: Env, frame: Frame) -> None:
        if not isinstance(stmt, ast.While):
            self.bind(stmt.target, self._element_of(self.eval(stmt.iter, env)), env)
        self.exec_block(stmt.body, env, frame)

    def _element_of(self, iterable: Value) -> Value:
        if isinstance(iterable, Seq) and iterable.items:
            result = iterable.items[0]
            for item in iterable.items[1:]:
                result = join(result, item)
            return result
        if isinstance(iterable, Array) and len(iterable.shape) > 1:
            return iterable.step(iterable.shape[1:], "one row")
        return UNKNOWN

    def exec_try(self, stmt: ast.Try, env: Env, frame: Frame) -> None:
        entry = env.copy()
        body = env.copy()
        self.exec_block(stmt.body, body, frame)
        self.exec_block(stmt.orelse, body, frame)
        paths = [body]
        self.uncertain += 1
        try:
            for handler in stmt.handlers:
                path = entry.copy()
                path.merge(entry, body)
                if handler.name:
                    path.names[handler.name] = UNKNOWN
                self.exec_block(handler.body, path, Frame())
                paths.append(path)
        finally:
            self.uncertain -= 1
        if len(paths) > 1:
            env.merge(*paths)
        else:
            env.names = body.names
        self.exec_block(stmt.finalbody, env, frame)

    def exec_import(self, stmt: ast.Import | ast.ImportFrom, env: Env) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                project = (
                    self.project_module(alias.name, 0)
                    if alias.asname or "." not in alias.name
                    else None
                )
                if project is not None:
                    env.names[alias.asname or alias.name] = project
                elif alias.asname:
                    env.names[alias.asname] = Ref(alias.name)
                else:
                    top = alias.name.split(".")[0]
                    env.names[top] = Ref(top)
                if canonical(alias.name) == "numpy":
                    self.numpy_alias = alias.asname or "numpy"
            return
        module = stmt.module or ""
        project = self.project_module(module, stmt.level)
        for alias in stmt.names:
            if alias.name == "*":
                if project is not None:
                    env.names.update(
                        {k: v for k, v in project.names.items() if not k.startswith("_")}
                    )
                continue
            if project is not None:
                env.names[alias.asname or alias.name] = project.names.get(alias.name, UNKNOWN)
            elif stmt.level:
                env.names[alias.asname or alias.name] = UNKNOWN
            else:
                env.names[alias.asname or alias.name] = Ref(f"{module}.{alias.name}")

    def project_module(self, module: str, level: int) -> Namespace | None:
        """The globals of a project module, analysed statically (cached; cycles and count bounded)."""
        if self._resolver is None:
            return None
        if level or module.split(".")[0] not in LIBRARIES:
            self.not_replayable()  # the answer depends on the project's files
        key = f"{'.' * level}{module}@{id(self._resolver)}"
        if key in self.modules:
            return self.modules[key]
        if sum(1 for v in self.modules.values() if v is not None) >= MAX_MODULES:
            return None
        self.modules[key] = None  # a cycle back to here sees nothing
        found = self._resolver.module_source(module, level)
        if found is None:
            return None
        path, text = found
        self.files_read.add(path)
        source = SourceText(text)
        parsed = source.parse()
        sub = Interpreter(
            source, parsed.tree, self.version, self._resolver.nested(path), self.modules
        )
        sub.files_read = self.files_read
        sub.foreign = True
        sub.report = False
        sub.depth = self.depth + 1
        with contextlib.suppress(RecursionError):
            sub.exec_block(parsed.tree.body, sub.globals, Frame())
        namespace = Namespace(dict(sub.globals.names), module)
        self.modules[key] = namespace
        self.children.append(sub)
        return namespace

    def bind(self, target: ast.expr, value: Value, env: Env) -> None:
        if isinstance(target, ast.Name):
            env.names[target.id] = value
            self.record_symbol(target, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            starred = [i for i, t in enumerate(target.elts) if isinstance(t, ast.Starred)]
            items: tuple[Value, ...] | None = None
            if isinstance(value, Seq):
                items = value.items
            elif (
                isinstance(value, Array)
                and value.shape
                and value.shape[0] == len(target.elts)
                and not starred
            ):
                items = tuple(value.step(value.shape[1:], "unpacked") for _ in target.elts)
            for i, elt in enumerate(target.elts):
                if isinstance(elt, ast.Starred):
                    self.bind(elt.value, UNKNOWN, env)
                elif items is not None and not starred and len(items) == len(target.elts):
                    self.bind(elt, items[i], env)
                else:
                    self.bind(elt, UNKNOWN, env)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, UNKNOWN, env)
        elif isinstance(target, ast.Subscript):
            self.changed_in_place(target.value, env)
        # Attribute targets (self.x = ...) and array items (X[0] = ...) change no shape we track.

    def changed_in_place(self, node: ast.expr, env: Env, after: Value = UNKNOWN) -> None:
        """`xs[1] = ...`, `del d["a"]`, `xs.append(x)`: a list or dict changes. Every name
        that holds it (the callers' too) holds `after` from here on; a list or dict that holds
        it is unknown."""
        if not isinstance(node, ast.Name):
            return
        container = env.get(node.id)
        if container is None or not _mutable(container):
            return
        for innermost in (env, *self.callers):
            scope: Env | None = innermost
            while scope is not None:
                for name in [n for n, value in scope.names.items() if _holds(value, container)]:
                    scope.names[name] = after if scope.names[name] is container else UNKNOWN
                    if name != node.id or self.callers:
                        # A name this statement does not show changed: its journal cannot say.
                        self.not_replayable()
                scope = scope.parent

    # --- hover and inlay data -----------------------------------------------------------

    def record_symbol(self, node: ast.Name, value: Value) -> None:
        if not self.report:
            return
        if isinstance(value, Array):
            desc = value.describe()
            trace = value.trace
        elif isinstance(value, Tensor) and value.shape is not None:
            desc, trace = f"KerasTensor{fmt(value.shape)}", ()
        elif isinstance(value, Model):
            desc, trace = f"{value.kind} model '{value.name}'", ()
        else:
            return
        self.symbols.append(SymbolInfo(self.src.span(node), node.id, desc, trace))

    def record_run(
        self,
        run: Run,
        model: str,
        built_from: str,
        first: int = 0,
        model_span: Span | None = None,
    ) -> None:
        """Hover data for the layers of `run`, from its step `first` on."""
        if not self.report:
            return
        for index, step in enumerate(run.steps[first:], first):
            if step.layer.foreign:
                continue
            if self.journal is None and not self._wants_layer_info((step.layer.span, model)):
                continue  # most runs repeat a layer already described (fit after compile)
            info = LayerInfo(
                span=step.layer.span,
                class_name=step.layer.class_name,
                name=step.layer.name,
                model=model,
                position=index,
                input_shape=_fmt_out(step.input_shape),
                output_shape=_fmt_out(step.output_shape),
                params=step.params,
                built_from=built_from,
                model_span=model_span,
            )
            self.keep_layer_info((info.span, model), info, replace_unknown=True)

    def record_input(
        self, tensor: Tensor, model: str, span: Span | None, model_span: Span | None = None
    ) -> None:
        if not self.report or span is None or tensor.shape is None:
            return
        info = LayerInfo(
            span,
            "InputLayer",
            "input_layer",
            model,
            0,
            fmt(tensor.shape),
            fmt(tensor.shape),
            0,
            "Input(shape=...)",
            model_span,
        )
        self.keep_layer_info((span, model), info, replace_unknown=False)

    def keep_layer_info(
        self, key: tuple[Span, str], info: LayerInfo, replace_unknown: bool
    ) -> None:
        """The first information on a layer in a model stays, unless it knew no shapes."""
        if self.journal is not None:
            self.journal.infos.append((key, info, replace_unknown))
        if key not in self.layer_infos or (replace_unknown and self._wants_layer_info(key)):
            self.layer_infos[key] = info

    def _wants_layer_info(self, key: tuple[Span, str]) -> bool:
        """True unless the layer's info is known and knows its output shape."""
        known = self.layer_infos.get(key)
        return known is None or known.output_shape in ("?", "(?)")

    # --- expressions --------------------------------------------------------------------

    def eval(self, node: ast.expr | None, env: Env) -> Value:
        if node is None:
            return UNKNOWN
        try:
            return self._eval(node, env)
        except RecursionError:
            return UNKNOWN

    def _eval(self, node: ast.expr, env: Env) -> Value:
        evaluate = _EXPRESSIONS.get(type(node))
        return UNKNOWN if evaluate is None else evaluate(self, node, env)

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
        if isinstance(value, (Array, Tensor, Model)):
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
            and isinstance(node.op, ast.USub)
            and isinstance(operand.value, (int, float))
        ):
            return Const(-operand.value)
        if isinstance(operand, Array) and isinstance(node.op, (ast.USub, ast.UAdd, ast.Invert)):
            return operand
        return UNKNOWN

    def _subscript(self, node: ast.Subscript, env: Env) -> Value:
        return self.subscript(self.eval(node.value, env), node.slice, env, node)

    def _compare(self, node: ast.Compare, env: Env) -> Value:
        left = self.eval(node.left, env)
        if len(node.comparators) == 1 and isinstance(left, Array):
            right = self.eval(node.comparators[0], env)
            result = self.binop(left, ast.Add(), right, node)
            if isinstance(result, Array):
                return Array(result.shape, "bool", result.trace, result.origin)
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

    def _boolop(self, node: ast.BoolOp, env: Env) -> Value:
        for v in node.values:
            self.eval(v, env)
        return UNKNOWN

    def list_comprehension(self, node: ast.ListComp, env: Env) -> Value:
        """[expr for _ in range(n)]: n copies of one value, when expr does not depend on the loop."""
        if len(node.generators) != 1 or node.generators[0].ifs or node.generators[0].is_async:
            return UNKNOWN
        gen = node.generators[0]
        count = self._range_length(gen.iter, env)
        if count is None or count > MAX_LIST_ITEMS:
            return UNKNOWN
        inner = env.copy()
        self.bind(gen.target, UNKNOWN, inner)
        element = self.eval(node.elt, inner)
        if isinstance(element, Unknown):
            return UNKNOWN
        return Seq((element,) * count, True)

    def _range_length(self, node: ast.expr, env: Env) -> int | None:
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "range"
            and env.get("range") is None
        ):
            return None
        bounds = [const_int(self.eval(a, env)) for a in node.args]
        if not bounds or len(bounds) > 3 or any(b is None for b in bounds):
            return None
        return len(range(*bounds))  # type: ignore[arg-type]

    def attribute(self, value: Value, attr: str) -> Value:
        if isinstance(value, Namespace):
            return value.names.get(attr, UNKNOWN)
        if isinstance(value, Ref):
            return _member(value.name, attr)
        if isinstance(value, Array):
            shape = value.shape
            if attr == "shape":
                return Seq(tuple(UNKNOWN if d is None else Const(d) for d in shape))
            if attr == "ndim":
                return Const(len(shape))
            if attr == "size":
                n = numel(shape)
                return UNKNOWN if n is None else Const(n)
            if attr == "T":
                return value.step(tuple(reversed(shape)), ".T")
            if attr == "dtype":
                return Const(value.dtype) if value.dtype else UNKNOWN
            return UNKNOWN
        if isinstance(value, Tensor) and attr == "shape" and value.shape is not None:
            return Seq(tuple(dim_value(d) for d in value.shape))
        if isinstance(value, Model):
            return self.model_attribute(value, attr)
        return UNKNOWN

    def model_attribute(self, model: Model, attr: str) -> Value:
        if model.opaque:
            return UNKNOWN
        if (
            attr == "input_shape"
            and model.declared_input is not None
            and model.kind == "sequential"
        ):
            return Seq(tuple(dim_value(d) for d in model.declared_input))
        if attr == "output_shape" and isinstance(model.output_shape, tuple):
            return Seq(tuple(dim_value(d) for d in model.output_shape))
        return UNKNOWN

    def binop(self, left: Value, op: ast.operator, right: Value, node: ast.AST) -> Value:
        if isinstance(left, Const) and isinstance(right, Const):
            return _const_binop(left.value, op, right.value)
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
        arrays = [v for v in (left, right) if isinstance(v, Array)]
        if not arrays:
            return UNKNOWN
        others = [v for v in (left, right) if not isinstance(v, Array)]
        if any(
            not (isinstance(o, Const) and isinstance(o.value, (int, float, bool))) for o in others
        ):
            return UNKNOWN
        base = arrays[0]
        if isinstance(op, ast.MatMult):
            if len(arrays) != 2:
                return UNKNOWN
            try:
                return base.step(npr.matmul(arrays[0].shape, arrays[1].shape), "@")
            except (npr.NumpyError, npr.Undecidable):
                return UNKNOWN
        try:
            shape = npr.broadcast(*(a.shape for a in arrays))
        except npr.NumpyError:
            return UNKNOWN
        dtype = base.dtype
        if isinstance(op, ast.Div) or any(
            isinstance(o, Const) and isinstance(o.value, float) for o in others
        ):
            dtype = "float64" if not (dtype or "").startswith("float") else dtype
        what = _op_text(op, others[0]) if others else f"{_OP_SYMBOL.get(type(op), '?')} array"
        if shape == base.shape and others:
            return Array(shape, dtype, base.trace, base.origin)
        return base.step(shape, what, dtype)

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
        if isinstance(value, Array):
            key_obj = self._index_key(index, env, value)
            if key_obj is UNKNOWN:
                return UNKNOWN
            if isinstance(key_obj, _RowSelection):
                return value.step(
                    (key_obj.rows, *value.shape[1:]), f"[{self.src.segment(index, 30)}]"
                )
            try:
                shape = npr.index(value.shape, key_obj)
            except (npr.NumpyError, npr.Undecidable):
                return self._index_unknown_rows(value, key_obj, index)
            return value.step(shape, f"[{self.src.segment(index, 30)}]")
        return UNKNOWN

    def _index_unknown_rows(self, value: Array, key: object, index: ast.expr) -> Value:
        """x[:, :10] on an array whose row count is unknown: ask numpy with rows = 1 and keep None."""
        if value.shape and value.shape[0] is None and all(d is not None for d in value.shape[1:]):
            first = key[0] if isinstance(key, tuple) and key else key
            if isinstance(first, slice) and first == slice(None):
                try:
                    shape = npr.index((1, *value.shape[1:]), key)
                except (npr.NumpyError, npr.Undecidable):
                    return UNKNOWN
                return value.step((None, *shape[1:]), f"[{self.src.segment(index, 30)}]")
        return UNKNOWN

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

    def _index_key(self, node: ast.expr, env: Env, array: Array) -> object:
        if isinstance(node, ast.Slice):
            sl = self._slice(node, env)
            return UNKNOWN if sl is None else sl
        if isinstance(node, ast.Tuple):
            keys = [self._index_key(e, env, array) for e in node.elts]
            if any(k is UNKNOWN or isinstance(k, _RowSelection) for k in keys):
                return UNKNOWN
            return tuple(keys)
        value = self.eval(node, env)
        if isinstance(value, Const) and (
            value.value is None or value.value is Ellipsis or type(value.value) is int
        ):
            return value.value
        if isinstance(value, Array) and len(value.shape) == 1:
            if value.dtype == "bool":
                return _RowSelection(None)
            if value.dtype and value.dtype.startswith(INT_DTYPES[:2]):
                return _RowSelection(size(value.shape[0]))
        return UNKNOWN

    # --- calls --------------------------------------------------------------------------

    def call(self, node: ast.Call, env: Env) -> Value:
        func = node.func
        if isinstance(func, ast.Attribute):
            receiver = self.eval(func.value, env)
            if isinstance(receiver, Array):
                return self.array_method(receiver, func.attr, node, env)
            if isinstance(receiver, Model):
                return self.checker.model_method(receiver, func.attr, node, env)
            if isinstance(receiver, Dataset):
                return self.dataset_method(receiver, func.attr, node, env)
            if (
                isinstance(receiver, Seq)
                and receiver.is_list
                and func.attr == "append"
                and isinstance(func.value, ast.Name)
            ):
                item = self.eval(node.args[0], env) if node.args else UNKNOWN
                appended = Seq((*receiver.items, item), True) if not self.uncertain else UNKNOWN
                self.changed_in_place(func.value, env, appended)
                return Const(None)
            if func.attr in MUTATING_METHODS and _mutable(receiver):
                self._eval_args(node, env)
                self.changed_in_place(func.value, env)
                return UNKNOWN
            callee = self.attribute(receiver, func.attr)
        else:
            callee = self.eval(func, env)
        if isinstance(callee, Ref):
            return self.call_ref(canonical(callee.name), node, env)
        if isinstance(callee, Function):
            return self.call_function(callee, node, env)
        if isinstance(callee, Layer):
            return self.call_layer(callee, node, env)
        if isinstance(callee, Model):
            return self.call_model(callee, node, env)
        self._eval_args(node, env)
        return UNKNOWN

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

    def call_function(self, fn: Function, node: ast.Call, env: Env) -> Value:
        args, kwargs = self._eval_args(node, env)
        owner: Interpreter = fn.owner if isinstance(fn.owner, Interpreter) else self
        if owner is not self:
            self.not_replayable()
        self.callers.append(env)
        try:
            return owner.invoke(fn, args, kwargs, self.depth)
        finally:
            self.callers.pop()

    def invoke(
        self, fn: Function, args: list[Value], kwargs: dict[str, Value], caller_depth: int
    ) -> Value:
        """Run a function of this module with argument values (positions stay this module's)."""
        self.analysed_functions.add(id(fn.node))
        if self.journal is not None:
            self.journal.invoked.add(fn.node)
        saved_depth, self.depth = self.depth, max(self.depth, caller_depth)
        try:
            return self._invoke(fn, args, kwargs)
        finally:
            self.depth = saved_depth

    def _invoke(self, fn: Function, args: list[Value], kwargs: dict[str, Value]) -> Value:
        if self.depth >= MAX_CALL_DEPTH:
            return UNKNOWN
        if self.calls_made >= MAX_CALLS:
            self.not_replayable()
            return UNKNOWN
        self.calls_made += 1
        local = Env(self.globals)
        params = fn.node.args
        positional = [*params.posonlyargs, *params.args]
        defaults = dict(
            zip(
                [p.arg for p in positional][len(positional) - len(params.defaults) :],
                params.defaults,
                strict=False,
            )
        )
        for kwonly, default in zip(params.kwonlyargs, params.kw_defaults, strict=True):
            if default is not None:
                defaults[kwonly.arg] = default
        for i, p in enumerate(positional):
            if i < len(args):
                local.names[p.arg] = args[i]
            elif p.arg in kwargs:
                local.names[p.arg] = kwargs[p.arg]
            elif p.arg in defaults:
                local.names[p.arg] = self.eval(defaults[p.arg], self.globals)
            else:
                local.names[p.arg] = UNKNOWN
        for p in params.kwonlyargs:
            local.names[p.arg] = kwargs.get(p.arg) or (
                self.eval(defaults[p.arg], self.globals) if p.arg in defaults else UNKNOWN
            )
        if params.vararg:
            local.names[params.vararg.arg] = Seq(tuple(args[len(positional) :]))
        if params.kwarg:
            local.names[params.kwarg.arg] = UNKNOWN
        if "**" in kwargs or (len(args) > len(positional) and not params.vararg):
            return UNKNOWN
        frame = Frame()
        self.depth += 1
        try:
            self.exec_block(fn.node.body, local, frame)
        finally:
            self.depth -= 1
        if not frame.returns:
            return Const(None)
        result = frame.returns[0]
        for r in frame.returns[1:]:
            result = join(result, r)
        return result

    @staticmethod
    def _all_params(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
        a = node.args
        names = [p.arg for p in (*a.posonlyargs, *a.args, *a.kwonlyargs)]
        names += [p.arg for p in (a.vararg, a.kwarg) if p is not None]
        return names

    def call_ref(self, name: str, node: ast.Call, env: Env) -> Value:
        handler = self._ref_handler(name)
        if handler is None:
            self._eval_args(node, env)
            return UNKNOWN
        args, kwargs = self._eval_args(node, env)
        try:
            return handler(name, node, args, kwargs)
        except (npr.Undecidable, TypeError, ValueError, IndexError, OverflowError, KeyError):
            return UNKNOWN

    def _ref_handler(self, name: str) -> RefHandler | None:
        try:
            return self._handlers[name]
        except KeyError:
            handler = self._handlers[name] = self._find_handler(name)
            return handler

    def _find_handler(self, name: str) -> RefHandler | None:
        parts = name.split(".")
        last = parts[-1]
        if parts[0] == "numpy":
            return self.numpy_call
        if name in (
            "tensorflow.data.Dataset.from_tensor_slices",
            "tensorflow.data.Dataset.from_tensors",
        ):
            return self.dataset_from_tensors
        if last in ("image_dataset_from_directory",) and parts[0] in ("keras", "tensorflow"):
            return self.image_dataset
        if parts[0] == "keras" or (
            parts[0] == "tensorflow" and len(parts) > 1 and parts[1] == "data"
        ):
            if (len(parts) >= 3 and parts[1] == "layers") or name in (
                "keras.Input",
                "keras.InputLayer",
            ):
                if last in ("Input", "InputLayer"):
                    return self.checker.make_input
                if last in MERGE_FUNCTIONS:
                    return self.checker.merge_function
                return self.checker.make_layer
            if last == "Sequential" and len(parts) <= 3:
                return self.checker.make_sequential
            if last in ("Model", "Functional") and len(parts) <= 3:
                return self.checker.make_functional
            if len(parts) == 4 and parts[1] == "datasets" and last == "load_data":
                return lambda n, node, a, k: datasets.load_data(
                    parts[2], self.src.segment(node, 200)
                )
            if last == "to_categorical":
                return self.keras_to_categorical
            if last == "pad_sequences":
                return lambda n, node, a, k: datasets.pad_sequences(
                    a[0] if a else UNKNOWN, _int_or_none(k.get("maxlen"))
                )
            if len(parts) >= 3 and parts[1] == "losses":
                return lambda n, node, a, k: Const(last)
        if name.endswith("train_test_split") and name.startswith("sklearn"):
            return self.train_test_split
        if parts[0] == "builtins":
            return self.builtin_call
        return None

    # --- builtins, numpy, sklearn -------------------------------------------------------

    def builtin_call(
        self, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
    ) -> Value:
        fn = name.split(".", 1)[1]
        arg = args[0] if args else UNKNOWN
        if fn == "len":
            if isinstance(arg, Array) and arg.shape and arg.shape[0] is not None:
                return Const(arg.shape[0])
            if isinstance(arg, Seq):
                return Const(len(arg.items))
        elif (
            fn in ("int", "round")
            and isinstance(arg, Const)
            and isinstance(arg.value, (int, float))
            and not isinstance(arg.value, bool)
        ):
            return Const(int(arg.value)) if math.isfinite(arg.value) else UNKNOWN
        elif fn == "float" and isinstance(arg, Const) and isinstance(arg.value, (int, float)):
            return Const(float(arg.value))
        elif fn in ("tuple", "list") and isinstance(arg, Seq):
            return Seq(arg.items, fn == "list")
        elif (
            fn in ("max", "min")
            and len(args) > 1
            and all(isinstance(a, Const) and isinstance(a.value, (int, float)) for a in args)
        ):
            values = [a.value for a in args]  # type: ignore[attr-defined]
            return Const(max(values) if fn == "max" else min(values))
        return UNKNOWN

    def numpy_call(
        self, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
    ) -> Value:
        from .numpy_calls import numpy_call

        return numpy_call(self, name, node, args, kwargs)

    def array_method(self, array: Array, method: str, node: ast.Call, env: Env) -> Value:
        from .numpy_calls import array_method

        args, kwargs = self._eval_args(node, env)
        try:
            return array_method(self, array, method, node, args, kwargs)
        except (npr.Undecidable, TypeError, ValueError, IndexError, OverflowError):
            return UNKNOWN

    def dataset_from_tensors(
        self, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
    ) -> Value:
        """tf.data.Dataset.from_tensor_slices((x, y)): elements are one row of each array."""
        tensors = args[0] if args else kwargs.get("tensors", UNKNOWN)
        parts = tensors.items if isinstance(tensors, Seq) else (tensors,)
        if not parts or len(parts) > 2 or not all(isinstance(p, Array) and p.shape for p in parts):
            return UNKNOWN
        if name.endswith("from_tensors"):
            return Dataset(
                tuple(parts)
            )  # one element holding the whole arrays: not modelled further
        rows = tuple(
            p.step((None, *p.shape[1:]), "tf.data element") for p in parts if isinstance(p, Array)
        )
        return Dataset(rows, batched=False)

    def image_dataset(
        self, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
    ) -> Value:
        """image_dataset_from_directory(...): batched images (None, h, w, channels) and labels."""
        size = as_array_shape(kwargs.get("image_size", Seq((Const(256), Const(256)))))
        mode = kwargs.get("color_mode", Const("rgb"))
        labels = kwargs.get("label_mode", Const("int"))
        if (
            size is None
            or len(size) != 2
            or not isinstance(mode, Const)
            or not isinstance(labels, Const)
        ):
            return UNKNOWN
        channels = {"rgb": 3, "grayscale": 1, "rgba": 4}.get(str(mode.value))
        if channels is None or kwargs.get("batch_size") == Const(None):
            return UNKNOWN
        origin = (f"`{self.src.segment(node, 50)}`",)
        x = Array((None, *size, channels), "float32", origin, self.src.span(node))
        y_shape = {"int": (None,), "binary": (None, 1)}.get(str(labels.value))
        y: Value = Array(y_shape, "int32", origin, self.src.span(node)) if y_shape else UNKNOWN
        return Dataset((x, y), batched=True)

    def dataset_method(self, ds: Dataset, method: str, node: ast.Call, env: Env) -> Value:
        self._eval_args(node, env)
        if method == "batch":
            return Dataset(ds.element, True)
        if method in ("shuffle", "prefetch", "cache", "repeat", "take", "skip"):
            return ds
        return UNKNOWN  # map, filter, unbatch...: the element shapes may change

    def keras_to_categorical(
        self, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
    ) -> Value:
        y = args[0] if args else kwargs.get("x", UNKNOWN)
        k = args[1] if len(args) > 1 else kwargs.get("num_classes", Const(None))
        if not isinstance(y, Array):
            return UNKNOWN
        shape = datasets.to_categorical(y, const_int(k))
        return y.step(shape, f"to_categorical(→ {fmt(shape)})", "float64")

    def train_test_split(
        self, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
    ) -> Value:
        arrays = [a for a in args if isinstance(a, Array)]
        if len(arrays) != len(args) or not arrays:
            return Seq(tuple(UNKNOWN for _ in range(2 * len(args))))
        n = size(arrays[0].shape[0])
        n_train = n_test = None
        if n is not None and "train_size" not in kwargs:
            test = kwargs.get("test_size", Const(0.25))
            if isinstance(test, Const) and type(test.value) is float and 0 < test.value < 1:
                n_test = math.ceil(test.value * n)
            elif isinstance(test, Const) and type(test.value) is int:
                n_test = test.value
            if n_test is not None:
                n_train = n - n_test
        out: list[Value] = []
        for a in arrays:
            out.append(a.step((n_train, *a.shape[1:]), "train_test_split → train"))
            out.append(a.step((n_test, *a.shape[1:]), "train_test_split → test"))
        return Seq(tuple(out))

    # --- functional API -----------------------------------------------------------------

    def call_layer(self, layer: Layer, node: ast.Call, env: Env) -> Value:
        args, kwargs = self._eval_args(node, env)
        return self.checker.apply_layer(
            layer, args[0] if args else kwargs.get("inputs", UNKNOWN), node
        )

    def call_model(self, model: Model, node: ast.Call, env: Env) -> Value:
        args, _ = self._eval_args(node, env)
        return self.checker.apply_layer(model, args[0] if args else UNKNOWN, node)

    def layer_name(self, class_name: str, explicit: Value | None) -> str:
        if isinstance(explicit, Const) and isinstance(explicit.value, str):
            return explicit.value
        return self._numbered("layer", snake_case(canonical_name(class_name)))

    def model_name(self, base: str, explicit: Value | None) -> str:
        if isinstance(explicit, Const) and isinstance(explicit.value, str):
            return explicit.value
        return self._numbered("model", base)

    def _numbered(self, kind: str, base: str) -> str:
        """Keras's automatic names: dense, dense_1, ... (a count the journal records)."""
        counts = self.layer_counts if kind == "layer" else self.model_counts
        count = counts.get(base, 0)
        if self.journal is not None:
            self.journal.counters.setdefault((kind, base), (count, count))
        counts[base] = count + 1
        return base if count == 0 else f"{base}_{count}"

    def functional_apply(self, layer: Layer | Model, inputs: object) -> object:
        return self.functional_run.apply(layer, inputs)

    def make_args(self, rule: object, args: list[Value], kwargs: dict[str, Value]) -> Args:
        params = getattr(rule, "params", ())
        return Args(
            params, [to_python(a) for a in args], {k: to_python(v) for k, v in kwargs.items()}
        )

    def fail_layer(self, failure: LayerFailure) -> None:
        self.checker.report_layer_failure(failure)


class _RowSelection:
    """An index that picks rows by an integer or boolean array: rows known or unknown."""

    def __init__(self, rows: int | None) -> None:
        self.rows = rows


# How each kind of expression is evaluated; any other kind is UNKNOWN.
_EXPRESSIONS: dict[type, Callable[[Interpreter, Any, Env], Value]] = {
    ast.Constant: Interpreter._constant,
    ast.Name: Interpreter._name,
    ast.Tuple: Interpreter._sequence,
    ast.List: Interpreter._sequence,
    ast.Attribute: Interpreter._attribute,
    ast.Dict: Interpreter._dict,
    ast.Call: Interpreter.call,
    ast.BinOp: Interpreter._binop,
    ast.UnaryOp: Interpreter._unaryop,
    ast.Subscript: Interpreter._subscript,
    ast.Compare: Interpreter._compare,
    ast.IfExp: Interpreter._ifexp,
    ast.NamedExpr: Interpreter._namedexpr,
    ast.ListComp: Interpreter.list_comprehension,
    ast.BoolOp: Interpreter._boolop,
}


def _holds(value: Value, container: Value) -> bool:
    """`value` is `container`, or a list, tuple or dict that holds it at any depth."""
    if value is container:
        return True
    return isinstance(value, (Seq, Mapping)) and any(
        _holds(item, container) for item in contents(value)
    )


def _mutable(value: Value | None) -> bool:
    """A list or dict: code can change what it holds without rebinding its name."""
    return isinstance(value, Mapping) or (isinstance(value, Seq) and value.is_list)


def _int_or_none(value: Value | None) -> int | None:
    return const_int(value) if value is not None else None


def _fmt_out(shape: object) -> str:
    if shape is None:
        return "?"
    if isinstance(shape, list):
        return "[" + ", ".join(_fmt_out(s) for s in shape) + "]"
    return fmt(shape)  # type: ignore[arg-type]


_OP_SYMBOL = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
}


def _op_text(op: ast.operator, other: Value) -> str:
    value = other.value if isinstance(other, Const) else "?"
    return f"{_OP_SYMBOL.get(type(op), '?')} {value}"


def _const_binop(a: object, op: ast.operator, b: object) -> Value:
    numbers = (int, float)
    if (
        isinstance(a, numbers)
        and isinstance(b, numbers)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
    ):
        try:
            if isinstance(op, ast.Add):
                return Const(a + b)
            if isinstance(op, ast.Sub):
                return Const(a - b)
            if isinstance(op, ast.Mult):
                if (
                    isinstance(a, int)
                    and isinstance(b, int)
                    and abs(a).bit_length() + abs(b).bit_length() > MAX_POW_BITS
                ):
                    return UNKNOWN
                return Const(a * b)
            if isinstance(op, ast.Div):
                return Const(a / b)
            if isinstance(op, ast.FloorDiv):
                return Const(a // b)
            if isinstance(op, ast.Mod):
                return Const(a % b)
            if isinstance(op, ast.Pow):
                if (
                    isinstance(b, int)
                    and isinstance(a, int)
                    and b >= 0
                    and abs(a).bit_length() * b > MAX_POW_BITS
                ):
                    return UNKNOWN
                return Const(a**b)
        except (ZeroDivisionError, OverflowError, ValueError):
            return UNKNOWN
    if (
        isinstance(a, str)
        and isinstance(b, str)
        and isinstance(op, ast.Add)
        and len(a) + len(b) < 10_000
    ):
        return Const(a + b)
    return UNKNOWN


_defs_cache: weakref.WeakKeyDictionary[ast.stmt, list[ast.FunctionDef | ast.AsyncFunctionDef]] = (
    weakref.WeakKeyDictionary()
)


def _function_defs_in(stmt: ast.stmt) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The defs of one top-level statement, remembered while its node lives (reparse.py keeps
    the nodes of unchanged statements). The statement itself is not stored in its own entry:
    a weak key its value refers to would never be freed."""
    own = [stmt] if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
    inner = _defs_cache.get(stmt)
    if inner is None:
        inner = _defs_cache[stmt] = _function_defs([stmt])[len(own) :]
    return own + inner


def _function_defs(body: list[ast.stmt]) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Every def, however nested in statements; a walk over statements only (expressions cannot hold a def)."""
    found: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    stack = list(reversed(body))
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.append(stmt)
        for name in ("body", "orelse", "finalbody"):
            stack.extend(reversed(getattr(stmt, name, None) or []))
        for handler in getattr(stmt, "handlers", None) or []:
            stack.extend(reversed(handler.body))
        for case in getattr(stmt, "cases", None) or []:
            stack.extend(reversed(case.body))
    return found


def _assigned_names(stmt: ast.stmt) -> set[str]:
    names = set()
    for node in ast.walk(stmt):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


__all__ = ["Env", "Interpreter", "canonical"]
