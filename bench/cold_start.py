"""Benchmark 3: process start to first diagnostics, and what importing the server costs."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
from pathlib import Path

from .client import Client
from .sizes import size

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "seed_lstm.py"


async def first_diagnostics() -> float:
    client = Client()
    start = time.perf_counter()
    await client.start()
    client.open(EXAMPLE.as_uri(), EXAMPLE.read_text())
    await client.arrived.get()
    elapsed = time.perf_counter() - start
    await client.stop()
    return elapsed


def import_profile() -> list[tuple[str, float]]:
    """The heaviest top-level imports of the server, from `python -X importtime`."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import shapesense.lsp.server"],
        capture_output=True,
        text=True,
    )
    totals: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
        if m and len(m.group(2)) <= 1:
            totals[m.group(3)] = int(m.group(1)) / 1e3
    return sorted(totals.items(), key=lambda kv: -kv[1])[:6]


def run(quick: bool) -> dict[str, object]:
    runs = sorted(asyncio.run(first_diagnostics()) for _ in range(size(quick, 3, 5, 7)))
    interpreter = subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "pass"], capture_output=True, check=interpreter.returncode == 0
    )
    bare = time.perf_counter() - start
    first = runs[len(runs) // 2]
    return {
        "name": "cold start",
        "targets": [
            {
                "target": "server start to first diagnostics",
                "goal": "<= 0.5 s",
                "figure": round(first, 3),
                "met": first <= 0.5,
            }
        ],
        "first_diagnostics_s": first,
        "spread_s": runs[-1] - runs[0],
        "bare_python_s": bare,
        "imports_ms": import_profile(),
    }
