"""Differential oracle: generated programs, run under real Keras 2 and 3, compared with shapesense.

    python -m tests.oracle.run --count 2000 --seed 1 --keras 2 3 --jobs 2 --report docs/oracle-report.md

Compares the verdict (error or clean), the statement reported against the one that raised,
every layer output shape when the program runs, and runs each offered quick fix under Keras:
the whole fixed program, which must raise nothing the program did not raise before.
Exit status 1 on any disagreement.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from queue import Queue

from shapesense import Options, analyze
from shapesense.analysis import INTERNAL_ERROR
from shapesense.findings import Finding, Fix
from shapesense.keras.versions import KerasVersion

from .generator import Program, generate

WORKER = Path(__file__).with_name("worker.py")
RECYCLE_AFTER = 150  # programs per worker process


class Worker:
    def __init__(
        self, keras: int, script: Path = WORKER, settings: dict[str, str] | None = None
    ) -> None:
        env = dict(
            os.environ,
            TF_CPP_MIN_LOG_LEVEL="3",
            CUDA_VISIBLE_DEVICES="-1",
            OMP_NUM_THREADS="1",
            TF_NUM_INTRAOP_THREADS="1",
            TF_NUM_INTEROP_THREADS="1",
        )
        env.pop("TF_USE_LEGACY_KERAS", None)
        if keras == 2:
            env["TF_USE_LEGACY_KERAS"] = "1"
        env.update(settings or {})  # e.g. TF_ENABLE_ONEDNN_OPTS=0 (tests/oracle/test_devices.py)
        self.proc = subprocess.Popen(
            [sys.executable, str(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        ready = self.proc.stdout.readline()  # type: ignore[union-attr]
        if not ready:
            raise RuntimeError("the Keras worker did not start (is tensorflow-cpu installed?)")
        self.ready: dict = json.loads(ready)  # what the worker says about itself
        self.keras, self.script = keras, script
        self.served = 0  # programs run, for recycling

    def run(self, source: str, whole: bool = False, **extra: object) -> dict:
        """The program's first error (and its layer shapes); with `whole`, every top-level
        statement run even after one raised, and which raised (worker.run_whole)."""
        assert self.proc.stdin and self.proc.stdout
        request = {"id": 0, "source": source, "whole": whole, **extra}
        self.served += 1
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the Keras worker died")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


class WorkerPool:
    """Warm Keras processes kept between batches of programs. Starting one imports TensorFlow
    (10-14 s of CPU), and the generated sample alone runs six batches of two workers; a worker
    still serves at most RECYCLE_AFTER programs, clearing the session between programs as within
    a batch. Only the last Keras version's workers are kept idle (the memory of a few)."""

    def __init__(self) -> None:
        self._idle: dict[tuple, list[Worker]] = {}
        self._lock = threading.Lock()
        atexit.register(self.close)

    def take(self, keras: int, script: Path = WORKER) -> Worker:
        key = (Worker, keras, script)  # the module's Worker: a test may stand in its own
        with self._lock:
            for other in [k for k in self._idle if k != key]:
                for worker in self._idle.pop(other):
                    worker.close()
            idle = self._idle.get(key, [])
            if idle:
                return idle.pop()
        return Worker(keras, script)

    def give_back(self, worker: Worker) -> None:
        """Keeps `worker` for the next batch, unless it is due for recycling or has died."""
        proc = getattr(worker, "proc", None)
        if getattr(worker, "served", 0) >= RECYCLE_AFTER or (proc and proc.poll() is not None):
            worker.close()
            return
        key = (type(worker), getattr(worker, "keras", None), getattr(worker, "script", WORKER))
        with self._lock:
            self._idle.setdefault(key, []).append(worker)

    def close(self) -> None:
        with self._lock:
            workers = [w for idle in self._idle.values() for w in idle]
            self._idle.clear()
        for worker in workers:
            worker.close()


POOL = WorkerPool()
PROGRESS_EVERY = 50  # programs between progress lines: a long run must not look hung in CI


