"""Spans made in virtual lines, placed in the text's lines when the result is assembled.

Statements kept from an earlier version keep the line numbers they were parsed at
(`reparse.py`), so what the interpreter made of them (spans in findings, hover tables, values)
is in those virtual lines, and a statement that only moved is replayed, not interpreted again.
`Relocation` maps every span of the interpreter's results to the current text once per
analysis (`source.LineMap`); a span never crosses statements, so its lines move together.
"""

from __future__ import annotations

import dataclasses

from .findings import (
    Analysis,
    CallInfo,
    Finding,
    Fix,
    LayerInfo,
    ModelCoverage,
    Reason,
    Span,
    SymbolInfo,
    TextEdit,
)
from .source import LineMap


class Relocation:
    def __init__(self, lines: LineMap) -> None:
        self._line = lines.line
        self._spans: dict[Span, Span] = {}

    def span(self, span: Span) -> Span:
        """`span` in the text's lines (the same object where they are its own)."""
        moved = self._spans.get(span)
        if moved is None:
            line = self._line(span.line)
            if line == span.line:
                moved = span
            else:
                moved = Span(line, span.column, line + span.end_line - span.line, span.end_column)
            self._spans[span] = moved
        return moved

    def findings(self, findings: list[Finding]) -> list[Finding]:
        return [self.finding(finding) for finding in findings]

    def finding(self, finding: Finding) -> Finding:
        return dataclasses.replace(
            finding,
            span=self.span(finding.span),
            fixes=tuple(self._fix(fix) for fix in finding.fixes),
            related=tuple(
                dataclasses.replace(related, span=self.span(related.span))
                for related in finding.related
            ),
        )

    def _fix(self, fix: Fix) -> Fix:
        edits = tuple(TextEdit(self.span(edit.span), edit.new_text) for edit in fix.edits)
        return dataclasses.replace(fix, edits=edits)

    def _reason(self, reason: Reason | None) -> Reason | None:
        if reason is None or reason.span is None:
            return reason
        return reason._replace(span=self.span(reason.span))

    def tables(self, result: Analysis) -> None:
        """The hover tables and calls of `result`, in place."""
        span = self.span
        result.layers = [self._layer(info) for info in result.layers]
        result.symbols = [self._symbol(symbol) for symbol in result.symbols]
        result.calls = [self._call(call) for call in result.calls]
        result.models = [dataclasses.replace(m, span=span(m.span)) for m in result.models]

    def _symbol(self, symbol: SymbolInfo) -> SymbolInfo:
        span = self.span(symbol.span)  # most of an analysis's objects: made without _replace
        return symbol if span is symbol.span else SymbolInfo(span, *symbol[1:])

    def _layer(self, info: LayerInfo) -> LayerInfo:
        span, model_span = self.span(info.span), info.model_span
        if model_span is not None:
            model_span = self.span(model_span)
        if span is info.span and model_span is info.model_span:
            return info
        return LayerInfo(span, *info[1:-1], model_span)

    def _call(self, call: CallInfo) -> CallInfo:
        reasons = tuple(
            r if r.span is None else r._replace(span=self.span(r.span)) for r in call.reasons
        )
        return call._replace(span=self.span(call.span), reasons=reasons)

    def coverage(self, model: ModelCoverage) -> ModelCoverage:
        return model._replace(span=self.span(model.span), reason=self._reason(model.reason))
