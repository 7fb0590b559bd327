"""Real code: the programs of tests/corpus (written in real users' style, each after a public
thread), and `shapesense check` started cold on one file, as a user or a pre-commit hook runs it.

- per file: the analysis of each corpus program (notebooks as their code cells), p50 and p99,
  and the whole corpus's analysis time against `ast.parse` of the same sources;
- cold check: `shapesense check` of one file importing the standard library and third-party
  packages that are not the project's (`rdkit`, `networkx`, `json`, `ast`), process start to
  exit, beside a bare `python -c pass` and the import of the CLI alone;
- the corpus folder through `shapesense check --jobs 1` and `--jobs 2`, in files per second.

- a cold `shapesense check` of each corpus program, one process each: CPU p50, p90 and max.

`python -m bench --only real_code --vs REV` runs only the cold checks, of this tree and of REV's
`server/`, alternating (each from its folder, `python -P`).

Python here may be told not to write bytecode (PYTHONDONTWRITEBYTECODE); an installed package
has its bytecode written at install time, so the cold runs let Python write it, and the first
run (which writes it) is not counted.
"""

from __future__ import annotations

import ast
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from shapesense import Options, analyze
from shapesense.notebooks import Notebook
from shapesense.resolve import ProjectResolver

from .sizes import size
from .versus import extract

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "corpus" / "programs"
COLD_TARGET_S = 0.3

# Thread-free: a script as a data scientist writes one, importing packages that are not the
# project's (none of them is installed here, and none may be searched for).
COLD_FILE = """\
import ast
import json
import os
from collections import Counter

import networkx as nx
import numpy as np
from rdkit import Chem
from rdkit.Chem import AllChem
from tensorflow import keras

with open("molecules.json") as f:
    smiles = json.load(f)
graph = nx.Graph()
X = np.random.rand(256, 2048)
y = np.random.randint(0, 2, 256)
model = keras.Sequential([keras.Input(shape=(2048,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=1)
"""


def corpus_files() -> list[Path]:
    return sorted(
        p
        for p in PROGRAMS.rglob("*")
        if p.suffix in (".py", ".ipynb") and not p.name.endswith(".files.py")
    )


