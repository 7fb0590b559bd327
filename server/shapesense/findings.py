"""The public result of analysing one source text: plain data, no LSP types.

Positions are 0-based lines and 0-based columns counted in Unicode code points; adapters
convert them (the LSP server to UTF-16 or UTF-8 units, the CLI to 1-based numbers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .lines import LineMap

Severity = Literal["error", "warning", "information", "hint"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "information": 2, "hint": 3}


# Span, LayerInfo and SymbolInfo are named tuples, not dataclasses: an analysis makes
# thousands of them, and a frozen dataclass is several times slower to create.


class Span(NamedTuple):
    """A range of text."""

    line: int
    column: int
    end_line: int
    end_column: int

    def contains(self, line: int, column: int) -> bool:
        return (self.line, self.column) <= (line, column) <= (self.end_line, self.end_column)


@dataclass(frozen=True)
class TextEdit:
    span: Span
    new_text: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[TextEdit, ...]
    preferred: bool = False


@dataclass(frozen=True)
class Related:
    """Another place a finding is about (where the data was made, the model defined): the
    message names it, this says where, so no message embeds a line number."""

    span: Span
    message: str
    cell: int | None = None  # in a notebook: the cell's index among all the notebook's cells


@dataclass(frozen=True)
class Finding:
    span: Span
    severity: Severity
    code: str
    message: str
    keras_message: str = ""
    fixes: tuple[Fix, ...] = ()
    related: tuple[Related, ...] = ()
    shapes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def full_message(self) -> str:
        if not self.keras_message:
            return self.message
        return f"{self.message}\nKeras: {self.keras_message}"


class LayerInfo(NamedTuple):
    """One layer as hover, inlay hints and the oracle see it."""

    span: Span
    class_name: str
    name: str
    model: str
    position: int  # in the model, from 0
    input_shape: str
    output_shape: str
    params: int | None
    built_from: str
    model_span: Span | None = None  # which model: two models may share a name


class SymbolInfo(NamedTuple):
    """A data variable at one place in the code, with its inferred shape and history."""

    span: Span
    name: str
    description: str
    trace: tuple[str, ...]


class Reason(NamedTuple):
    """Why a call was not fully checked: a stable `code` to rank by, the `message` in the
    words of the user's code, and where the cause is (no line number in the message)."""

    code: str
    message: str
    span: Span | None = None
    key: str = ""  # the construct itself, finer than the code (e.g. `pandas.read_csv`)


CallStatus = Literal["checked", "partial", "unchecked"]


class CallInfo(NamedTuple):
    """A fit / evaluate / predict / *_on_batch call: what was checked (x and y against the
    model, for hover), and, when not everything was, why."""

    span: Span
    name: str  # "model.fit"
    description: str
    trace: tuple[str, ...]
    status: CallStatus = "checked"
    reasons: tuple[Reason, ...] = ()


ModelStatus = Literal["full", "partial", "none"]


class ModelCoverage(NamedTuple):
    """How much of a model the checker derived: every layer's shape ("full"), some
    ("partial"), or none ("none"), and why not all."""

    span: Span
    name: str
    status: ModelStatus
    reason: Reason | None = None


@dataclass(frozen=True)
class ModelSummary:
    span: Span
    name: str
    rows: tuple[tuple[str, str, str, str], ...]  # (layer, class, output shape, params)
    total_params: int | None

    def text(self) -> str:
        lines = [f"Model {self.name}", f"{'Layer':<22}{'Output shape':<22}Params"]
        for name, cls, out, params in self.rows:
            lines.append(f"{name + ' (' + cls + ')':<22}{out:<22}{params}")
        if self.total_params is not None:
            lines.append(f"Total params: {self.total_params:,}")
        return "\n".join(lines)


