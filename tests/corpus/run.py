"""Real Keras 3 and Keras 2 run every corpus program; the result is the corpus's truth.

    python -m tests.corpus.run --write            # run all, write tests/corpus/truth.json
    python -m tests.corpus.run --write -k pandas  # re-run only matching programs, merge
    python -m tests.corpus.run --check            # re-run all, exit 1 if truth.json is stale
    python -m tests.corpus.run --report docs/oracle-report.md   # ShapeSense vs truth (no TF)

A persistent worker process per Keras version (tests/corpus/worker.py) runs the programs,
each in a fresh temporary folder after its files script; downloads are stubbed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path
from queue import Empty, Queue

from ..oracle.run import RECYCLE_AFTER, Worker
from .corpus import TRUTH, Program, load_programs, load_truth
from .report import write_report

WORKER = Path(__file__).with_name("worker.py")
KERAS_VERSIONS = (3, 2)
HELP_MIN = 4  # programs left of the other version worth a TensorFlow import to help with
COMPARED = ("raised", "type", "statements", "calls")  # the message may vary across builds


def run_all(programs: list[Program], jobs: int) -> tuple[dict[int, list[dict]], dict]:
    """Each program's result under each Keras version, and the versions the workers reported.
    Both versions share the threads: thread i starts on version KERAS_VERSIONS[i % 2] and, when
    its version's programs are all taken, helps with the other's. So the cores stay busy until the last
    program, and one TensorFlow import fewer (10-14 s of CPU) is paid than version after version."""
    results: dict[int, list[dict]] = {keras: [{} for _ in programs] for keras in KERAS_VERSIONS}
    queues: dict[int, Queue[int]] = {keras: Queue() for keras in KERAS_VERSIONS}
    for keras in KERAS_VERSIONS:
        for index in range(len(programs)):
            queues[keras].put(index)
    versions: dict = {}
    lock = threading.Lock()
    failures: list[str] = []
    started = time.time()

    active = dict.fromkeys(KERAS_VERSIONS, 0)  # threads working on each version

    def run_version(keras: int) -> None:
        with lock:
            active[keras] += 1
        try:
            worker = Worker(keras, WORKER)
        except RuntimeError:
            with lock:
                failures.append(f"the Keras {keras} worker did not start")
                active[keras] -= 1
            return
        versions[str(keras)] = {k: v for k, v in worker.ready.items() if k != "ready"}
        done = 0
        try:
            while True:
                try:
                    index = queues[keras].get_nowait()
                except Empty:
                    return
                if done and done % RECYCLE_AFTER == 0:
                    worker.close()
                    worker = Worker(keras, WORKER)
                done += 1
                program = programs[index]
                try:
                    result = worker.run(program.source, setup=program.setup)
                except RuntimeError:
                    result = {"raised": True, "type": "WorkerDied", "message": "worker died"}
                    worker = Worker(keras, WORKER)
                result.pop("id", None)
                results[keras][index] = result
                with lock:
                    finished = sum(bool(r) for r in results[keras])
                    outcome = result.get("type", "runs") if result.get("raised") else "runs"
                    print(
                        f"  keras {keras} [{finished}/{len(programs)}] {time.time() - started:5.0f}s"
                        f" {program.name}: {outcome}",
                        flush=True,
                    )
        finally:
            worker.close()
            with lock:
                active[keras] -= 1

    def work(first: int) -> None:
        own, other = KERAS_VERSIONS[first], KERAS_VERSIONS[1 - first]
        run_version(own)
        with lock:
            left, helped = queues[other].qsize(), active[other]
        if left > HELP_MIN or (left and not helped):
            run_version(other)

    threads = [
        threading.Thread(target=work, args=(i % len(KERAS_VERSIONS),)) for i in range(max(1, jobs))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    missing = [k for k in KERAS_VERSIONS if not all(results[k])]
    if failures or missing:
        raise RuntimeError("; ".join(failures) or f"Keras {missing}: some programs did not run")
    return results, versions


def collect(programs: list[Program], jobs: int) -> dict:
    """{"versions": {...}, "programs": {name: {"3": result, "2": result}}}."""
    results, versions = run_all(programs, jobs)
    truth: dict = {"versions": versions, "programs": {p.name: {} for p in programs}}
    for keras in KERAS_VERSIONS:
        for program, result in zip(programs, results[keras], strict=True):
            truth["programs"][program.name][str(keras)] = result
    return truth


def differences(expected: dict, actual: dict) -> list[str]:
    problems = []
    for keras, versions in actual["versions"].items():
        if expected.get("versions", {}).get(keras) != versions:
            problems.append(f"Keras {keras}: truth.json is from {expected['versions'].get(keras)}")
    for name, by_keras in actual["programs"].items():
        recorded = expected["programs"].get(name)
        if recorded is None:
            problems.append(f"{name}: not in truth.json")
            continue
        for keras, result in by_keras.items():
            old = recorded.get(keras, {})
            for key in COMPARED:
                if old.get(key) != result.get(key):
                    problems.append(
                        f"{name} (Keras {keras}): {key} was {old.get(key)!r}, now {result.get(key)!r}"
                        f" ({result.get('message', '')[:150]})"
                    )
    for name in expected["programs"]:
        if name not in actual["programs"]:
            problems.append(f"{name}: in truth.json but no such program")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help="run Keras, write truth.json")
    parser.add_argument("--check", action="store_true", help="run Keras, compare to truth.json")
    parser.add_argument("--report", help="write the corpus section of this markdown file")
    parser.add_argument(
        "-k", dest="only", nargs="+", help="only programs whose name contains one of these"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    programs = load_programs()
    if args.only:
        programs = [p for p in programs if any(part in p.name for part in args.only)]
    status = 0
    if args.write or args.check:
        started = time.time()
        actual = collect(programs, args.jobs)
        print(f"{len(programs)} programs, Keras 3 and 2: {time.time() - started:.0f} s", flush=True)
        if args.check:
            problems = differences(load_truth(), actual)
            if args.only:
                problems = [p for p in problems if "no such program" not in p]
            for problem in problems:
                print(problem)
            status = 1 if problems else 0
        if args.write:
            truth = load_truth() if args.only and TRUTH.exists() else {"programs": {}}
            truth["versions"] = actual["versions"]
            truth["programs"].update(actual["programs"])
            names = {p.name for p in load_programs()}
            truth["programs"] = {k: v for k, v in sorted(truth["programs"].items()) if k in names}
            TRUTH.write_text(json.dumps(truth, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            print(f"wrote {TRUTH}")
    if args.report:
        write_report(Path(args.report), load_programs(), load_truth())
        print(f"wrote the corpus section of {args.report}")
    return status


if __name__ == "__main__":
    sys.exit(main())
