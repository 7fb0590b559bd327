"""Which files a `shapesense check` run reads: folders searched for Python files and notebooks,
minus the configuration's `exclude` / `extend-exclude` and (by default) what `.gitignore` says.

A file named on the command line is checked even when a pattern excludes it (as ruff does),
unless `force_exclude`; one that is not Python or a notebook is skipped with a note.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import config as configuration

if TYPE_CHECKING:
    import pathspec

SUFFIXES = (".py", ".pyi", ".ipynb")


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for stderr: skipped paths, empty folders
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Ignore:
    base: Path
    spec: pathspec.GitIgnoreSpec

    def matches(self, path: Path, is_dir: bool) -> bool:
        try:
            relative = path.relative_to(self.base).as_posix()
        except ValueError:
            return False
        return self.spec.match_file(relative + ("/" if is_dir else ""))


def _gitignore(folder: Path) -> _Ignore | None:
    try:
        stat = (folder / ".gitignore").stat()
    except OSError:
        return None
    return _read_gitignore(folder, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _read_gitignore(folder: Path, mtime: int, size: int) -> _Ignore | None:
    """A .gitignore read and compiled once per version of it (the language server asks for
    every document at every change: reading and compiling took 1-10 ms each time)."""
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    import pathspec  # only where a .gitignore is read (config.py's _spec says why)

    return _Ignore(folder, pathspec.GitIgnoreSpec.from_lines(lines.splitlines()))


def _ancestor_gitignores(folder: Path) -> list[_Ignore]:
    """The .gitignore files above `folder` up to its repository's root."""
    found: list[_Ignore] = []
    for parent in folder.resolve().parents:
        ignore = _gitignore(parent)
        if ignore is not None:
            found.append(ignore)
        if (parent / ".git").exists():
            break
    else:
        return []  # not in a repository: a stray .gitignore above says nothing about this tree
    return found


def discover(paths: list[str], force_exclude: bool = False) -> Discovery:
    result = Discovery()
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            result.missing.append(raw)
        elif path.is_dir():
            before = len(result.files)
            _walk(path, result)
            if len(result.files) == before:
                result.notes.append(f"{raw}: no Python files or notebooks found")
        elif not path.name.endswith(SUFFIXES):
            result.notes.append(f"{raw}: skipped, not a Python file or notebook")
        elif force_exclude and configuration.find(path).excluded(path.absolute()):
            result.notes.append(f"{raw}: skipped, excluded by the configuration")
        else:
            result.files.append(path)  # a broken symlink too: reading it reports SS002
    return result


def _walk(top: Path, result: Discovery) -> None:
    absolute_top = top.absolute()
    config = configuration.find(absolute_top)
    ignores = _ancestor_gitignores(absolute_top) if config.respect_gitignore else []
    stack: list[tuple[Path, Path, list[_Ignore]]] = [(top, absolute_top, ignores)]
    while stack:
        folder, absolute, inherited = stack.pop()
        local = configuration.find(absolute) if absolute != absolute_top else config
        ignores = list(inherited)
        if local.respect_gitignore and (own := _gitignore(absolute)) is not None:
            ignores.append(own)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            result.notes.append(f"{folder}: cannot list: {exc.strerror or exc}")
            continue
        subfolders = []
        for entry in entries:
            is_dir = entry.is_dir(follow_symlinks=False)
            child, absolute_child = folder / entry.name, absolute / entry.name
            if local.excluded(absolute_child, is_dir) or any(
                i.matches(absolute_child, is_dir) for i in ignores
            ):
                continue
            if is_dir:
                subfolders.append((child, absolute_child, ignores))
            elif entry.name.endswith(SUFFIXES):
                result.files.append(child)
        stack.extend(reversed(subfolders))


def excluded(path: Path) -> bool:
    """Whether a folder walk (as `shapesense check` does) would leave out this file: the
    configuration's `exclude` / `extend-exclude` or a `.gitignore` matches it or a folder above it.
    The language server uses it so an excluded document gets no diagnostics."""
    absolute = path.absolute()
    folder = absolute.parent
    config = configuration.find(folder)
    ignores: list[_Ignore] = []
    if config.respect_gitignore:
        own = _gitignore(folder)
        ignores = ([own] if own is not None else []) + _ancestor_gitignores(folder)
    # Folders are matched up to the configuration's folder, else the repository's root; with
    # neither, only the file (a `build/` far above says nothing about this project).
    root = config.root.absolute() if config.root else _repository_root(folder)
    candidates = [(absolute, False)]
    if root is not None:
        for parent in absolute.parents:
            if parent == root or parent == parent.parent:
                break
            candidates.append((parent, True))
    return any(
        config.excluded(candidate, is_dir) or any(i.matches(candidate, is_dir) for i in ignores)
        for candidate, is_dir in candidates
    )


def _repository_root(folder: Path) -> Path | None:
    return next((p for p in (folder, *folder.parents) if (p / ".git").exists()), None)
