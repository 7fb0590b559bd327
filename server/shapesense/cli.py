"""`shapesense check` and `shapesense serve`: argument parsing and printing, nothing more.
Files are found by discover.py, configured and checked by batch.py, printed by output/.

`serve` starts its analysis process before it imports anything more: the analysis (batch.py,
analysis.py and all they import) is imported by that process, never by the server, so
`check`'s modules are imported inside `_check`.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .config import DEVICES
from .output import FORMATS
from .rules import PAGES

if TYPE_CHECKING:
    from .batch import Job
    from .findings import Finding
    from .output import FileResult

EXIT_CODES = """exit status:
  0  no errors found (or --exit-zero)
  1  an error was found: real Keras would raise there (with --diff: a fix would change a file)
  2  usage error: a bad option, a path that does not exist, a --python that is not there"""

CHECK_EPILOG = f"""{EXIT_CODES}

configuration: [tool.shapesense] in pyproject.toml, or shapesense.toml, the nearest one above
each file (keras-version, device, python, select, ignore, per-file-ignores, exclude, extend-exclude,
respect-gitignore, report-unused-suppressions, severity). Options given here win.

suppressions: `# shapesense: ignore[SS102]`, `# shapesense: ignore`, `# noqa: SS102`,
`# shapesense: ignore-file`.