def _source(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return Notebook.from_json(text).source if path.suffix == ".ipynb" else text


def _median_time(fn: Callable[..., object], arguments: tuple[object, ...], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*arguments)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_file(repeat: int) -> dict[str, object]:
    rows = []
    for path in corpus_files():
        source = _source(path)
        options = Options(resolver=ProjectResolver(str(path)))
        analysis = _median_time(analyze, (source, options), repeat)
        parse = _median_time(ast.parse, (source,), repeat)
        rows.append((analysis * 1e3, parse * 1e3, source.count("\n") + 1))
    ordered = sorted(ms for ms, _, _ in rows)
    slowest = max(rows)
    return {
        "files": len(rows),
        "lines": sum(lines for _, _, lines in rows),
        "p50_ms": round(statistics.median(ordered), 2),
        "p99_ms": round(ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)], 2),
        "max_ms": round(slowest[0], 2),
        "max_file_lines": slowest[2],
        "ratio_to_ast_parse": round(sum(r[0] for r in rows) / sum(r[1] for r in rows), 2),
    }


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed_run(cmd: list[str], cwd: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process. CPU time hardly moves on a busy machine,
    wall time does: both are reported."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def _from_tree(server_dir: Path, code: str) -> list[str]:
    """Python running `code` with `server_dir` first on the path (-P: the folder given stays
    first), as a `shapesense` started from that tree."""
    return [
        sys.executable,
        "-P",
        "-c",
        f"import sys; sys.path.insert(0, {str(server_dir)!r}); {code}",
    ]


def _check_code(path: str) -> str:
    return f"from shapesense.startup import main; sys.exit(main(['check', {path!r}]))"


CHECK = _check_code("train.py")


def cold_check(repeat: int, trees: dict[str, Path] | None = None) -> dict[str, object]:
    """Cold runs of this installation's `shapesense check`, or, with `trees` (name -> a
    `server/` folder), of each tree's, each beside its import of the CLI."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "train.py").write_text(COLD_FILE)
        commands: dict[str, list[str]] = {}
        if trees is None:
            commands["check"] = [sys.executable, "-m", "shapesense", "check", "train.py"]
            commands["import_cli"] = [sys.executable, "-c", "import shapesense.cli"]
        for name, tree in (trees or {}).items():
            commands[f"check {name}"] = _from_tree(tree, CHECK)
            commands[f"import_cli {name}"] = _from_tree(tree, "import shapesense.cli")
        commands["bare_python"] = [sys.executable, "-c", "pass"]
        for cmd in commands.values():
            _timed_run(cmd, folder)  # writes the bytecode, as an install does
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeat):  # alternated, so a busy moment falls on all three alike
            for name, cmd in commands.items():
                seconds, cpu_seconds = _timed_run(cmd, folder)
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
    result: dict[str, object] = {}
    for name in commands:
        result[f"{name}_s"] = round(statistics.median(wall[name]), 3)
        result[f"{name}_cpu_s"] = round(statistics.median(cpu[name]), 3)
    for name in commands:
        if name.startswith("check"):
            result[f"{name.replace('check', 'check_spread', 1)}_s"] = round(
                max(wall[name]) - min(wall[name]), 3
            )
    return result


def corpus_check(jobs: int) -> dict[str, object]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "shapesense", "check", "--jobs", str(jobs), str(PROGRAMS)],
        env=_env(),
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    found = re.search(r"Checked (\d+) files?", proc.stdout)
    files = int(found.group(1)) if found else 0
    return {
        "jobs": jobs,
        "files": files,
        "seconds": round(elapsed, 2),
        "files_per_s": round(files / elapsed, 1),
    }


def corpus_cold(trees: dict[str, Path], every: int) -> dict[str, object]:
    """A cold `shapesense check` of each corpus program (every `every`-th), one process per
    file and tree, the trees alternating file by file: CPU seconds p50, p90 and max per tree
    (a program that asks numpy a shape question imports it: the slow end)."""
    files = corpus_files()[::every]
    cpu: dict[str, list[float]] = {name: [] for name in trees}
    for tree in trees.values():  # writes the bytecode, not counted
        _timed_run(_from_tree(tree, _check_code(str(files[0]))), str(ROOT))
    for path in files:
        for name, tree in trees.items():
            _, seconds = _timed_run(_from_tree(tree, _check_code(str(path))), str(ROOT))
            cpu[name].append(seconds)
    result: dict[str, object] = {"files": len(files)}
    for name, values in cpu.items():
        ordered = sorted(values)
        result[name] = {
            "cpu_p50_s": round(statistics.median(ordered), 3),
            "cpu_p90_s": round(ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)], 3),
            "cpu_max_s": round(ordered[-1], 3),
        }
    return result


def side_by_side(quick: bool, vs: list[str]) -> dict[str, object]:
    """The cold check of this tree and of each commit's `server/`, alternating in one run
    (`python -m bench --only real_code --vs REV`)."""
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this tree": ROOT / "server"}
        for rev in vs:
            commit, trees[commit] = extract(rev, Path(tmp))
        cold = cold_check(size(quick, 3, 9, 15), trees)
        corpus = corpus_cold(trees, size(quick, 20, 3, 1))
    now = float(cold["check this tree_s"])  # type: ignore[arg-type]
    return {
        "name": f"real code: cold check against {', '.join(list(trees)[1:])}",
        "cold_check": cold,
        "corpus_cold_check": corpus,
        "ratios": {
            f"this tree / {name}": {
                "wall": round(now / float(cold[f"check {name}_s"]), 2),  # type: ignore[arg-type]
                "cpu": round(
                    float(cold["check this tree_cpu_s"]) / float(cold[f"check {name}_cpu_s"]),  # type: ignore[arg-type]
                    2,
                ),
            }
            for name in list(trees)[1:]
        },
        "targets": [_target(now)],
    }


def _target(figure: float) -> dict[str, object]:
    return {
        "target": "cold `shapesense check` of one file (stdlib and third-party imports)",
        "goal": f"<= {COLD_TARGET_S} s",
        "figure": figure,
        "met": figure <= COLD_TARGET_S,
    }


def run(quick: bool, vs: list[str] | None = None) -> dict[str, object]:
    if vs:
        return side_by_side(quick, vs)
    files = per_file(size(quick, 1, 3, 5))
    cold = cold_check(size(quick, 3, 5, 9))
    corpus = corpus_cold({"this tree": ROOT / "server"}, size(quick, 20, 3, 1))
    whole = [corpus_check(jobs) for jobs in (1, 2)]
    return {
        "name": "real code (tests/corpus)",
        "per_file": files,
        "cold_check": cold,
        "corpus_cold_check": corpus,
        "corpus_check": whole,
        "targets": [_target(float(cold["check_s"]))],  # type: ignore[arg-type]
    }
