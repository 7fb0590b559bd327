"""Spans made in virtual lines, placed in the text's lines when the result is assembled.

Statements kept from an earlier version keep the line numbers they were parsed at
(`reparse.py`), so what the interpreter made of them (spans in findings, hover tables, values)
is in those virtual lines, and a statement that only moved is replayed, not interpreted again.
`Relocation` maps the spans of the findings, calls and model summaries to the current text once
per analysis (`source.LineMap`); a span never crosses statements, so its lines move together.
The hover tables (thousands of layers and symbols) are not placed here: the result carries the
map (`Analysis.lines`) and places what a hover or an inlay request asks for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from .findings import (
    Analysis,
    CallInfo,
    Finding,
    Fix,
    ModelCoverage,
    Reason,
    Span,
    TextEdit,
)
from .source import LineMap


class Relocation:
    """One analysis's placing. Most findings and calls are the same objects (replayed from
    journals) in the same places as in the previous analysis: with the same map, those are
    taken from the previous analysis's Relocation (`previous`), not made again."""

    def __init__(self, lines: LineMap, previous: Relocation | None = None) -> None:
        self._line = lines.line
        self._virtual = lines.virtual
        self._spans: dict[Span, Span] = {}
        # id(object) -> (object, where its spans' lines are, the object placed there)
        self._placed: dict[int, tuple[object, object, Any]] = {}
        self._before = previous._placed if previous is not None else {}
        # Lines that moved stay where they are while the user types in a line: with the
        # previous analysis's map, an object it placed is placed alike, its lines unread.
        self._same = previous is not None and previous._virtual == lines.virtual

    def _each(self, items: list[Any], place: Callable[[Any], Any]) -> list[Any]:
        """`place` of each item, or what the previous analysis placed it at (same map)."""
        if not self._same:
            return [place(item) for item in items]
        before, placed, out = self._before, self._placed, []
        for item in items:
            entry = before.get(id(item))
            if entry is not None and entry[0] is item:
                placed[id(item)] = entry
                out.append(entry[2])
            else:
                out.append(place(item))
        return out

    def _reuse(self, item: object, where: object) -> Any:
        entry = self._before.get(id(item))
        if entry is not None and entry[0] is item and entry[1] == where:
            self._placed[id(item)] = entry
            return entry[2]
        return None

    def _keep(self, item: object, where: object, placed: Any) -> Any:
        self._placed[id(item)] = (item, where, placed)
        return placed

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
        return self._each(findings, self._finding)

    def _finding(self, finding: Finding) -> Finding:
        spans = [
            finding.span,
            *(edit.span for fix in finding.fixes for edit in fix.edits),
            *(related.span for related in finding.related),
        ]
        where = tuple(self._line(span.line) for span in spans)
        placed = self._reuse(finding, where)
        if placed is None:
            placed = self._keep(finding, where, self.finding(finding))
        return placed

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
        """The calls and model summaries of `result`, in place (its layers and symbols are
        placed when asked: `Analysis.lines`)."""
        span = self.span
        result.calls = self._each(result.calls, self._call)
        result.models = [
            m if span(m.span) is m.span else dataclasses.replace(m, span=span(m.span))
            for m in result.models
        ]

    def _call(self, call: CallInfo) -> CallInfo:
        # Each call is placed again when the map changed: looking up where its spans are
        # first, to reuse the previous placing, costs as much as placing it.
        span = self.span(call.span)
        reasons = call.reasons
        if any(r.span is not None for r in reasons):
            reasons = tuple(
                r if r.span is None else Reason(r.code, r.message, self.span(r.span), r.key)
                for r in reasons
            )
        placed = CallInfo(span, call.name, call.description, call.trace, call.status, reasons)
        return self._keep(call, None, placed)

    def coverage(self, model: ModelCoverage) -> ModelCoverage:
        return model._replace(span=self.span(model.span), reason=self._reason(model.reason))
