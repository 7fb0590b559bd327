"""Benchmark 3: process start to first diagnostics, beside its floor, and what importing the
server costs.

Each round starts, in turn and by the same client: ShapeSense's server (`shapesense serve` from
this tree's `server/`, and from each `--vs` commit's), and the floor (bench/floor_server.py: a
pygls server publishing an empty list, so Python's start, importing pygls and lsprotocol, and
the LSP round trips). Alternating, a busy moment falls on all alike. Beside them, the imports
alone, each a bare process: `python -c pass` and `python -c "import lsprotocol.types,
pygls.lsp.server"`. Each run's CPU time (the server and the processes it waited for, start to
exit) is reported beside its wall time: on a busy machine it is the figure that compares.

Bytecode is written (an installed package has it; PYTHONDONTWRITEBYTECODE would have every start
compile the server), and the first round is not counted.

`python -m bench --only cold_start --vs 31d5685` runs the commit's server side by side.
"""

from __future__ import annotations

import asyncio
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .client import Client
from .hover_latency import serve_command
from .sizes import size
from .versus import ROOT, extract

EXAMPLE = ROOT / "examples" / "seed_lstm.py"
FLOOR_SERVER = Path(__file__).resolve().parent / "floor_server.py"
GOAL_S = 0.5
THIS_TREE = "this tree"
FLOOR = "floor (pygls server, empty diagnostics)"
IMPORTS = {
    "bare python (python -c pass)": "pass",
    "import lsprotocol.types, pygls.lsp.server": "import lsprotocol.types, pygls.lsp.server",
}


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


async def first_diagnostics(command: list[str]) -> float:
    """Seconds from starting `command` to the first publishDiagnostics of the example."""
    client = Client()
    start = time.perf_counter()
    await client.start(command=command, env=_env())
    client.open(EXAMPLE.as_uri(), EXAMPLE.read_text())
    await client.arrived.get()
    elapsed = time.perf_counter() - start
    await client.stop()
    return elapsed


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _server_run(command: list[str]) -> tuple[float, float]:
    """(seconds to first diagnostics, CPU seconds of the server and the processes it waited
    for, from start to exit): CPU time hardly moves on a busy machine, wall time does."""
    cpu = _children_cpu_s()
    seconds = asyncio.run(first_diagnostics(command))
    return seconds, _children_cpu_s() - cpu


def _process_s(code: str) -> tuple[float, float]:
    cpu = _children_cpu_s()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, check=True)
    return time.perf_counter() - start, _children_cpu_s() - cpu


def import_profile() -> list[tuple[str, float]]:
    """The heaviest imports of the server's module, from `python -X importtime`."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import shapesense.lsp.server"],
        capture_output=True,
        text=True,
        env=_env(),
    )
    totals: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
        if m and len(m.group(2)) <= 3:  # the server's module and what it imports itself
            totals[m.group(3)] = int(m.group(1)) / 1e3
    return sorted(totals.items(), key=lambda kv: -kv[1])[:8]


def _summary(runs: list[tuple[float, float]]) -> dict[str, float]:
    times = [seconds for seconds, _ in runs]
    return {
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "spread_s": round(max(times) - min(times), 3),
        "cpu_median_s": round(statistics.median(cpu for _, cpu in runs), 3),
    }


def measure(servers: dict[str, list[str]], rounds: int) -> dict[str, list[tuple[float, float]]]:
    """Each server's (first-diagnostics seconds, CPU seconds) and each import's, alternating,
    round by round (the first round writes bytecode and is not counted)."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in [*servers, *IMPORTS]}
    for round_ in range(rounds + 1):
        for name, command in servers.items():
            measured = _server_run(command)
            if round_:
                runs[name].append(measured)
        for name, code in IMPORTS.items():
            measured = _process_s(code)
            if round_:
                runs[name].append(measured)
    return runs


def run(quick: bool, vs: list[str] | None = None) -> dict[str, object]:
    rounds = size(quick, 3, 5, 7)
    with tempfile.TemporaryDirectory() as tmp:
        servers = {THIS_TREE: serve_command(ROOT / "server")}
        for rev in vs or []:
            commit, tree = extract(rev, Path(tmp))
            servers[commit] = serve_command(tree)
        servers[FLOOR] = [sys.executable, str(FLOOR_SERVER)]
        runs = measure(servers, rounds)
    figures = {name: _summary(values) for name, values in runs.items()}
    first = figures[THIS_TREE]["median_s"]
    floor = figures[FLOOR]["median_s"]
    result: dict[str, object] = {
        "name": "cold start" + (f" against {', '.join(list(servers)[1:-1])}" if vs else ""),
        "targets": [
            {
                "target": "server start to first diagnostics",
                "goal": f"<= {GOAL_S} s",
                "figure": f"{first:.3f} (floor {floor:.3f})",
                "met": first <= GOAL_S,
            }
        ],
        "first_diagnostics_s": first,
        "spread_s": figures[THIS_TREE]["spread_s"],
        "floor_s": floor,
        "over_floor_s": round(first - floor, 3),
        "rounds": rounds,
        "medians": figures,
        "imports_ms": import_profile(),
    }
    if vs:
        cpu = figures[THIS_TREE]["cpu_median_s"]
        result["ratios"] = {
            f"{THIS_TREE} / {name}": {
                "wall": round(first / figures[name]["median_s"], 2),
                "cpu": round(cpu / figures[name]["cpu_median_s"], 2),
            }
            for name in servers
            if name not in (THIS_TREE, FLOOR)
        }
    return result