@dataclass(eq=False)
class Analysis:
    findings: list[Finding] = field(default_factory=list)
    # Hover data as the statements made it. A statement kept while lines moved above it made
    # its part in the lines it was parsed at (reparse.py); `lines` (None: no line moved)
    # places those in the text's. Few edits are followed by a hover, and a hover asks about
    # one position, so nothing is placed when the analysis ends: `layers_at`/`symbols_at`
    # place what is at a position, `layers`/`symbols` every one.
    layer_table: list[LayerInfo] = field(default_factory=list)
    symbol_table: list[SymbolInfo] = field(default_factory=list)
    models: list[ModelSummary] = field(default_factory=list)
    calls: list[CallInfo] = field(default_factory=list)
    model_coverage: list[ModelCoverage] = field(default_factory=list)
    keras_version: int = 3
    syntax_ok: bool = True
    # the project files (modules, .npy/.npz arrays) this analysis read: when one of them
    # changes, the result may change (the language server watches them, re-checks readers)
    files_read: frozenset[str] = frozenset()
    lines: LineMap | None = None

    @property
    def layers(self) -> list[LayerInfo]:
        """Every layer, in the text's lines."""
        if self.lines is None:
            return self.layer_table
        return [self._layer(info) for info in self.layer_table]

    @property
    def symbols(self) -> list[SymbolInfo]:
        """Every data variable, in the text's lines."""
        if self.lines is None:
            return self.symbol_table
        return [self._symbol(symbol) for symbol in self.symbol_table]

    # A span lies in one statement, whose lines are one run of virtual lines, each number used
    # once in the text: so a span holds a text position iff it holds that line's virtual one.
    # (Past the text's end, no line has a number of its own: every span is placed there.)

    def layers_at(self, line: int, column: int) -> list[LayerInfo]:
        """The layers whose span holds the text's (line, column), in the text's lines."""
        lines = self.lines
        if lines is None or not 0 <= line < len(lines.virtual):
            return [info for info in self.layers if info.span.contains(line, column)]
        at = lines.virtual[line]
        return [self._layer(i) for i in self.layer_table if i.span.contains(at, column)]

    def symbols_at(self, line: int, column: int) -> list[SymbolInfo]:
        """The data variables whose span holds the text's (line, column), in the text's lines."""
        lines = self.lines
        if lines is None or not 0 <= line < len(lines.virtual):
            return [symbol for symbol in self.symbols if symbol.span.contains(line, column)]
        at = lines.virtual[line]
        return [self._symbol(s) for s in self.symbol_table if s.span.contains(at, column)]

    def layers_ending_in(self, first: int, last: int) -> list[LayerInfo]:
        """The layers whose span ends on one of the text's lines first..last (what an inlay
        request's range shows), in the text's lines."""
        lines = self.lines
        if lines is None or first < 0 or last >= len(lines.virtual):
            return [info for info in self.layers if first <= info.span.end_line <= last]
        shown = set(lines.virtual[first : last + 1])
        return [self._layer(i) for i in self.layer_table if i.span.end_line in shown]

    def _symbol(self, symbol: SymbolInfo) -> SymbolInfo:
        span = self._span(symbol.span)
        return symbol if span is symbol.span else symbol._replace(span=span)

    def _layer(self, info: LayerInfo) -> LayerInfo:
        span, model = self._span(info.span), info.model_span
        if model is not None:
            model = self._span(model)
        if span is info.span and model is info.model_span:
            return info
        return info._replace(span=span, model_span=model)

    def _span(self, span: Span) -> Span:
        line = self.lines.line(span.line) if self.lines is not None else span.line
        if line == span.line:
            return span
        return Span(line, span.column, line + span.end_line - span.line, span.end_column)

    def __eq__(self, other: object) -> bool:
        """Equal results: the same findings and tables, in the text's lines."""
        if not isinstance(other, Analysis):
            return NotImplemented
        return (
            self.findings == other.findings
            and self.layers == other.layers
            and self.symbols == other.symbols
            and self.models == other.models
            and self.calls == other.calls
            and self.model_coverage == other.model_coverage
            and self.keras_version == other.keras_version
            and self.syntax_ok == other.syntax_ok
            and self.files_read == other.files_read
        )

    __hash__ = None  # type: ignore[assignment]
