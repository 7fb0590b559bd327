"""Side by side with another commit: did the code move, or the machine?

`python -m bench --vs REV` extracts REV's `server/` (git archive, into a temporary folder) and
runs bench/versus_probe.py and a cold `shapesense check` for REV and for this tree, alternating,
each a fresh process on the same scripts. Times are CPU times (the cold check also wall time):
a busy moment of the machine then falls on both alike, and the ratios (this tree / REV) say
what the code did. BENCHMARKS.md's figures were written at 58c2978.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from .workload import script

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "versus_probe.py"


def extract(rev: str, into: Path) -> tuple[str, Path]:
    """REV's `server/` folder under `into`; returns (the commit, the folder)."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short=12", f"{rev}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    archive = into / "server.tar"
    with archive.open("wb") as out:
        subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "server"], stdout=out, check=True
        )
    with tarfile.open(archive) as tar:
        tar.extractall(into / commit, filter="data")
    return commit, into / commit / "server"


def probe(server_dir: Path, script_path: Path, repeat: int) -> dict[str, float]:
    # Bytecode is written (as an install writes it), so imports are timed as a user meets them.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.run(
        [sys.executable, "-P", str(PROBE), str(server_dir), str(script_path), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(proc.stdout.splitlines()[-1])


COLD_CHECK = (
    "import sys; sys.path.insert(0, sys.argv[1]); from shapesense.startup import main; "
    "sys.exit(main(['check', sys.argv[2]]))"
)


def cold_check(server_dir: Path, script_path: Path) -> dict[str, float]:
    """A cold `shapesense check` of the script by that tree: wall and CPU milliseconds."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-P", "-c", COLD_CHECK, str(server_dir), str(script_path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "cold_check_ms": (time.perf_counter() - start) * 1e3,
        "cold_check_cpu_ms": (usage.ru_utime + usage.ru_stime) * 1e3,
    }


def run(rev: str, quick: bool, rounds: int | None = None) -> dict[str, object]:
    rounds = rounds or (2 if quick else 8)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        commit, old = extract(rev, folder)
        script_path = folder / "script.py"
        script_path.write_text(script(2000))
        small = folder / "train.py"  # the cold check's file: a short script, as most are
        small.write_text(script(60))
        trees = {commit: old, "this tree": ROOT / "server"}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for server_dir in trees.values():
            probe(server_dir, script_path, 1)  # not counted: writes the bytecode
            cold_check(server_dir, small)
        for _ in range(rounds):
            for name, server_dir in trees.items():
                figures = probe(server_dir, script_path, 3 if quick else 7)
                figures.update(cold_check(server_dir, small))
                runs[name].append(figures)
    medians = {
        name: {key: round(statistics.median(r[key] for r in rs), 2) for key in rs[0]}
        for name, rs in runs.items()
    }
    now, then = medians["this tree"], medians[commit]
    ratios = {key: round(now[key] / then[key], 2) for key in now}
    relative = {name: round(m["analyze_ms"] / m["ast_parse_ms"], 2) for name, m in medians.items()}
    return {
        "name": f"this tree against {commit}, {rounds} alternations",
        "medians_ms": medians,
        "this_tree_over_rev": ratios,
        "analysis_over_ast_parse": relative,
        "note": "ast_parse_ms is the same parser in both: its ratio near 1 means the two ran "
        "on an equally busy machine; the other ratios are the code's",
    }