class Progress:
    """Counts finished programs across the worker threads; says so every `every` of them."""

    def __init__(self, label: str, total: int, every: int = PROGRESS_EVERY) -> None:
        self.label, self.total, self.every = label, total, every
        self.done = 0
        self.start = time.monotonic()
        self._lock = threading.Lock()

    def step(self) -> None:
        with self._lock:
            self.done += 1
            if self.done % self.every == 0 or self.done == self.total:
                elapsed = time.monotonic() - self.start
                print(
                    f"oracle: {self.label}: {self.done}/{self.total} ({elapsed:.0f} s)",
                    file=sys.stderr,
                    flush=True,
                )


def run_all(
    sources: list[str], keras: int, jobs: int, label: str = "programs", whole: bool = False
) -> list[dict]:
    progress = Progress(f"Keras {keras} {label}", len(sources))
    results: list[dict | None] = [None] * len(sources)
    queue: Queue[int] = Queue()
    for i in range(len(sources)):
        queue.put(i)

    def work() -> None:
        worker = POOL.take(keras)
        try:
            while not queue.empty():
                try:
                    i = queue.get_nowait()
                except Exception:
                    return
                if worker.served >= RECYCLE_AFTER:
                    # TensorFlow grows (about 2 GB after a few hundred programs, each slower
                    # than the last) despite clear_session: a fresh worker keeps runs linear.
                    worker.close()
                    worker = Worker(keras)
                try:
                    results[i] = worker.run(sources[i], whole)
                except RuntimeError:
                    results[i] = {
                        "raised": True,
                        "type": "WorkerDied",
                        "message": "worker died",
                        "line": None,
                        "statement": None,
                        "layer_shapes": None,
                    }
                    worker = Worker(keras)
                progress.step()
        finally:
            POOL.give_back(worker)

    threads = [threading.Thread(target=work) for _ in range(max(1, jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [r or {} for r in results]


def apply_fix(source: str, fix: Fix) -> str:
    lines = source.split("\n")
    for edit in sorted(fix.edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        s = edit.span
        head = lines[s.line][: s.column]
        tail = lines[s.end_line][s.end_column :]
        new = (head + edit.new_text + tail).split("\n")
        lines[s.line : s.end_line + 1] = new
    return "\n".join(lines)


@dataclass
class Outcome:
    program: Program
    keras: dict
    errors: list[Finding]
    verdict: str  # agree / false-error / missed / internal-error
    location_ok: bool = True
    shapes_ok: bool | None = None
    shape_detail: str = ""
    names_ok: bool | None = None  # the model's and its layers' names are Keras's
    fixes: list[tuple[str, bool, str]] = field(default_factory=list)
    dropped_fixes: int = 0  # passed the call's own re-check, dropped by the whole-program one


def _no_batch(shape: str) -> str:
    """Keras 3 builds an unbuilt Sequential with the first batch's size; compare the rest."""
    return "(None" + shape[shape.index(",") :] if shape.startswith("(") and "," in shape else shape


def compare(programs: list[Program], keras: int, results: list[dict]) -> list[Outcome]:
    outcomes = []
    for program, result in zip(programs, results, strict=True):
        analysis = analyze(program.source, Options(KerasVersion(keras)))
        errors = [f for f in analysis.findings if f.severity == "error"]
        ours, theirs = bool(errors), bool(result.get("raised"))
        verdict = "agree" if ours == theirs else ("false-error" if ours else "missed")
        if any(f.code == INTERNAL_ERROR for f in analysis.findings):
            verdict = "internal-error"  # shapesense gave up: not an agreement, whatever Keras did
        outcome = Outcome(program, result, errors, verdict)
        if errors:
            line_only = analyze(
                program.source, Options(KerasVersion(keras), whole_program_fixes=False)
            )
            first = [f for f in line_only.findings if f.severity == "error"][:1]
            outcome.dropped_fixes = sum(len(f.fixes) for f in first) - len(errors[0].fixes)
        if ours and theirs and result.get("statement"):
            places = [result["statement"], result.get("outer_statement") or result["statement"]]
            outcome.location_ok = any(a <= f.span.line + 1 <= b for f in errors for a, b in places)
        if not theirs and result.get("layer_shapes") is not None and analysis.models:
            mine = [_no_batch(row[2]) for row in analysis.models[-1].rows]
            real = [_no_batch(s) for s in result["layer_shapes"]]
            outcome.shapes_ok = mine == real
            if not outcome.shapes_ok:
                outcome.shape_detail = f"ours {mine} vs keras {real}"
        if not theirs and result.get("names") is not None and analysis.models:
            last = analysis.models[-1]
            named = [last.name, *(row[0] for row in last.rows)]
            outcome.names_ok = named == result["names"]
            if not outcome.names_ok:
                outcome.shape_detail += f" names: ours {named} vs keras {result['names']}"
        outcomes.append(outcome)
    return outcomes


def verify_fixes(outcomes: list[Outcome], keras: int, jobs: int) -> None:
    """Each fix offered for the first error is applied and the WHOLE program run (every
    top-level statement, even after one raised): the fix is good when the program then raises
    nothing it did not raise before, the fixed statement included, and shapesense agrees."""
    with_fixes = [o for o in outcomes if o.verdict == "agree" and o.errors and o.errors[0].fixes]
    before = run_all(
        [o.program.source for o in with_fixes], keras, jobs, "programs with fixes", whole=True
    )
    jobs_list: list[tuple[Outcome, Fix, str, set[int]]] = []
    for outcome, original in zip(with_fixes, before, strict=True):
        raised = [r[0] for r in original.get("raised_statements", [])]
        allowed = set(raised[1:])  # what else the program raised; the first is being fixed
        for fix in outcome.errors[0].fixes:
            src = apply_fix(outcome.program.source, fix)
            jobs_list.append((outcome, fix, src, allowed))
    results = run_all([src for _, _, src, _ in jobs_list], keras, jobs, "quick fixes", whole=True)
    for (outcome, fix, src, allowed), result in zip(jobs_list, results, strict=True):
        new = [r for r in result.get("raised_statements", []) if r[0] not in allowed]
        if "raised_statements" not in result:
            new = [[None, result.get("type"), result.get("message", "")]]
        still = [
            f for f in analyze(src, Options(KerasVersion(keras))).findings if f.severity == "error"
        ]
        ok = not new and (bool(still) == bool(result.get("raised")))
        why = ""
        if new:
            why = f"statement {new[0][0]} raises {new[0][1]}: {str(new[0][2])[:200]}"
        elif not ok:
            why = f"shapesense finds {[f.code for f in still]} on the fixed program"
        outcome.fixes.append((fix.title, ok, why))


def report(
    all_outcomes: dict[int, list[Outcome]], command: str, elapsed: float
) -> tuple[str, bool]:
    lines = [
        "# Oracle report: shapesense against real Keras",
        "",
        f"Command: `{command}`",
        f"Time: {elapsed:.0f} s",
        "",
    ]
    ok = True
    for keras, outcomes in sorted(all_outcomes.items()):
        n = len(outcomes)
        agree = sum(o.verdict == "agree" for o in outcomes)
        false_errors = [o for o in outcomes if o.verdict == "false-error"]
        missed = [o for o in outcomes if o.verdict == "missed"]
        crashed = [o for o in outcomes if o.verdict == "internal-error"]
        raised = sum(bool(o.keras.get("raised")) for o in outcomes)
        wrong_place = [o for o in outcomes if not o.location_ok]
        shape_checked = [o for o in outcomes if o.shapes_ok is not None]
        shape_bad = [o for o in shape_checked if not o.shapes_ok]
        names_checked = [o for o in outcomes if o.names_ok is not None]
        names_bad = [o for o in names_checked if not o.names_ok and o.shapes_ok is not False]
        fixes = [(o, f) for o in outcomes for f in o.fixes]
        bad_fixes = [(o, f) for o, f in fixes if not f[1]]
        lines += [
            f"## Keras {keras}",
            "",
            f"- programs: {n} ({raised} raise in Keras, {n - raised} run)",
            f"- verdict agreement: {agree}/{n} = {100 * agree / max(n, 1):.2f}%",
            f"- false errors (shapesense error, Keras runs): {len(false_errors)}",
            f"- missed (Keras raises, shapesense silent): {len(missed)}",
            f"- internal errors of shapesense (SS000): {len(crashed)}",
            f"- error reported on another statement than Keras's: {len(wrong_place)}",
            f"- layer output shapes equal to Keras's: {len(shape_checked) - len(shape_bad)}/{len(shape_checked)} programs",
            f"- model and layer names equal to Keras's: {len(names_checked) - len(names_bad)}/{len(names_checked)} programs",
            f"- quick fixes, the whole fixed program run under Keras: {len(fixes) - len(bad_fixes)}/{len(fixes)} raise nothing the program did not raise before",
            f"- quick fixes dropped by the whole-program re-check (they passed the call's own): {sum(o.dropped_fixes for o in outcomes)}",
            "",
            "| by family | programs | agree | false errors | missed |",
            "|---|---|---|---|---|",
        ]
        for key in ("family", "perturbation", "style"):
            groups: dict[str, list[Outcome]] = defaultdict(list)
            for o in outcomes:
                groups[getattr(o.program, key)].append(o)
            if key != "family":
                lines += [
                    "",
                    f"| by {key} | programs | agree | false errors | missed |",
                    "|---|---|---|---|---|",
                ]
            for name, group in sorted(groups.items()):
                c = Counter(o.verdict for o in group)
                lines.append(
                    f"| {name} | {len(group)} | {c['agree']} | {c['false-error']} | {c['missed']} |"
                )
        lines.append("")
        problems = crashed + false_errors + missed + wrong_place + shape_bad + names_bad
        if problems or bad_fixes:
            ok = False
            lines += ["### Disagreements", ""]
            for o in problems[:40]:
                kind = (
                    o.verdict
                    if o.verdict != "agree"
                    else (
                        "location"
                        if not o.location_ok
                        else ("shapes" if o.shapes_ok is False else "names")
                    )
                )
                lines += [
                    f"**{kind}** ({o.program.family}, {o.program.perturbation}): Keras: `{o.keras.get('type')}: {o.keras.get('message', '')[:200]}` line {o.keras.get('line')}; ours: {[f.code + ' line ' + str(f.span.line + 1) for f in o.errors]} {o.shape_detail}",
                    "",
                    "```python",
                    o.program.source.rstrip(),
                    "```",
                    "",
                ]
            for o, (title, _, why) in bad_fixes[:20]:
                lines += [
                    f"**fix failed** `{title}`: {why}",
                    "",
                    "```python",
                    o.program.source.rstrip(),
                    "```",
                    "",
                ]
    return "\n".join(lines) + "\n", ok


def _programs(seed: int, count: int, style: str | None) -> list[Program]:
    """The first `count` generated programs of `style`: a model style (functional-two-inputs),
    a family (transfer, subclass) or a group (code: generator_models.py); several with commas."""
    if style is None:
        return [generate(seed, i) for i in range(count)]
    wanted = set(style.split(","))
    programs: list[Program] = []
    index = 0
    while len(programs) < count and index < count * 1000:
        program = generate(seed, index)
        if wanted & {program.style, program.family, str(program.meta.get("group"))}:
            programs.append(program)
        index += 1
    return programs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keras", type=int, nargs="+", default=[3, 2], choices=[2, 3])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--report", default=None)
    parser.add_argument("--no-fixes", action="store_true")
    parser.add_argument(
        "--style",
        default=None,
        help="only programs of these model styles, families or groups (comma-separated: "
        "transfer, code, subclass, custom_layer, builder, loop, lambda, dicts)",
    )
    args = parser.parse_args(argv)
    start = time.time()
    programs = _programs(args.seed, args.count, args.style)
    outcomes: dict[int, list[Outcome]] = {}
    for keras in args.keras:
        results = run_all([p.source for p in programs], keras, args.jobs)
        outcomes[keras] = compare(programs, keras, results)
        if not args.no_fixes:
            verify_fixes(outcomes[keras], keras, args.jobs)
    command = "python -m tests.oracle.run " + " ".join(argv if argv is not None else sys.argv[1:])
    text, ok = report(outcomes, command, time.time() - start)
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
    print(text if not args.report else text.split("### Disagreements")[0])
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
