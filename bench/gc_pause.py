"""Garbage-collection pauses of the language server on edits that move every line below them.

`python -m bench.gc_pause` (not part of `python -m bench`): a 2,000-line file with three bad
`fit` calls, edited as a user does near its top: Enter, then the line deleted again, 20 times.
Each version goes through what the server's analysis process runs (`lsp/worker.py`: the
document's incremental Analyzer, then `Heap.settle`), in this process. Reported per edit: CPU seconds of the analysis
and of settling the heap, and whether the heap was thawed and collected in full.
"""

from __future__ import annotations

import gc
import statistics
import time
from typing import Any

from shapesense.analysis import Options
from shapesense.cancel import Token
from shapesense.lsp.worker import Analyses

from .workload import script

EDITS = 20


def texts(lines: int = 2000) -> list[str]:
    base = script(lines).split("\n")
    fits = [i for i, line in enumerate(base) if line.startswith("history_")][:3]
    for index in sorted(fits, reverse=True):
        block = base[index].split("_")[1].split(" ")[0]
        base.insert(index + 1, f"model_{block}.fit(X_{block}[:, :, :20], y_{block})")
    entered = [*base[:5], "", *base[5:]]
    return ["\n".join(entered if i % 2 == 0 else base) for i in range(EDITS + 2)]


def measure() -> dict[str, Any]:
    analyses = Analyses()
    full = 0
    unfreeze = gc.unfreeze

    def counting_unfreeze() -> None:
        nonlocal full
        full += 1
        unfreeze()

    gc.unfreeze = counting_unfreeze  # type: ignore[assignment]
    analysis, settle, collected = [], [], []
    try:
        for version, text in enumerate(texts()):
            before = full
            start = time.process_time()
            analyses.run("file:///bench.py", Options(), text, True, Token())
            middle = time.process_time()
            analyses.heap.settle()
            end = time.process_time()
            if version >= 2:  # the first two build the heap
                analysis.append(middle - start)
                settle.append(end - middle)
                collected.append(full > before)
    finally:
        gc.unfreeze = unfreeze  # type: ignore[assignment]
    return {
        "name": "Enter / line deleted near the top of a 2,000-line file",
        "edits": len(analysis),
        "analysis_cpu_s_median": round(statistics.median(analysis), 3),
        "settle_cpu_s_median": round(statistics.median(settle), 3),
        "settle_cpu_s_max": round(max(settle), 3),
        "full_collections": sum(collected),
    }


if __name__ == "__main__":
    print(measure())
