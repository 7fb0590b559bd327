"""Which version of a distribution is installed, and where, as `importlib.metadata` finds it,
without importing `importlib.metadata`.

Importing `importlib.metadata` (it brings the email package) and asking it for the Keras
distributions was about a sixth of a cold `shapesense check` of one file. Where the search path
is plain folders, its search is simple: the first `*.dist-info` or `*.egg-info` folder, in the
path's order and each folder's listing order, whose name before the first `-` normalises (PEP 503,
dashes as underscores) to the distribution's; its `Version` is the first such header of its
`METADATA` (or `PKG-INFO`). That is done here. Anything else (a zip or an `.egg` on the path,
another distribution finder on `sys.meta_path`, a metadata file this does not read plainly)
raises NotPlain, and the caller asks `importlib.metadata` itself.
tests/test_keras_installed.py holds this to `importlib.metadata` for every installed distribution.
"""

from __future__ import annotations

import os
import re
import sys
from importlib.machinery import PathFinder
from pathlib import Path

from ..lines import split_lines


class NotPlain(Exception):
    """Not a search this module repeats: ask importlib.metadata."""


_HEADER_NAME = re.compile(r"[\041-\071\073-\176]+")  # as the email parser's header lines


def _normalize(name: str) -> str:
    # importlib.metadata's Prepared.normalize
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def find(name: str, paths: list[str] | None) -> tuple[str, str] | None:
    """(version, the folder it is installed in), or None when no folder on the path (None:
    this process's) holds it. Raises NotPlain."""
    if any(f is not PathFinder and hasattr(f, "find_distributions") for f in sys.meta_path):
        raise NotPlain(name)
    wanted = _normalize(name)
    for root in sys.path if paths is None else paths:
        if os.path.basename(root).lower().endswith(".egg"):
            raise NotPlain(root)  # importlib.metadata also searches an egg's EGG-INFO
        try:
            children = os.listdir(root or ".")
        except OSError:
            if os.path.isfile(root):
                raise NotPlain(root) from None  # a zip file: importlib.metadata reads inside
            continue  # missing or unreadable: importlib.metadata finds nothing there either
        for child in children:
            low = child.lower()
            info = low.endswith((".dist-info", ".egg-info"))
            if info and _normalize(low.rpartition(".")[0].partition("-")[0]) == wanted:
                return _version(Path(root, child))
    return None


def _version(info: Path) -> tuple[str, str]:
    for filename in ("METADATA", "PKG-INFO"):
        try:
            text = info.joinpath(filename).read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
            continue
        if text:
            version = _header(text, "version")
            if version is None:
                raise NotPlain(str(info))
            return version, str(info.parent / "")
    raise NotPlain(str(info))  # an egg-info file, or no metadata: importlib.metadata decides


def _header(text: str, wanted: str) -> str | None:
    """The first `wanted:` header's value, as the email parser gives it for plain headers
    (one line each, before the first blank line); None for anything else."""
    for line in split_lines(text):  # the email parser's line ends
        if not line:
            return None
        if line[0] in " \t":
            return None  # a folded header: let the email parser unfold it
        name, colon, value = line.partition(":")
        if not colon or not _HEADER_NAME.fullmatch(name):
            return None
        if name.lower() == wanted:
            return value.lstrip(" \t")
    return None
