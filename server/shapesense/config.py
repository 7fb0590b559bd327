"""One configuration for the CLI and the server: `shapesense.toml`, or `[tool.shapesense]` in
`pyproject.toml`, found by walking up from each file (the nearest wins; in one folder,
`shapesense.toml` before `pyproject.toml`, and a pyproject.toml without the table is passed by).

    [tool.shapesense]
    keras-version = "auto"          # "auto", "2" or "3"
    device = "any"                  # "cpu-without-onednn": SS301 is an error (oneDNN off)
    python = ".venv/bin/python"     # the environment whose packages decide the Keras version
    select = ["SS1", "SS2"]         # codes or prefixes; default: every code
    ignore = ["SS110"]
    per-file-ignores = { "tests/**" = ["SS102"] }
    exclude = [...]                 # gitignore patterns; replaces the default list
    extend-exclude = ["generated/"] # adds to it
    respect-gitignore = true
    report-unused-suppressions = false
    severity = { SS110 = "off", SS201 = "warning" }
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .findings import SEVERITY_ORDER, Finding

if TYPE_CHECKING:
    import pathspec

CONFIG_FILES = ("shapesense.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (
    ".git/",
    ".hg/",
    ".svn/",
    "__pycache__/",
    "node_modules/",
    ".venv/",
    "venv/",
    ".tox/",
    ".nox/",
    ".mypy_cache/",
    ".ruff_cache/",
    ".pytest_cache/",
    "site-packages/",
    "build/",
    "dist/",
    ".*/",
)
SEVERITIES = (*SEVERITY_ORDER, "off")
# where the code runs: TensorFlow on a CPU with its oneDNN kernels off makes SS301 an error
DEVICES = ("any", "cpu-without-onednn")


@dataclass(frozen=True)
class RuleSelection:
    """Which codes a file reports, and at which severity. Hashable: part of the core's Options."""

    select: tuple[str, ...] = ()  # codes or prefixes; empty: every code
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (code, severity or "off")

    def apply(self, findings: list[Finding]) -> list[Finding]:
        from dataclasses import replace

        levels = dict(self.severity)
        kept = []
        for finding in findings:
            code = finding.code
            if self.select and not code.startswith(self.select):
                continue
            if self.ignore and code.startswith(self.ignore):
                continue
            level = levels.get(code)
            if level == "off":
                continue
            if level is not None and level != finding.severity:
                finding = replace(finding, severity=level)  # type: ignore[arg-type]
            kept.append(finding)
        return kept


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it came from; None: defaults
    keras_version: str = "auto"
    device: str = "any"  # "any" or "cpu-without-onednn"
    python: str | None = None  # absolute, or as given when it is a bare command name
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    report_unused_suppressions: bool = False
    severity: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = field(default=(), compare=False)  # "file:line: what is wrong"

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path else None

    def relative(self, path: Path) -> str | None:
        """`path` relative to the config's folder, with forward slashes (None when outside)."""
        root = self.root
        if root is None:
            return None
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return None

    def selection(self, path: Path | None) -> RuleSelection:
        ignore = list(self.ignore)
        relative = self.relative(path) if path is not None else None
        if relative is not None:
            for pattern, codes in self.per_file_ignores:
                if _spec((pattern,)).match_file(relative):
                    ignore += codes
        return RuleSelection(self.select, tuple(ignore), self.severity)

    def excluded(self, path: Path, is_dir: bool = False) -> bool:
        """Whether `exclude` / `extend-exclude` leave out this path (relative to the config's
        folder; a path outside it is matched by its name)."""
        relative = self.relative(path) or path.name
        if is_dir:
            relative += "/"
        return _spec(self.exclude + self.extend_exclude).match_file(relative)


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # a fifth of a cold `shapesense check`: only when there are patterns

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def find(start: Path) -> Config:
    """The configuration for a file or folder: the nearest config file above it."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_FILES:
            config_path = candidate / name
            try:
                stat = config_path.stat()
            except OSError:
                continue
            loaded = _load_cached(str(config_path), stat.st_mtime_ns, stat.st_size)
            if loaded is not None:
                return loaded
    return Config()


@lru_cache(maxsize=64)
def _load_cached(path: str, mtime: int, size: int) -> Config | None:
    return load(Path(path))


def load(path: Path) -> Config | None:
    """A config file read; None for a pyproject.toml without `[tool.shapesense]`. Never raises:
    what cannot be used is listed in `problems`, with the file and line."""
    # imported here: only a folder with a config file pays for it (a few ms of a cold start)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        return Config(path, problems=(f"{path}: cannot read: {exc}",))
    except tomllib.TOMLDecodeError as exc:
        return Config(path, problems=(f"{path}: not valid TOML: {exc}",))
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("shapesense")
        if table is None:
            return None
        header = r"\[\s*tool\s*\.\s*shapesense\s*\]"
    else:
        table, header = data, None
    if not isinstance(table, dict):
        return Config(path, problems=(f"{path}: [tool.shapesense] is not a table",))
    return _parse(path, text, header, table)


def _line_of(text: str, header: str | None, key: str) -> int:
    """1-based line of `key =` (after the table's header), for messages; 1 when not found."""
    start = 0
    if header is not None:
        found = re.search(rf"^[ \t]*{header}", text, re.MULTILINE)
        start = found.end() if found else 0
    match = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", re.MULTILINE).search(
        text, start
    )
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _parse(path: Path, text: str, header: str | None, table: dict[str, Any]) -> Config:
    problems: list[str] = []
    values: dict[str, Any] = {}

    def bad(key: str, why: str) -> None:
        problems.append(f"{path}:{_line_of(text, header, key)}: {why}")

    def codes(key: str, value: Any) -> tuple[str, ...] | None:
        if isinstance(value, list) and all(isinstance(c, str) for c in value):
            return tuple(c.strip().upper() for c in value)
        bad(key, f'`{key}` should be a list of codes, e.g. ["SS102"]')
        return None

    for key, value in table.items():
        if key == "keras-version":
            if str(value) in ("auto", "2", "3"):
                values["keras_version"] = str(value)
            else:
                bad(key, '`keras-version` should be "auto", "2" or "3"')
        elif key == "device":
            if value in DEVICES:
                values["device"] = value
            else:
                bad(key, '`device` should be "any" or "cpu-without-onednn"')
        elif key == "python":
            if isinstance(value, str) and value:
                as_path = Path(value).expanduser()
                is_command = "/" not in value and "\\" not in value
                values["python"] = value if is_command else str((path.parent / as_path).absolute())
            else:
                bad(key, "`python` should be a path to an interpreter")
        elif key in ("select", "ignore"):
            if (parsed := codes(key, value)) is not None:
                values[key] = parsed
        elif key == "per-file-ignores":
            if isinstance(value, dict):
                entries = []
                for pattern, listed in value.items():
                    if (parsed := codes(key, listed)) is not None:
                        entries.append((str(pattern), parsed))
                values["per_file_ignores"] = tuple(entries)
            else:
                bad(key, '`per-file-ignores` should be a table: { "tests/**" = ["SS102"] }')
        elif key in ("exclude", "extend-exclude"):
            if isinstance(value, list) and all(isinstance(p, str) for p in value):
                values[key.replace("-", "_")] = tuple(value)
            else:
                bad(key, f"`{key}` should be a list of gitignore-style patterns")
        elif key in ("respect-gitignore", "report-unused-suppressions"):
            if isinstance(value, bool):
                values[key.replace("-", "_")] = value
            else:
                bad(key, f"`{key}` should be true or false")
        elif key == "severity":
            if isinstance(value, dict) and all(v in SEVERITIES for v in value.values()):
                values["severity"] = tuple((str(k).upper(), str(v)) for k, v in value.items())
            else:
                bad(key, f"`severity` values should be one of {', '.join(SEVERITIES)}")
        else:
            bad(key, f"unknown key `{key}` (ignored)")
    return Config(path, problems=tuple(problems), **values)
