"""What library models see of the analysis of one module: its text, the Keras version, where
findings and hover data go, the models built so far, and the journal of the statement running.

The interpreter is a `Session` (it adds Python's semantics); library models (libraries/) are
given the session and never the interpreter, so they cannot reach into statements or scopes.
"""

from __future__ import annotations

import ast
import functools
import itertools
from collections.abc import Callable
from typing import TypeVar

from . import journal as journals
from .findings import CallInfo, Finding, LayerInfo, ModelSummary, Span, SymbolInfo
from .keras.graph import Run
from .keras.layers import canonical_name, snake_case
from .keras.versions import KerasVersion
from .resolve import Resolver
from .shapes import fmt
from .source import SourceText
from .values import Array, Const, Model, Tensor, Value

_versions = itertools.count(1)  # model versions: never reused, so a stale one never matches

State = TypeVar("State")
# the automatic names of models (counted apart from layers' names, as a layer is never named so)
MODEL_BASES = frozenset({"sequential", "functional", "model"})
LibraryVersions = KerasVersion  # the versions of the libraries the user's code runs with
HOVERED = (Array, Tensor, Model)  # the values whose names hover shows
_new_symbol = functools.partial(tuple.__new__, SymbolInfo)  # SymbolInfo(...), at C speed


class Session:
    def __init__(self, version: KerasVersion, resolver: Resolver | None = None) -> None:
        self.version = version
        self._resolver = resolver
        self.foreign = False  # analysing a module imported by the file the user is looking at
        self.report = True  # False while a loop body is tried once, or in an imported module
        # findings held back, hover data kept: a subclass's `call` traced on the data's shape
        # (Keras raises at the data call, and checks.py says so there)
        self.findings_muted = False
        self.uncertain = 0  # how many branches deep the statement running is
        self.journal: journals.Journal | None = None  # the top-level statement being recorded

    def start_session(self, source: SourceText, tree: ast.Module) -> None:
        """Forget the previous run's results (a new version of the text)."""
        self.src = source
        self.tree = tree
        self.files_read: set[str] = set()  # project files read; shared with imported modules
        self.findings: list[Finding] = []
        self._kept: set[Finding] = set()  # findings as a set: de-duplication stays linear
        self.layer_infos: dict[tuple[Span, str], LayerInfo] = {}
        self.symbols: list[SymbolInfo] = []
        self.calls: list[CallInfo] = []
        self.models: dict[int, Model] = {}
        self.layer_counts: dict[str, int] = {}
        self.model_counts: dict[str, int] = {}
        self._functional_run = Run(self.version, symbolic=True)
        self.numpy_alias: str | None = None  # how fixes spell numpy in this module
        self._states: dict[object, object] = {}

    def dispose_session(self) -> None:
        self.layer_infos.clear()
        self.models.clear()
        self._functional_run = Run(self.version, symbolic=True)
        self._states.clear()

    def state(self, kind: Callable[[Session], State]) -> State:
        """A library's own state for this run (made on first use): e.g. checks.CallChecker."""
        found = self._states.get(kind)
        if found is None:
            found = self._states[kind] = kind(self)
        return found  # type: ignore[return-value]

    def global_names(self) -> dict[str, Value]:
        """The module's global names (fixes ask how the module spells a library)."""
        raise NotImplementedError

    def apply(self, fn: Value, args: list[Value]) -> Value:
        """Call the user's function (a def or a lambda) as a library given it will: `ds.map(fn)`
        calls `fn` on the element's tensors. Unknown when `fn` is not the user's function."""
        raise NotImplementedError

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
        journals.register(self.journal, model)

    def note_import(self, module: str, local: str) -> None:
        """`import module as local` (module spelled canonically)."""
        if module == "numpy":
            self.numpy_alias = local

    # --- findings: every report goes through `add` -----------------------------------------

    def add(self, finding: Finding) -> None:
        if self.report and not self.findings_muted:
            if self.journal is not None:
                self.journal.findings.append(finding)
            self.keep(finding)

    def error_count(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "error")

    def keep(self, finding: Finding) -> None:
        if finding not in self._kept:
            self._kept.add(finding)
            self.findings.append(finding)

    # --- names Keras gives ---------------------------------------------------------------

    def layer_name(self, class_name: str, explicit: Value | None) -> str:
        if isinstance(explicit, Const) and isinstance(explicit.value, str):
            return explicit.value
        return self._numbered("layer", snake_case(canonical_name(class_name)))

    def model_name(self, base: str, explicit: Value | None) -> str:
        if isinstance(explicit, Const) and isinstance(explicit.value, str):
            return explicit.value
        return self._numbered("model", base)

    def input_name(self, explicit: Value | None) -> str:
        """An InputLayer's name: Keras 3 counts `input_layer`, `input_layer_1`...; Keras 2
        counts from one, `input_1`, `input_2`... (tf_keras input_layer.py)."""
        if isinstance(explicit, Const) and isinstance(explicit.value, str):
            return explicit.value
        if self.version.major == 2:
            return self._numbered("layer", "input", one_based=True)
        return self._numbered("layer", "input_layer")

    def sequential_built(self, new_input: bool) -> None:
        """Keras 3 makes a Sequential model a Functional one at each (re)build, named from the
        `functional` count, and an InputLayer when the input was not an Input (input_shape=,
        build()); Keras 2 does neither (its InputLayer is `<first layer>_input`)."""
        if self.version.major >= 3:
            if new_input:
                self.input_name(None)
            self._numbered("model", "functional")

    def numbered_layer(self, base: str) -> str:
        """A layer name counted as Keras counts `base` (a TFOpLambda's tf.math.multiply...)."""
        return self._numbered("layer", base)

    def use_name(self, base: str) -> None:
        """An automatic name Keras takes where the checker makes no value (a backbone's insides)."""
        self._numbered("model" if base in MODEL_BASES else "layer", base)

    def clear_session(self) -> None:
        """keras.backend.clear_session(): every count starts again (set to zero, so that the
        journal records each one it changes). Never replayed: counts begun after it is
        recorded would not be reset."""
        self.not_replayable()
        for kind, counts in (("layer", self.layer_counts), ("model", self.model_counts)):
            for base, count in counts.items():
                if self.journal is not None:
                    self.journal.counters.setdefault((kind, base), (count, count))
                counts[base] = 0

    def _numbered(self, kind: str, base: str, one_based: bool = False) -> str:
        """Keras's automatic names: dense, dense_1, ... (a count the journal records)."""
        counts = self.layer_counts if kind == "layer" else self.model_counts
        count = counts.get(base, 0)
        if self.journal is not None:
            self.journal.counters.setdefault((kind, base), (count, count))
        counts[base] = count + 1
        if one_based:
            return f"{base}_{count + 1}"
        return base if count == 0 else f"{base}_{count}"

    def call_method(
        self, receiver: Value, name: str, args: list[Value], kwargs: dict[str, Value]
    ) -> Value | None:
        """Run the method `name` the user's class of `receiver` defines (`call` of a
        subclassed model), as Python would; None when it defines none."""
        raise NotImplementedError

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
            kind = "custom layer" if value.kind == "custom_layer" else f"{value.kind} model"
            desc, trace = f"{kind} '{value.name}'", ()
        else:
            return
        self.symbols.append(_new_symbol((self.src.span(node), node.id, desc, trace)))

    def record_run(
        self,
        run: Run,
        model: str,
        built_from: str,
        first: int = 0,
        model_span: Span | None = None,
        at: Span | None = None,
    ) -> None:
        """Hover data for the layers of `run`, from its step `first` on (`at`: the call
        site of a one-step run, when the layer was made elsewhere, e.g. in `__init__`)."""
        if not self.report:
            return
        for index, (step, _) in enumerate(run.listed(first), first):  # a nested model: a row
            if step.inner and model:  # its layers keep their hover, as layers of no model
                self.record_run(Run(run.version, steps=list(step.inner)), "", built_from)
            if step.layer.foreign:
                continue
            span = at or step.layer.span
            # a layer made in a loop shares its line with the others made there: named apart
            key = (span, model if not model else f"{model}/{step.layer.name}")
            if self.journal is None and not self._wants_layer_info(key):
                continue  # most runs repeat a layer already described (fit after compile)
            info = LayerInfo(
                span=span,
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
            self.keep_layer_info(key, info, replace_unknown=True)

    def record_input(
        self, tensor: Tensor, model: str, span: Span | None, model_span: Span | None = None
    ) -> None:
        if not self.report or span is None or tensor.shape is None:
            return
        info = LayerInfo(
            span,
            "InputLayer",
            tensor.node.layer_name if tensor.node is not None else "input_layer",
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

    def keep_layer_infos(self, entries: list[tuple[tuple[Span, str], LayerInfo, bool]]) -> None:
        """`keep_layer_info` of each entry a replayed journal recorded, in one call."""
        infos = self.layer_infos
        for key, info, replace_unknown in entries:
            known = infos.get(key)
            if known is None or (replace_unknown and known.output_shape in ("?", "(?)")):
                infos[key] = info

    def _wants_layer_info(self, key: tuple[Span, str]) -> bool:
        """True unless the layer's info is known and knows its output shape."""
        known = self.layer_infos.get(key)
        return known is None or known.output_shape in ("?", "(?)")

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


def _fmt_out(shape: object) -> str:
    if shape is None:
        return "?"
    if isinstance(shape, list):
        return "[" + ", ".join(_fmt_out(s) for s in shape) + "]"
    return fmt(shape)  # type: ignore[arg-type]
