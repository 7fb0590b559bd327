"""Benchmark 6: time for real Keras to reach the seed example's error, against shapesense's."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "seed_lstm.py"


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env)
    return time.perf_counter() - start, proc.returncode


def run(quick: bool) -> dict[str, object]:
    ours = sorted(
        timed([sys.executable, "-m", "shapesense", "check", str(EXAMPLE)])[0] for _ in range(3)
    )[1]
    from shapesense import analyze

    text = EXAMPLE.read_text()
    start = time.perf_counter()
    for _ in range(50):
        analyze(text)
    in_editor = (time.perf_counter() - start) / 50
    result: dict[str, object] = {
        "name": "versus running Keras",
        "shapesense_cli_s": ours,
        "shapesense_in_editor_s": in_editor,
    }
    if importlib.util.find_spec("tensorflow") is None:
        result["keras_s"] = None
        return result
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    keras_s, code = timed([sys.executable, str(EXAMPLE)], env)
    result["targets"] = [
        {
            "target": "running Keras to the error / the analysis",
            "goal": ">= 1000x",
            "figure": round(keras_s / in_editor),
            "met": keras_s / in_editor >= 1000,
        }
    ]
    result.update(
        keras_s=keras_s,
        keras_raised=code != 0,
        ratio_cli=keras_s / ours,
        ratio_in_editor=keras_s / in_editor,
    )
    return result
