"""Benchmark 2: didChange -> publishDiagnostics through a real LSP client (pygls), debounce 0.

Two streams of edits, both in the file's first experiment block, so everything below the edit
is still analysed (the worst place for incremental analysis):
- `valid`: retyping a digit of `np.random.rand(200, 28, 28)` (1-9), which keeps the file valid
  and changes a shape that later statements depend on;
- `typing`: Enter, then a new line `X_0b = X_0[:, :14] * 2.0` one key at a time, then Backspace
  back to where it started; many of those states are syntax errors, as they are when people
  type, and Enter and the last Backspace move every line below.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from lsprotocol import types

from .client import Client
from .sizes import size
from .workload import script

TYPED_LINE = "X_0b = X_0[:, :14] * 2.0\n"


def _summary(latencies: list[float]) -> dict[str, float | int]:
    ordered = sorted(latencies)
    return {
        "edits": len(ordered),
        "p50_ms": statistics.median(ordered),
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))],
        "max_ms": ordered[-1],
    }


class _Session(Client):
    uri = "file:///bench/keystroke.py"
    version = 1

    async def open_text(self, text: str) -> None:
        await self.start()
        self.open(self.uri, text, self.version)
        await self.arrived.get()

    async def edit(self, start: tuple[int, int], end: tuple[int, int], text: str) -> float:
        """Milliseconds from sending the change to its diagnostics arriving."""
        self.version += 1
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(*start), types.Position(*end)), text=text
        )
        sent = time.perf_counter()
        self.lsp.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=self.version, uri=self.uri),
                [change],
            )
        )
        while True:
            done, params = await self.arrived.get()
            if params.version == self.version:
                return (done - sent) * 1e3


def _position(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    index = text.index(needle) + offset
    return text[:index].count("\n"), index - text.rfind("\n", 0, index) - 1


async def measure(edits: int, lines: int = 2000) -> dict[str, object]:
    text = script(lines)
    session = _Session()
    await session.open_text(text)
    digit_line, digit_column = _position(text, "X_0 = np.random.rand(200, 28, 28)", 29)
    valid = []
    for i in range(edits):
        digit = str(1 + i % 9)
        valid.append(
            await session.edit((digit_line, digit_column), (digit_line, digit_column + 1), digit)
        )
    typing_line, _ = _position(text, "y_0 = keras.utils")
    typed = TYPED_LINE.rstrip("\n")
    typing = []
    for _round in range(max(1, edits // (2 * len(TYPED_LINE)))):
        # Enter, the line one key at a time, then Backspace back to where it started.
        typing.append(await session.edit((typing_line, 0), (typing_line, 0), "\n"))
        for column, char in enumerate(typed):
            typing.append(await session.edit((typing_line, column), (typing_line, column), char))
        for column in range(len(typed) - 1, -1, -1):
            typing.append(await session.edit((typing_line, column), (typing_line, column + 1), ""))
        typing.append(await session.edit((typing_line, 0), (typing_line + 1, 0), ""))
    await session.stop()
    every = _summary(valid + typing)
    return {
        "name": f"keystroke to squiggle ({lines:,}-line file, debounce 0)",
        "valid_edits": _summary(valid),
        "typing_a_line": _summary(typing),
        "all": every,
        "targets": [
            {
                "target": "keystroke to squiggle p95, debounce 0, every key answered",
                "goal": "<= 30 ms",
                "figure": round(every["p95_ms"], 1),
                "met": every["p95_ms"] <= 30,
            }
        ],
    }


def run(quick: bool) -> dict[str, object]:
    return asyncio.run(measure(size(quick, 30, 150, 300)))
