"""Benchmark 4: the server's resident memory serving many files, and after many edits."""

from __future__ import annotations

import asyncio

from lsprotocol import types

from .client import Client
from .processes import status_kb, tree
from .sizes import size
from .workload import script


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident and peak memory of the server and its analysis processes (the peak: the sum
    of each process's own peak, an upper bound)."""
    pids = tree(pid)
    return (
        sum(status_kb(p, "VmRSS") for p in pids) / 1024,
        sum(status_kb(p, "VmHWM") for p in pids) / 1024,
    )


async def measure(files: int, edits: int) -> dict[str, object]:
    client = Client()
    await client.start()
    pid = client.lsp._server.pid  # type: ignore[union-attr]
    idle = rss_mb(pid)[0]
    text = script(150)
    for i in range(files):
        client.open(f"file:///bench/m{i}.py", text)
        await client.arrived.get()
    after_open = rss_mb(pid)
    uri = "file:///bench/m0.py"
    samples = []
    for version in range(2, edits + 2):
        client.lsp.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text + f"\n# {version}\n")],
            )
        )
        await client.arrived.get()
        if version in (edits // 10 + 1, edits + 1):
            samples.append(rss_mb(pid)[0])
    final = rss_mb(pid)
    await client.stop()
    growth = (samples[-1] - samples[0]) / samples[0] * 100
    return {
        "name": "memory",
        "targets": [
            {
                "target": f"server RSS growth over {edits:,} edits, after warm-up",
                "goal": "<= 10%",
                "figure": round(growth, 2),
                "met": growth <= 10,
            }
        ],
        "files": files,
        "edits": edits,
        "idle_mb": idle,
        "after_open_mb": after_open[0],
        "after_edits_mb": final[0],
        "peak_mb": final[1],
        "growth_after_warmup_pct": growth,
    }


def run(quick: bool) -> dict[str, object]:
    return asyncio.run(measure(size(quick, 20, 200, 200), size(quick, 500, 3_000, 10_000)))
