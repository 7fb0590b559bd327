"""The policy for large documents: checked when opened and when saved, never while typing.

A 100,000-line document (3.9 MB) took 13 s to its first diagnostics and 29 s per keystroke, and
the incremental journals kept for it took the server from 450 to 920 MB. Beyond LARGE_LINES lines
or LARGE_CHARS characters, a document is analysed only in the version it was opened or saved in,
in one pass (no Analyzer, no journals kept); the versions typed in between get no analysis: a
hover, inlay hints or code lens give nothing, and a pulled report is "unchanged" (the editor keeps
showing what the last check found). Beyond MAX_CHARS (10 MB, as `shapesense check`), a document
is not analysed at all: one information diagnostic says so.
"""

from __future__ import annotations

from ..findings import Analysis, Finding, Span

LARGE_LINES = 10_000
LARGE_CHARS = 1_000_000
MAX_CHARS = 10_000_000


def is_large(source: str) -> bool:
    return len(source) > LARGE_CHARS or source.count("\n") >= LARGE_LINES


def too_large(source: str) -> Analysis:
    """The analysis of a document over MAX_CHARS: only the note that it was not checked."""
    return Analysis(
        findings=[
            Finding(
                Span(0, 0, 0, 0),
                "information",
                "SS002",
                f"Document is larger than {MAX_CHARS // 1_000_000} MB "
                f"({len(source) / 1e6:.1f} MB): not checked.",
            )
        ]
    )


def note(uri: str, source: str) -> str:
    return (
        f"shapesense: {uri} has {source.count(chr(10)) + 1:,} lines ({len(source) / 1e6:.1f} MB): "
        f"over {LARGE_LINES:,} lines or {LARGE_CHARS // 1_000_000} MB, it is checked when "
        "opened and when saved, not while typing."
    )
