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
from dataclasses import dataclass, field

from . import silence
from .cancel import Token
from .classes import Classes
from .expressions import Env, _mutable, is_generator, is_range
from .journal import Journal, Restores
from .libraries import REGISTRY
from .resolve import LIBRARIES, Resolver
from .session import LibraryVersions
from .source import SourceText
from .statement_walks import assigned_names, function_defs_in, jumps_out
from .values import (
    UNKNOWN,
    UNKNOWN_INT,
    Const,
    Function,
    Generator,
    ListOf,
    Mapping,
    Namespace,
    Ref,
    Seq,
    Value,
    contents,
    join,
    placeless,
)

MAX_CALL_DEPTH = 4
MAX_CALLS = 400  # function evaluations per analysis: bounds time on recursive or huge code
MAX_LOOP_NESTING = 3
MAX_UNROLLED = 16  # a `for` over at most this many known items runs once per item
MAX_UNROLLED_TOTAL = 256  # iterations unrolled per analysis: beyond, loops are joined
MAX_MODULES = 16  # project modules followed per analysis


class _Return(Exception):
    pass


@dataclass
class Frame:
    returns: list[Value] = field(default_factory=list)
    returned: bool = False


class Interpreter(Classes):
    """Python's semantics; each library's meaning is asked of the registry (libraries/)."""

    def __init__(
        self,
        source: SourceText,
        tree: ast.Module,
        version: LibraryVersions,
        resolver: Resolver | None = None,
        modules: dict[str, Namespace | None] | None = None,
    ) -> None:
        super().__init__(version, resolver)
        self.modules: dict[str, Namespace | None] = (
            modules if modules is not None else {}
        )  # shared by all modules of one analysis
        self.loop_nesting = 0
        self.depth = 0
        self.callers: list[Env] = []  # the envs of the calls being evaluated, innermost last
        self.records: dict[int, Journal] = {}  # statement node id -> its journal (last run)
        self.records_in_order = False  # records holds one whole run's, in the order it ran them
        self.restores: Restores = {}  # models' states due from replayed journals (replay.py)
        self.token: Token | None = None  # checked before each statement: see cancel.py
        self._start(source, tree)

    def restart(self, source: SourceText, tree: ast.Module) -> None:
        """Forget the previous run's results, for a new version of the text (its journals
        stay in `records`, to be replayed)."""
        for child in self.children:
            child.dispose()
        self.modules.clear()
        self._start(source, tree)

    def _start(self, source: SourceText, tree: ast.Module) -> None:
        self.start_session(source, tree)
        self.children: list[Interpreter] = []  # interpreters of imported project modules
        self.calls_made = 0
        self.globals = Env()
        self.analysed_functions: set[int] = set()
        self.instances: list[Value] = []
        self.unrolled = 0

    def global_names(self) -> dict[str, Value]:
        return self.globals.names

    # --- driver -------------------------------------------------------------------------

    def run(self) -> None:
        """Interpret the module (replay.run keeps and replays journals instead)."""
        self.exec_block(self.tree.body, self.globals, Frame())
        self.check_uncalled_functions()

    def check_uncalled_functions(self) -> None:
        """Functions never called at module level still get checked, with unknown arguments."""
        for node in (d for stmt in self.tree.body for d in function_defs_in(stmt, self.src)):
            if id(node) not in self.analysed_functions:
                self.analysed_functions.add(id(node))
                env = Env(self.globals)
                for arg in self._all_params(node):
                    env.names[arg] = silence.parameter(self.src, node, node.name, arg)
                self.depth += 1
                try:
                    self.exec_block(node.body, env, Frame())
                finally:
                    self.depth -= 1

    def dispose(self) -> None:
        """Break the reference cycles (functions hold their interpreter), so an analysis is
        freed at once, not at the next full GC."""
        for child in self.children:
            child.dispose()
        self.children.clear()
        for module in self.modules.values():
            if module is not None:
                module.names.clear()
        self.modules.clear()
        self.globals.names.clear()
        self.instances.clear()
        self.records.clear()
        self.dispose_session()

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
            found = self.define_class(stmt, env)
            env.names[stmt.name] = (
                found if found is not UNKNOWN else silence.from_class(self.src, stmt)
            )
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
        value = self.eval(stmt.test, env)
        if isinstance(value, Const) and type(value.value) in (bool, int, str, type(None)):
            # A test on constants (`if not model:` with model=None) takes one path for sure.
            self.exec_block(stmt.body if value.value else stmt.orelse, env, frame)
            return
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
        iterations: int | None = None
        element: Value | None = None  # what a `for` binds its target to in the passes below
        if isinstance(stmt, ast.While):
            self.eval(stmt.test, env)
        else:
            items, iterations, element = self._loop_header(stmt, env)
            if items is not None and self._can_unroll(stmt, items):
                self._unroll(stmt, items, env, frame)
                return
        self.uncertain += 1
        self.loop_nesting += 1
        try:
            if self.loop_nesting > MAX_LOOP_NESTING:
                # Too deep to iterate: everything the body assigns is unknown, nothing reported.
                for name in assigned_names(stmt):
                    env.names[name] = UNKNOWN
                return
            report = self.report
            entry = env.copy()
            first = env.copy()
            self.report = False
            self._loop_body(stmt, element, first, Frame())
            self.report = report
            head = entry.copy()
            head.merge(entry, first)
            second = head.copy()
            inner = Frame()
            self._loop_body(stmt, element, second, inner)
            frame.returns += inner.returns
            after = head.copy()
            after.merge(head, second)
            if stmt.orelse:
                self.exec_block(stmt.orelse, after, frame)
            elif iterations is not None:
                _count_appends(stmt.body, entry, after, iterations)
            env.names = after.names
        finally:
            self.uncertain -= 1
            self.loop_nesting -= 1

    def _loop_header(
        self, stmt: ast.For | ast.AsyncFor, env: Env
    ) -> tuple[tuple[Value, ...] | None, int | None, Value]:
        """`for target in iterable`, its iterable evaluated once as Python does: its items when
        known (`[64, 32]`, `range(3)`), how many times the loop runs when known (a range, or a
        named list, tuple or grown list), and one item for the target when it is not unrolled."""
        numbers = self._range_numbers(stmt.iter, env)
        if numbers is not None:
            numbered = tuple(Const(i) for i in numbers[: MAX_UNROLLED + 1])
            return numbered, len(numbers), UNKNOWN_INT
        if is_range(stmt.iter, env):
            return None, None, UNKNOWN_INT  # its bounds (evaluated above) are not known
        iterable = self.eval(stmt.iter, env)
        count = None
        if isinstance(stmt.iter, ast.Name):
            if isinstance(iterable, Seq):
                count = len(iterable.items)
            elif isinstance(iterable, ListOf):
                count = iterable.count
        items = iterable.items if isinstance(iterable, Seq) else None
        return items, count, self._element_of(iterable)

    def _can_unroll(self, stmt: ast.For | ast.AsyncFor, items: tuple[Value, ...]) -> bool:
        """Whether the loop can run as Python runs it: few items, and a body that never jumps
        out early."""
        return not (
            isinstance(stmt, ast.AsyncFor)
            or len(items) > MAX_UNROLLED
            or self.unrolled + len(items) > MAX_UNROLLED_TOTAL
            or jumps_out(stmt.body)
        )

    def _unroll(
        self, stmt: ast.For | ast.AsyncFor, items: tuple[Value, ...], env: Env, frame: Frame
    ) -> None:
        """Run the body once per item, as Python does. An error reported in an iteration is
        where Python leaves the loop: the rest of that iteration and the later ones never run."""
        self.unrolled += len(items)
        for item in items:
            self.bind(stmt.target, item, env)
            for inner in stmt.body:
                errors = self.error_count()
                self.exec_block([inner], env, frame)
                if frame.returned or self.error_count() > errors:
                    return
        self.exec_block(stmt.orelse, env, frame)

    def _loop_body(
        self,
        stmt: ast.For | ast.AsyncFor | ast.While,
        element: Value | None,
        env: Env,
        frame: Frame,
    ) -> None:
        if not isinstance(stmt, ast.While) and element is not None:
            self.bind(stmt.target, element, env)
        self.exec_block(stmt.body, env, frame)

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
                self.note_import(REGISTRY.canonical(alias.name), alias.asname or alias.name)
            return
        module = stmt.module or ""
        project = self.project_module(module, stmt.level)
        for alias in stmt.names:
            if alias.name == "*":
                if project is not None:
                    env.names.update(
                        {k: v for k, v in project.names.items() if not k.startswith("_")}
                    )
                elif not stmt.level:
                    self.not_replayable()  # binds names its text does not show (journal.py)
                    for name in REGISTRY.exported(REGISTRY.canonical(module)):
                        env.names[name] = Ref(f"{module}.{name}")
                continue
            if project is not None:
                env.names[alias.asname or alias.name] = project.names.get(alias.name, UNKNOWN)
            elif stmt.level:
                env.names[alias.asname or alias.name] = silence.unknown(
                    silence.NOT_FOUND_IMPORT, f"{'.' * stmt.level}{module}", None, "import"
                )
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
        # its values' places are that file's lines: not this file's related information
        namespace = Namespace({k: placeless(v) for k, v in sub.globals.names.items()}, module)
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
            elif not starred and type(value) in REGISTRY.unpacks:
                items = REGISTRY.unpacks[type(value)](value, len(target.elts))
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
            self.changed_in_place(target.value, env, self._item_assigned(target, value, env))
        elif isinstance(target, ast.Attribute):
            self.set_member(self.eval(target.value, env), target.attr, value)
        # Other attribute targets and array items (X[0] = ...) change no shape we track.

    def _item_assigned(self, target: ast.Subscript, value: Value, env: Env) -> Value:
        """What `container[key] = value` leaves in a library's container, as its model says
        (a DataFrame gains a column); unknown for the rest."""
        container = env.get(target.value.id) if isinstance(target.value, ast.Name) else None
        model = REGISTRY.item_assignments.get(type(container))
        if model is None:
            return UNKNOWN
        return model(self, container, self.eval(target.slice, env), value, target)

    def changed_in_place(self, node: ast.expr, env: Env, after: Value = UNKNOWN) -> None:
        """`xs[1] = ...`, `del d["a"]`, `xs.append(x)`: a list or dict changes. Every name
        that holds it (the callers' too) holds `after` from here on; a list or dict that holds
        it is unknown."""
        if not isinstance(node, ast.Name):
            return
        container = env.get(node.id)
        if container is None or not _mutable(container):
            return
        self.forget_members_holding(container)
        for innermost in (env, *self.callers):
            scope: Env | None = innermost
            while scope is not None:
                for name in [n for n, value in scope.names.items() if _holds(value, container)]:
                    scope.names[name] = after if scope.names[name] is container else UNKNOWN
                    if name != node.id or self.callers:
                        # A name this statement does not show changed: its journal cannot say.
                        self.not_replayable()
                scope = scope.parent

    def call_function(
        self, fn: Function, node: ast.Call, env: Env, receiver: Value | None = None
    ) -> Value:
        args, kwargs = self._eval_args(node, env)
        if receiver is not None:
            args = [receiver, *args]
        owner: Interpreter = fn.owner if isinstance(fn.owner, Interpreter) else self
        if owner is not self:
            self.not_replayable()
        self.callers.append(env)
        try:
            result = owner.invoke(fn, args, kwargs, self.depth)
        finally:
            self.callers.pop()
        return placeless(result) if owner.src is not self.src else result

    def apply(self, fn: Value, args: list[Value]) -> Value:
        if not isinstance(fn, Function):
            return UNKNOWN
        owner: Interpreter = fn.owner if isinstance(fn.owner, Interpreter) else self
        if owner is not self:
            self.not_replayable()
        result = owner.invoke(fn, args, {}, self.depth)
        return placeless(result) if owner.src is not self.src else result

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
        if self.depth >= MAX_CALL_DEPTH or self.calls_made >= MAX_CALLS:
            if self.calls_made >= MAX_CALLS:
                self.not_replayable()
            what = f"a call of `{fn.name}`"
            return silence.unknown(silence.ANALYSIS_LIMIT, what, None, "limit")
        self.calls_made += 1
        local = Env(fn.scope if isinstance(fn.scope, Env) else self.globals)
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
                local.names[p.arg] = silence.parameter(self.src, fn.node, fn.name, p.arg)
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
        generator = is_generator(fn.node, self.src)
        outer_yields, self.yielded = self.yielded, ([] if generator else None)
        self.depth += 1
        try:
            if isinstance(fn.node, ast.Lambda):
                return self.eval(fn.node.body, local)
            self.exec_block(fn.node.body, local, frame)
        finally:
            self.depth -= 1
            yields, self.yielded = self.yielded, outer_yields
        if generator:  # calling it runs nothing yet: it makes a generator of what it yields
            items = yields or [UNKNOWN]
            return Generator(functools.reduce(join, items[1:], items[0]))
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


