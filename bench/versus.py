"""Side by side with another commit: did the code move, or the machine?

`python -m bench --vs REV [REV...]` extracts each REV's `server/` (git archive, into a temporary
folder) and runs bench/versus_probe.py and a cold `shapesense check` for each REV and for this
tree, alternating, each a fresh process on the same scripts. The probe also types the typing
session's keys (typing_session.py; 30 bursts, 12 in quick mode) into each tree's Analyzer. Times are CPU times (the cold check also wall time):
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


def probe(
    server_dir: Path, script_path: Path, repeat: int, keys: Path | None = None
) -> dict[str, float]:
    # Bytecode is written (as an install writes it), so imports are timed as a user meets them.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    extra = [str(keys)] if keys is not None else []
    proc = subprocess.run(
        [sys.executable, "-P", str(PROBE), str(server_dir), str(script_path), str(repeat), *extra],
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


def typing_versions(text: str, bursts: int) -> list[tuple[str, str]]:
    """The typing session's keys on `text`: (kind, the text after the key), in order."""
    from .typing_session import _Document, session

    document = _Document(text)
    versions = []
    for burst in session(text, bursts):
        for key in burst:
            document.apply(key)
            versions.append((key.kind, "\n".join(document.lines)))
    return versions


def run(revs: str | list[str], quick: bool, rounds: int | None = None) -> dict[str, object]:
    revs = [revs] if isinstance(revs, str) else revs
    rounds = rounds or (2 if quick else 8)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        trees: dict[str, Path] = {}
        for rev in revs:
            commit, old = extract(rev, folder)
            trees[commit] = old
        trees["this tree"] = ROOT / "server"
        script_path = folder / "script.py"
        text = script(2000)
        script_path.write_text(text)
        keys = folder / "keys.json"
        keys.write_text(json.dumps(typing_versions(text, 12 if quick else 30)))
        small = folder / "train.py"  # the cold check's file: a short script, as most are
        small.write_text(script(60))
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for server_dir in trees.values():
            probe(server_dir, script_path, 1)  # not counted: writes the bytecode
            cold_check(server_dir, small)
        for _ in range(rounds):
            for name, server_dir in trees.items():
                figures = probe(server_dir, script_path, 3 if quick else 7, keys)
                figures.update(cold_check(server_dir, small))
                runs[name].append(figures)
    medians = {
        name: {key: round(statistics.median(r[key] for r in rs), 2) for key in rs[0]}
        for name, rs in runs.items()
    }
    now = medians["this tree"]
    ratios = {
        f"this tree / {name}": {key: round(now[key] / then[key], 2) for key in now}
        for name, then in medians.items()
        if name != "this tree"
    }
    relative = {name: round(m["analyze_ms"] / m["ast_parse_ms"], 2) for name, m in medians.items()}
    return {
        "name": f"this tree against {', '.join(list(trees)[:-1])}, {rounds} alternations",
        "medians_ms": medians,
        "ratios": ratios,
        "analysis_over_ast_parse": relative,
        "note": "CPU times of each tree's own process. ast_parse_ms is the same parser in all: "
        "its ratio near 1 means they ran on an equally busy machine; the other ratios are the "
        "code's. typing_*: the typing session's keys through an incremental Analyzer",
    }
