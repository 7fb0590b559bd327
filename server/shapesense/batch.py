"""A `shapesense check` run: each file's configuration and Keras, then the analysis of each file
(in worker processes with --jobs). The CLI parses arguments and prints; this does the work."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config as configuration
from .analysis import INTERNAL_ERROR, Options, analyze
from .config import RuleSelection
from .coverage import per_call
from .files import read_source
from .findings import Analysis, Finding, Span
from .ipython_syntax import to_python
from .keras.interpreter import InterpreterError, search_path
from .keras.versions import KERAS_3, Detected, KerasVersion, detect_with_origin
from .notebooks import Notebook, NotebookError
from .output import FileResult
from .resolve import ProjectResolver


@dataclass(frozen=True)
class Overrides:
    """What the command line says, over each file's configuration."""

    keras_version: str | None = None
    python: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    report_unused_suppressions: bool = False
    explain_silence: bool = False
    device: str | None = None


@dataclass(frozen=True)
class Job:
    """One file to check, with everything a worker process needs (picklable)."""

    path: str
    keras: KerasVersion
    rules: RuleSelection
    report_unused_suppressions: bool
    text: str | None = None  # stdin's text; None: read the file
    explain_silence: bool = False  # SS300
    device: str = "any"  # "cpu-without-onednn": SS301 is an error

    def options(self) -> Options:
        resolver = ProjectResolver(self.path if self.text is None else None, os.getcwd())
        return Options(
            self.keras,
            resolver,
            self.report_unused_suppressions,
            self.rules,
            explain_silence=self.explain_silence,
            device=self.device,
        )


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    keras: list[Detected] = field(default_factory=list)  # each Keras used, once
    notes: list[str] = field(default_factory=list)  # configuration problems, for stderr


class UsageError(Exception):
    pass


def plan(files: list[Path], overrides: Overrides, stdin: tuple[str, str] | None = None) -> Plan:
    """Each file's job. `stdin`: (the name to report, its text)."""
    result = Plan()
    detected: dict[tuple[object, ...], Detected] = {}
    seen_configs: set[Path] = set()
    entries: list[tuple[Path, str | None]] = [(f, None) for f in files]
    if stdin is not None:
        entries.append((Path(stdin[0]), stdin[1]))
    for path, text in entries:
        config = configuration.find(path.absolute())
        if config.path is not None and config.path not in seen_configs:
            seen_configs.add(config.path)
            result.notes += list(config.problems)
        keras = _keras(config, overrides, detected)
        if keras not in result.keras:
            result.keras.append(keras)
        rules = config.selection(path.absolute())
        if overrides.select is not None or overrides.ignore is not None:
            rules = RuleSelection(
                overrides.select if overrides.select is not None else rules.select,
                overrides.ignore if overrides.ignore is not None else rules.ignore,
                rules.severity,
            )
        unused = overrides.report_unused_suppressions or config.report_unused_suppressions
        explain = overrides.explain_silence
        device = overrides.device or config.device
        result.jobs.append(Job(str(path), keras.keras, rules, unused, text, explain, device))
    return result


def _keras(
    config: configuration.Config, overrides: Overrides, cache: dict[tuple[object, ...], Detected]
) -> Detected:
    if overrides.keras_version not in (None, "auto"):
        setting, source = str(overrides.keras_version), f"--keras-version {overrides.keras_version}"
    elif config.keras_version != "auto":
        setting, source = config.keras_version, f"keras-version in {config.path}"
    else:
        setting, source = "auto", ""
    python, python_source = _python(config, overrides)
    key = (setting, python, str(config.root))
    if key in cache:
        return cache[key]
    if setting != "auto" or python is None:
        cache[key] = detect_with_origin(
            setting, None, f"shapesense's own environment, {sys.executable}", source
        )
        return cache[key]
    try:
        exe, paths = search_path(python, str(config.root) if config.root else None)
    except InterpreterError as exc:
        if overrides.python:
            raise UsageError(f"--python: {exc}") from exc
        cache[key] = Detected(KERAS_3, f"assumed: {python_source}: {exc}")
        return cache[key]
    cache[key] = detect_with_origin("auto", paths, f"the environment of {exe} ({python_source})")
    return cache[key]


def _python(config: configuration.Config, overrides: Overrides) -> tuple[str | None, str]:
    if overrides.python:
        return str(Path(overrides.python).expanduser()), "--python"
    if config.python:
        return config.python, f"python in {config.path}"
    venv = os.environ.get("VIRTUAL_ENV")
    if venv and Path(venv).resolve() != Path(sys.prefix).resolve():
        bin_dir = "Scripts" if os.name == "nt" else "bin"
        return str(Path(venv) / bin_dir / "python"), "the active VIRTUAL_ENV"
    return None, ""


def check_file(job: Job) -> FileResult:
    """One file's findings. Whatever happens to this file becomes a finding on it: never raises."""
    try:
        return _check_file(job)
    except Exception as exc:  # a bug of ours on one file must not end the run
        message = f"ShapeSense could not check this file (internal error: {type(exc).__name__}). Please report it."
        return FileResult(
            job.path, (Finding(Span(0, 0, 0, 0), "information", INTERNAL_ERROR, message),)
        )


def _check_file(job: Job) -> FileResult:
    path, name = Path(job.path), job.path
    if job.text is not None:
        text = job.text
    else:
        source = read_source(name)
        if source.text is None:
            assert source.problem is not None
            return FileResult(name, (source.problem,))
        text = source.text
    options = job.options()
    if path.suffix == ".ipynb":
        try:
            notebook = Notebook.from_json(text)
        except NotebookError as exc:
            why = f"Not a readable notebook: {exc}"
            return FileResult(name, (Finding(Span(0, 0, 0, 0), "error", "SS004", why),))
        analysis = analyze(notebook.source, options)
        numbers = tuple(i + 1 for i in notebook.indices)
        shifts = tuple(to_python(cell).shifts for cell in notebook.cells)  # IPython's dedent
        return FileResult(
            name,
            tuple(analysis.findings),
            tuple(notebook.starts),
            numbers,
            cell_shifts=shifts,
            **_coverage(analysis),
        )
    analysis = analyze(text, options)
    return FileResult(name, tuple(analysis.findings), source=text, **_coverage(analysis))


def _coverage(analysis: Analysis) -> dict[str, Any]:
    return {"calls": tuple(per_call(analysis.calls)), "models": tuple(analysis.model_coverage)}


def check_all(jobs: list[Job], workers: int) -> list[FileResult]:
    if workers <= 1 or len(jobs) < 8:
        return [check_file(job) for job in jobs]
    from concurrent.futures import ProcessPoolExecutor  # only with --jobs: 17 ms of imports

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(check_file, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