def _holds(value: Value, container: Value) -> bool:
    """`value` is `container`, or a list, tuple or dict that holds it at any depth."""
    if value is container:
        return True
    return isinstance(value, (Seq, Mapping)) and any(
        _holds(item, container) for item in contents(value)
    )


def _count_appends(body: list[ast.stmt], entry: Env, after: Env, iterations: int) -> None:
    """A list the loop's body appends to once, at its top level, and names nowhere else, grows
    by one item per iteration (`for i in range(100): xs.append(x)`): its length is known."""
    if any(isinstance(n, _JUMPS) for stmt in body for n in ast.walk(stmt)):
        return
    named: dict[str, int] = {}
    for node in (n for stmt in body for n in ast.walk(stmt)):
        if isinstance(node, ast.Name):
            named[node.id] = named.get(node.id, 0) + 1
    for stmt in body:
        call = stmt.value if isinstance(stmt, ast.Expr) else None
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "append"
            and isinstance(call.func.value, ast.Name)
            and named.get(call.func.value.id) == 1
        ):
            continue
        name = call.func.value.id
        before, now = entry.names.get(name), after.names.get(name)
        if isinstance(before, Seq) and before.is_list and isinstance(now, ListOf):
            after.names[name] = ListOf(now.item, len(before.items) + iterations)


_JUMPS = (ast.Break, ast.Continue, ast.Return, ast.Raise, ast.Yield, ast.YieldFrom, ast.Await)


__all__ = ["Env", "Frame", "Interpreter"]
