"""Hover: a layer's expected input and output (with the model around it), a variable's shape
and history, or a fit/evaluate/predict call's x and y against the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from ..findings import CallInfo, LayerInfo, ModelSummary, Span, SymbolInfo

if TYPE_CHECKING:
    from .language_server import ShapeSenseServer
    from .state import View


def register(server: ShapeSenseServer) -> None:
    @server.guarded(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> types.Hover | None:
        view = await server.view(params.text_document.uri)
        if view is None:
            return None
        where = view.to_source(params.text_document.uri, params.position)
        if where is None:
            return None
        found = describe(view, *where)
        if found is None:
            return None
        text, span = found
        placed = view.locate(span)
        rng = view.to_range(placed[0], placed[1]) if placed else None
        return types.Hover(contents=types.MarkupContent(types.MarkupKind.Markdown, text), range=rng)


def _size(span: Span) -> tuple[int, int]:
    return (
        span.end_line - span.line,
        span.end_column - span.column if span.line == span.end_line else 10**6,
    )


def describe(view: View, line: int, column: int) -> tuple[str, Span] | None:
    analysis = view.analysis
    symbols = analysis.symbols_at(line, column)  # placed: only these
    if symbols:
        return symbol_text(symbols[-1]), symbols[-1].span
    layers = analysis.layers_at(line, column)
    if layers:
        best = min(layers, key=lambda i: (_size(i.span), not i.model))
        return layer_text(best, analysis.models), best.span
    from ..coverage import per_call  # the first hover imports it: off the way to diagnostics

    calls = [c for c in per_call(analysis.calls) if c.span.contains(line, column)]
    if calls:
        call = min(calls, key=lambda c: _size(c.span))
        return call_text(view, call), call.span
    return None


def call_text(view: View, call: CallInfo) -> str:
    """x and y against the model, as far as they were checked; then what was not, and why."""
    lines = [f"**{call.name}**", ""] + [f"- {line}" for line in call.trace]
    if call.status != "checked":
        lines += ["", "_not checked_:" if call.status == "unchecked" else "_partly checked_:"]
        for reason in call.reasons:
            placed = view.locate(reason.span) if reason.span is not None else None
            where = f" (line {placed[1].line + 1})" if placed is not None else ""
            lines.append(f"- {reason.message}{where} · `{reason.code}`")
    return "\n".join(lines)


def symbol_text(symbol: SymbolInfo) -> str:
    text = f"`{symbol.name}`: **{symbol.description}**"
    if symbol.trace:
        text += "\n\n" + "\n".join(
            f"{'→ ' if i else ''}{step}" for i, step in enumerate(symbol.trace)
        )
    return text


def layer_text(info: LayerInfo, models: list[ModelSummary]) -> str:
    params = "" if info.params is None else f" · {info.params:,} params"
    lines = [
        f"**{info.class_name}** `{info.name}`",
        "",
        f"expects input `{info.input_shape}` → output `{info.output_shape}`{params}",
        "",
        f"_shapes from {info.built_from}_",
    ]
    summary = next((m for m in models if m.span == info.model_span), None)
    if summary is not None:
        lines += ["", f"model `{summary.name}`:", "```"]
        for name, cls, out, count in summary.rows:
            marker = "▶" if name == info.name else " "
            lines.append(f"{marker} {name + ' (' + cls + ')':<28} {out:<20} {count}")
        lines.append("```")
    return "\n".join(lines)