rule pages: {PAGES}/SSxxx.md (each code in the output links there on a terminal)."""


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if not 0 <= number <= 1024:
        raise argparse.ArgumentTypeError("expected 0 (one per core) or 1 to 1024")
    return number


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shapesense", description="Catch Keras input-shape mistakes before the code runs."
    )
    parser.add_argument("--version", action="version", version=f"shapesense {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check",
        help="check Python files, notebooks or directories",
        description="Check Python files and notebooks for Keras shape errors, without running them.",
        epilog=CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (default: the current folder); - reads standard input",
    )
    check.add_argument(
        "--output-format",
        "--format",
        dest="output_format",
        choices=FORMATS,
        default="text",
        help="text (= full: finding, Keras's words, fixes), concise (one line each), json, "
        "json-lines, sarif (code scanning), github (workflow annotations), gitlab (code "
        "quality), junit",
    )
    check.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE")
    check.add_argument(
        "--keras-version",
        choices=("auto", "2", "3"),
        default=None,
        help="Keras to check against (default: the configuration's, else auto: read from "
        "the package metadata of the Python environment)",
    )
    check.add_argument(
        "--device",
        choices=DEVICES,
        default=None,
        help="where the code runs: cpu-without-onednn (TensorFlow on a CPU with its oneDNN "
        "kernels off) makes SS301 (a channels_first layer those kernels refuse) an error "
        "(default: the configuration's, else any: a hint)",
    )
    check.add_argument(
        "--python",
        metavar="PATH",
        help="the interpreter whose installed packages decide the Keras version (its "
        "environment is read from disk: nothing is run)",
    )
    check.add_argument("--select", type=_codes, metavar="CODES", help="only these codes/prefixes")
    check.add_argument("--ignore", type=_codes, metavar="CODES", help="leave out these codes")
    check.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report suppression comments that silence nothing (SS900)",
    )
    check.add_argument(
        "--explain-silence",
        action="store_true",
        help="report each fit/evaluate/predict call not fully checked, and why (SS300)",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found")
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print counts per code, and the coverage (calls checked or not, by reason; "
        "models derived), instead of findings",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes that verifiably remove errors as a unified diff; change nothing",
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="apply those fixes to the files (they change what the program does: review them)",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name (and place, for the configuration) of the text read from -",
    )
    check.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclude patterns to files named on the command line too (for pre-commit)",
    )
    check.add_argument(
        "--jobs", "-j", type=_jobs, default=1, help="worker processes (0: one per core)"
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour and rule links in text output (auto: on a terminal, unless NO_COLOR)",
    )
    serve = sub.add_parser("serve", help="run the language server (LSP over stdio)")
    serve.add_argument(
        "--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio (for debugging)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # A file name that is not valid in stdout's encoding (strict ASCII, say) is escaped, not a crash.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if args.command == "serve":
        from .lsp.heap import NEVER
        from .lsp.pool import early

        early()  # the analysis process imports while the server does
        # No automatic full collection from here on (lsp/heap.py runs them when idle, and
        # turns them off too once the client has initialised): importing lsprotocol's classes
        # triggered one, 60-70 ms of the start on a loaded machine, freeing 211 objects.
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, NEVER)
        from .lsp.server import serve

        return serve(args.tcp)
    # The analysis's modules are some 19,000 objects that live as long as the process: the
    # collections while importing them (2-7 ms of a cold check) found under a hundred to
    # free. So none runs during the import, and later ones never walk those objects again.
    gc.disable()
    from .batch import UsageError

    gc.freeze()
    gc.enable()
    try:
        return _check(args)
    except UsageError as exc:
        print(f"shapesense: {exc}", file=sys.stderr)
        return 2


def _check(args: argparse.Namespace) -> int:
    from .batch import Overrides, check_all, plan
    from .discover import discover
    from .output import Run, formatter
    from .output import statistics as stats

    paths = args.paths or ["."]
    stdin = None
    if "-" in paths:
        paths = [p for p in paths if p != "-"]
        stdin = (args.stdin_filename or "-", sys.stdin.read())
    found = discover(paths, args.force_exclude)
    for note in found.notes:
        print(f"shapesense: {note}", file=sys.stderr)
    for missing in found.missing:
        print(f"shapesense: no such file or directory: {missing}", file=sys.stderr)
    overrides = Overrides(
        args.keras_version,
        args.python,
        args.select,
        args.ignore,
        args.report_unused_suppressions,
        args.explain_silence,
        args.device,
    )
    work = plan(found.files, overrides, stdin)
    for note in work.notes:
        print(f"shapesense: {note}", file=sys.stderr)
    for keras in work.keras:
        print(f"shapesense {__version__}: checking against {keras.describe()}", file=sys.stderr)
    workers = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    results = check_all(work.jobs, workers)
    status = 2 if found.missing else 0
    if args.diff or args.fix:
        return max(status, _fixes(args, work.jobs, results))
    run = Run(results, work.keras, _color(args))
    if args.statistics:
        report = stats.render(run, args.output_format)
    else:
        report = formatter(args.output_format)(run)
    _write(args.output_file, report)
    if status == 0 and run.errors and not args.exit_zero:
        status = 1
    return status


def _color(args: argparse.Namespace) -> bool:
    from .output.text import use_color

    if args.color != "auto" or args.output_file:
        return args.color == "always"
    return args.output_format in ("text", "full", "concise") and use_color(sys.stdout)


def _write(output_file: str | None, report: str) -> None:
    if not report:
        return
    if output_file:
        Path(output_file).write_text(report + "\n", encoding="utf-8")
    else:
        sys.stdout.write(report + "\n")


def _analyser(job: Job) -> Callable[[str], list[Finding]]:
    from .analysis import analyze

    options = job.options()
    return lambda text: analyze(text, options).findings


def _fixes(args: argparse.Namespace, jobs: list[Job], results: list[FileResult]) -> int:
    """--diff prints, --fix writes (stdin: prints the fixed text). In a notebook the fixes
    change the code cells' source and nothing else of the file."""
    from .batch import check_all
    from .files import read_source
    from .fixing import fixed_text, unified_diff
    from .notebook_fixing import fixed_notebook

    changed = 0
    diffs = []
    for job, result in zip(jobs, results, strict=True):
        source = result.source
        if source is None and result.is_notebook and any(f.fixes for f in result.findings):
            source = job.text if job.text is not None else read_source(job.path).text
        if source is None:
            continue
        fix = fixed_notebook if result.is_notebook else fixed_text
        new, applied = fix(source, _analyser(job))
        if job.text is not None and args.fix:
            sys.stdout.write(new)
            continue
        if not applied:
            continue
        changed += 1
        if args.diff:
            diffs.append(unified_diff(job.path, source, new))
        else:
            Path(job.path).write_bytes(new.encode("utf-8"))
            print(
                f"shapesense: {job.path}: applied {applied} fix{'es' * (applied != 1)}",
                file=sys.stderr,
            )
    if args.diff:
        _write(args.output_file, "".join(diffs).rstrip("\n"))
        return 1 if changed and not args.exit_zero else 0
    if jobs and jobs[-1].text is not None:
        return 0
    remaining = check_all(jobs, 1)
    errors = sum(1 for r in remaining for f, _ in r.placed() if f.severity == "error")
    print(
        f"shapesense: fixed {changed} file{'s' * (changed != 1)}; {errors} error"
        f"{'s' * (errors != 1)} left",
        file=sys.stderr,
    )
    return 1 if errors and not args.exit_zero else 0
