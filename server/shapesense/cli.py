"""`shapesense check` (text / json / sarif) and `shapesense serve`: thin adapters over the core."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .analysis import INTERNAL_ERROR, Options, analyze
from .files import read_source
from .findings import Finding, Span
from .keras.versions import KerasVersion, detect
from .notebooks import Notebook, NotebookError
from .resolve import ProjectResolver

SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    "__pycache__",
    "node_modules",
    ".venv",
    "venv",
    ".tox",
    ".mypy_cache",
    ".ruff_cache",
    "site-packages",
}
RULES_DOC = "docs/rules.md"


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: tuple[Finding, ...]
    cells: tuple[
        int | None, ...
    ] = ()  # per finding: the notebook cell, when the file is a notebook


def iter_files(paths: Iterable[str]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if name.endswith((".py", ".ipynb")):
                        yield Path(root) / name
        else:
            yield path


def check_file(path: Path, version: int) -> FileResult:
    """One file's findings. Whatever happens to this file becomes a finding on it: never raises."""
    name = str(path)
    try:
        return _check_file(path, version)
    except Exception as exc:  # a bug of ours on one file must not end the run
        message = f"ShapeSense could not check this file (internal error: {type(exc).__name__}). Please report it."
        return FileResult(
            name, (Finding(Span(0, 0, 0, 0), "information", INTERNAL_ERROR, message),)
        )


def _check_file(path: Path, version: int) -> FileResult:
    name = str(path)
    source = read_source(name)
    if source.text is None:
        assert source.problem is not None
        return FileResult(name, (source.problem,))
    options = Options(KerasVersion(version), ProjectResolver(name, os.getcwd()))
    if path.suffix == ".ipynb":
        try:
            notebook = Notebook.from_json(source.text)
        except NotebookError as exc:
            return FileResult(
                name,
                (Finding(Span(0, 0, 0, 0), "error", "SS004", f"Not a readable notebook: {exc}"),),
            )
        mapped = [notebook.to_cell(f) for f in analyze(notebook.source, options).findings]
        kept = [(cell, f) for cell, f in mapped if cell is not None]
        return FileResult(name, tuple(f for _, f in kept), tuple(cell for cell, _ in kept))
    return FileResult(name, tuple(analyze(source.text, options).findings))


def _check_many(files: list[Path], version: int, jobs: int) -> list[FileResult]:
    if jobs <= 1 or len(files) < 8:
        return [check_file(f, version) for f in files]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(
            pool.map(
                check_file,
                files,
                [version] * len(files),
                chunksize=max(1, len(files) // (jobs * 8)),
            )
        )


# --- output formats ---------------------------------------------------------------------------


def format_text(results: list[FileResult]) -> str:
    lines = []
    for result in results:
        cells = result.cells or (None,) * len(result.findings)
        for finding, cell in zip(result.findings, cells, strict=True):
            where = f"{result.path}:cell {cell + 1}:" if cell is not None else f"{result.path}:"
            s = finding.span
            lines.append(
                f"{where}{s.line + 1}:{s.column + 1}: {finding.severity} {finding.code} {finding.message}"
            )
            if finding.keras_message:
                lines.append(f"    Keras: {finding.keras_message}")
            for fix in finding.fixes:
                lines.append(f"    fix: {fix.title}")
    errors = sum(1 for r in results for f in r.findings if f.severity == "error")
    others = sum(len(r.findings) for r in results) - errors
    lines.append(
        f"Checked {len(results)} file{'s' * (len(results) != 1)}: {errors} error{'s' * (errors != 1)}, {others} other finding{'s' * (others != 1)}."
    )
    return "\n".join(lines)


def _edit_json(edit_span: Span, new_text: str) -> dict[str, object]:
    return {
        "line": edit_span.line + 1,
        "column": edit_span.column + 1,
        "end_line": edit_span.end_line + 1,
        "end_column": edit_span.end_column + 1,
        "new_text": new_text,
    }


def format_json(results: list[FileResult]) -> str:
    diagnostics = []
    for result in results:
        cells = result.cells or (None,) * len(result.findings)
        for finding, cell in zip(result.findings, cells, strict=True):
            s = finding.span
            entry: dict[str, object] = {
                "path": result.path,
                "line": s.line + 1,
                "column": s.column + 1,
                "end_line": s.end_line + 1,
                "end_column": s.end_column + 1,
                "severity": finding.severity,
                "code": finding.code,
                "message": finding.full_message,
                "fixes": [
                    {
                        "title": fix.title,
                        "edits": [_edit_json(e.span, e.new_text) for e in fix.edits],
                    }
                    for fix in finding.fixes
                ],
            }
            if cell is not None:
                entry["cell"] = cell + 1
            diagnostics.append(entry)
    return json.dumps({"version": 1, "diagnostics": diagnostics}, indent=2)


def format_sarif(results: list[FileResult]) -> str:
    from .rules import RULES

    level = {"error": "error", "warning": "warning", "information": "note", "hint": "note"}
    sarif_results = []
    for result in results:
        for finding in result.findings:
            s = finding.span
            item: dict[str, object] = {
                "ruleId": finding.code,
                "level": level[finding.severity],
                "message": {"text": finding.full_message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": Path(result.path).as_posix()},
                            "region": {
                                "startLine": s.line + 1,
                                "startColumn": s.column + 1,
                                "endLine": s.end_line + 1,
                                "endColumn": s.end_column + 1,
                            },
                        }
                    }
                ],
            }
            if finding.fixes:
                item["fixes"] = [
                    {
                        "description": {"text": fix.title},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": Path(result.path).as_posix()},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "startLine": e.span.line + 1,
                                            "startColumn": e.span.column + 1,
                                            "endLine": e.span.end_line + 1,
                                            "endColumn": e.span.end_column + 1,
                                        },
                                        "insertedContent": {"text": e.new_text},
                                    }
                                    for e in fix.edits
                                ],
                            }
                        ],
                    }
                    for fix in finding.fixes
                ]
            sarif_results.append(item)
    rules = [
        {"id": code, "name": rule.name, "shortDescription": {"text": rule.summary}}
        for code, rule in RULES.items()
    ]
    doc = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [
            {
                "tool": {"driver": {"name": "shapesense", "version": __version__, "rules": rules}},
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(doc, indent=2)


# --- entry point ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shapesense", description="Catch Keras input-shape mistakes before the code runs."
    )
    parser.add_argument("--version", action="version", version=f"shapesense {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check Python files, notebooks or directories")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    check.add_argument(
        "--keras-version",
        choices=("auto", "2", "3"),
        default="auto",
        help="Keras to check against (auto: read from this environment)",
    )
    check.add_argument(
        "--jobs", "-j", type=int, default=1, help="worker processes (0: one per core)"
    )
    serve = sub.add_parser("serve", help="run the language server (LSP over stdio)")
    serve.add_argument(
        "--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio (for debugging)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # A file name that is not valid in stdout's encoding (strict ASCII, say) is escaped, not a crash.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if args.command == "serve":
        from .lsp.server import serve

        return serve(args.tcp)
    version = detect(args.keras_version).major
    # A path given that does not exist is a usage error; a file found that cannot be read, SS002.
    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing:
        print(f"shapesense: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    files = list(iter_files(args.paths))
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    results = _check_many(files, version, jobs)
    output = {"text": format_text, "json": format_json, "sarif": format_sarif}[args.format](results)
    sys.stdout.write(output + "\n")
    return 1 if any(f.severity == "error" for r in results for f in r.findings) else 0
