"""Code lens above each model (its summary), and the commands that show a model summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lsprotocol import types

if TYPE_CHECKING:
    from .language_server import ShapeSenseServer

SHOW_SUMMARY = "shapesense.server.showModelSummary"  # client commands are shapesense.*
SUMMARY_AT = "shapesense.server.modelSummaryAt"


def register(server: ShapeSenseServer) -> None:
    @server.guarded(
        types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensOptions(resolve_provider=False), empty=[]
    )
    async def code_lens(params: types.CodeLensParams) -> list[types.CodeLens]:
        uri = params.text_document.uri
        view = await server.view(uri)
        if view is None:
            return []
        lenses = []
        for summary in view.analysis.models:
            placed = view.locate(summary.span)
            if placed is None or placed[0].uri != uri:
                continue
            rng = view.to_range(*placed)
            last = summary.rows[-1][2] if summary.rows else "?"
            params_text = (
                f" · {summary.total_params:,} params" if summary.total_params is not None else ""
            )
            title = f"{summary.name}: {len(summary.rows)} layers → {last}{params_text}"
            lenses.append(
                types.CodeLens(
                    range=types.Range(rng.start, rng.start),
                    command=types.Command(
                        title=title, command=SHOW_SUMMARY, arguments=[summary.text()]
                    ),
                )
            )
        return lenses

    # pygls 2 passes a command's arguments as the handler's positional arguments.
    @server.command(SHOW_SUMMARY)
    def show_summary(*args: Any) -> str:
        text = str(args[0]) if args else ""
        server.window_show_message(types.ShowMessageParams(types.MessageType.Info, text))
        return text

    @server.command(SUMMARY_AT)
    async def summary_at(*args: Any) -> str | None:
        """[uri, {line, character}]: the summary of the model defined at or above the cursor."""
        try:
            uri, position = args[0], args[1]
            view = await server.view(uri)
            if view is None:
                return None
            where = view.to_source(
                uri, types.Position(int(position["line"]), int(position["character"]))
            )
        except (TypeError, KeyError, IndexError, ValueError):
            return None
        if where is None:
            return None
        above = [m for m in view.analysis.models if m.span.line <= where[0]]
        chosen = max(above, key=lambda m: m.span.line) if above else None
        return chosen.text() if chosen else None
