"""Benchmark 1: the core's time against CPython's ast.parse (the floor) on 100 to 20,000 lines."""

from __future__ import annotations

import ast
import statistics
import time
from collections.abc import Callable

from shapesense import analyze

from .sizes import size
from .workload import script


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), (max(times) - min(times))


def run(quick: bool) -> dict[str, object]:
    sizes = size(quick, [100, 1000, 2000], [100, 1000, 2000, 5000], [100, 1000, 2000, 5000, 20000])
    rows = []
    for lines in sizes:
        text = script(lines)
        repeat = 3 if quick else (size(quick, 3, 9, 15) if lines <= 2000 else 5)
        parse, _ = best_of(lambda text=text: ast.parse(text), repeat)  # type: ignore[misc]
        core, core_spread = best_of(lambda text=text: analyze(text), repeat)  # type: ignore[misc]
        rows.append(
            {
                "lines": text.count("\n"),
                "parse_ms": parse * 1e3,
                "analyze_ms": core * 1e3,
                "spread_ms": core_spread * 1e3,
                "ratio": core / parse,
                "us_per_line": core * 1e6 / text.count("\n"),
            }
        )
    at_2000 = next(row for row in rows if row["lines"] >= 1900)
    return {
        "name": "analysis vs ast.parse",
        "rows": rows,
        "targets": [
            {
                "target": "analysis / ast.parse at 2,000 lines (aim: 2x)",
                "goal": "<= 3x",
                "figure": round(float(at_2000["ratio"]), 2),
                "met": float(at_2000["ratio"]) <= 3,
            }
        ],
    }
