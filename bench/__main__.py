"""Run every benchmark and print a report. `--quick` is the small CI mode (nothing is asserted)."""

from __future__ import annotations

import argparse
import json
import os
import platform
from pathlib import Path

from . import analysis_cost, cold_start, keystroke, memory, throughput, versus_keras

BENCHMARKS = [analysis_cost, keystroke, cold_start, memory, throughput, versus_keras]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--only", nargs="*", help="run only these benchmark modules")
    args = parser.parse_args()
    results = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "quick": args.quick,
        "results": [],
    }
    for module in BENCHMARKS:
        name = module.__name__.rsplit(".", 1)[-1]
        if args.only and name not in args.only:
            continue
        result = module.run(args.quick)
        results["results"].append(result)  # type: ignore[union-attr]
        print(json.dumps(result, indent=2, default=str), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
