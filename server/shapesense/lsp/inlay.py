"""Inlay hints: each layer's output shape after the layer expression."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from .language_server import ShapeSenseServer


def register(server: ShapeSenseServer) -> None:
    @server.guarded(
        types.TEXT_DOCUMENT_INLAY_HINT, types.InlayHintOptions(resolve_provider=False), empty=[]
    )
    async def inlay_hints(params: types.InlayHintParams) -> list[types.InlayHint]:
        if not server.settings.inlay_hints:
            return []
        uri = params.text_document.uri
        view = await server.view(uri)
        if view is None:
            return []
        hints: dict[tuple[int, int], types.InlayHint] = {}
        start = view.to_source(uri, params.range.start)
        end = view.to_source(uri, params.range.end)
        analysis = view.analysis
        # Only the layers the range shows are placed (after Enter, most layers moved)
        shown = (
            analysis.layers
            if start is None or end is None
            else analysis.layers_ending_in(start[0], end[0])
        )
        for info in shown:
            if info.output_shape in ("?", "(?)"):
                continue
            placed = view.locate(info.span)
            if placed is None or placed[0].uri != uri:
                continue
            rng = view.to_range(*placed)
            if not (params.range.start.line <= rng.end.line <= params.range.end.line):
                continue
            key = (rng.end.line, rng.end.character)
            if key in hints and not info.model:
                continue
            hints[key] = types.InlayHint(
                position=rng.end,
                label=f"→ {info.output_shape}",
                kind=types.InlayHintKind.Type,
                padding_left=True,
            )
        return list(hints.values())
