"""Run every benchmark and print a report, each target beside its figure. `--quick` is the small
CI mode (nothing is asserted). `--vs REV` runs the core's benchmarks of this tree and of the
commit REV side by side, alternating, in one run (bench/versus.py); `--only cold_start real_code --vs
REV` runs those benchmarks' own side-by-side comparisons."""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from . import (
    analysis_cost,
    cold_start,
    hover_latency,
    keystroke,
    memory,
    real_code,
    relocation,
    sizes,
    throughput,
    typing_session,
    versus,
    versus_keras,
)
from . import report as report_md
from .report import ROOT
from .workload import script

BENCHMARKS = [
    analysis_cost,
    keystroke,
    typing_session,
    hover_latency,
    relocation,
    real_code,
    cold_start,
    memory,
    throughput,
    versus_keras,
]


# --only NAME --vs REV...: these run the commits' servers beside this tree's, alternating
SIDE_BY_SIDE = (cold_start, real_code)


def machine() -> dict[str, object]:
    """What a figure needs beside it: the machine, its load, and its speed right now (the median
    `ast.parse` of the 2,000-line script: divide any time by it to compare two runs)."""
    text = script(2000)
    times = []
    for _ in range(9):
        start = time.perf_counter()
        ast.parse(text)
        times.append(time.perf_counter() - start)
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "ast_parse_2000_lines_ms": round(statistics.median(times) * 1e3, 2),
        "ast_parse_spread_ms": round((max(times) - min(times)) * 1e3, 2),
    }


def print_targets(results: list[dict[str, object]]) -> None:
    rows = [row for result in results for row in result.get("targets", [])]  # type: ignore[attr-defined]
    if not rows:
        return
    print("\ntarget | goal | figure | met")
    for row in rows:
        print(
            f"{row['target']} | {row['goal']} | {row['figure']} | {'yes' if row['met'] else 'NO'}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument(
        "--medium", action="store_true", help="fewer repeats: a full report in 15 minutes"
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--only", nargs="*", help="run only these benchmark modules")
    parser.add_argument(
        "--vs", metavar="REV", nargs="+", help="side by side with these commits (git)"
    )
    parser.add_argument("--rounds", type=int, default=None, help="--vs: alternations")
    parser.add_argument(
        "--write-benchmarks",
        action="store_true",
        help="rewrite the figures of BENCHMARKS.md from this run (bench/report.py)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    sizes.MODE = "medium" if args.medium else "full"
    report: dict[str, object] = {"machine": machine(), "quick": args.quick, "results": []}
    print(json.dumps(report["machine"]), flush=True)
    results: list[dict[str, object]] = report["results"]  # type: ignore[assignment]
    if args.vs and not args.only:
        results.append(versus.run(args.vs, args.quick, args.rounds))
        print(json.dumps(results[-1], indent=2, default=str), flush=True)
    else:
        for module in BENCHMARKS:
            name = module.__name__.rsplit(".", 1)[-1]
            if args.only and name not in args.only:
                continue
            began = time.perf_counter()
            if args.vs:  # this benchmark's own side-by-side run with the commits
                if module not in SIDE_BY_SIDE:
                    parser.error(f"--vs with --only: {name} has no side-by-side run")
                results.append(module.run(args.quick, vs=args.vs))
            else:
                results.append(module.run(args.quick))
            results[-1]["seconds"] = round(time.perf_counter() - began, 1)
            print(json.dumps(results[-1], indent=2, default=str), flush=True)
    report["machine_after"] = machine()
    print(json.dumps({"machine_after": report["machine_after"]}), flush=True)
    print_targets(results)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str))
    if args.write_benchmarks:
        command = "python -m bench " + " ".join(sys.argv[1:])
        seconds = time.perf_counter() - started
        report_md.write(ROOT / "BENCHMARKS.md", report, command, seconds)
        print(f"BENCHMARKS.md rewritten ({seconds / 60:.1f} minutes)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
