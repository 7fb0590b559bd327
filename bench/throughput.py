"""Benchmark 5: `shapesense check` over many files, with one and with two worker processes."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .workload import script


def run(quick: bool) -> dict[str, object]:
    count = 200 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text = script(120)
        for i in range(count):
            (folder / f"train_{i}.py").write_text(text)
        timings = {}
        for jobs in (1, 2):
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "shapesense",
                    "check",
                    "--jobs",
                    str(jobs),
                    "--format",
                    "json",
                    str(folder),
                ],
                capture_output=True,
            )
            timings[jobs] = time.perf_counter() - start
    return {
        "name": "check throughput",
        "targets": [
            {
                "target": f"`shapesense check --jobs 2`, {count:,} files",
                "goal": f"<= {count / 100:g} s",
                "figure": round(timings[2], 2),
                "met": timings[2] <= count / 100,
            }
        ],
        "files": count,
        "lines_per_file": text.count("\n"),
        "seconds_1_job": timings[1],
        "seconds_2_jobs": timings[2],
    }
