"""What the core may learn from the project's files, without importing or running anything.

The interpreter asks a `Resolver` for two things: the source of a module the code imports from
the project (`from data import X_train`), and the shape of a saved array (`np.load("x.npy")`).
`ProjectResolver` answers from the file system: a module is located by file names alone
(`find_project_module`: `.py` files and package folders inside the project, never a compiled
module, never the standard library, never site-packages), then parsed; arrays by reading the
.npy header alone. Nothing is imported, loaded, started or connected.
"""

from __future__ import annotations

import ast
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np
else:
    from .lazy import lazy_import

    np = lazy_import("numpy")  # only to read .npy headers (lazy.py)

# Imports from these are libraries the core models itself (or never follows).
LIBRARIES = {
    "numpy",
    "tensorflow",
    "keras",
    "tf_keras",
    "sklearn",
    "scipy",
    "pandas",
    "torch",
    "jax",
    "matplotlib",
    "seaborn",
    "os",
    "sys",
    "math",
    "random",
    "json",
    "pathlib",
    "typing",
    "collections",
    "itertools",
    "functools",
    "dataclasses",
    "re",
    "time",
    "datetime",
    "logging",
    "argparse",
    "pickle",
    "glob",
    "shutil",
    "PIL",
    "cv2",
    "tqdm",
}
MAX_MODULE_BYTES = 2_000_000


class OpenTexts(Protocol):
    def get(self, path: str, /) -> str | None: ...


class Resolver(Protocol):
    def module_source(self, module: str, level: int) -> tuple[str, str] | None:
        """(path, source) of a project module imported from the file being analysed."""

    def array_file(
        self, path: str, member: str | None = None
    ) -> tuple[tuple[int, ...], str] | None:
        """(shape, dtype) of a .npy file, or of member `member` of a .npz file."""

    def locate_file(self, path: str) -> str | None:
        """The project file a relative path in the code names, if there is one."""

    def locate_dir(self, path: str) -> str | None:
        """The project folder a path in the code names, if there is one."""

    def nested(self, module_path: str) -> Resolver:
        """The resolver for code in another module of the project."""


class ProjectResolver:
    def __init__(
        self,
        file: str | None,
        root: str | None = None,
        open_documents: OpenTexts | None = None,
    ) -> None:
        self.file = Path(file).resolve() if file else None
        base = self.file.parent if self.file else Path.cwd()
        self.root = Path(root).resolve() if root else base
        self.bases = list(dict.fromkeys([base, self.root]))
        self.open_documents: OpenTexts = (
            open_documents if open_documents is not None else {}
        )  # unsaved text

    def _inside(self, path: Path) -> bool:
        return any(path.is_relative_to(b) for b in self.bases)

    def module_source(self, module: str, level: int) -> tuple[str, str] | None:
        if level == 0 and module.split(".")[0] in LIBRARIES:
            return None
        path = self._locate(module, level)
        if path is None or not self._inside(path) or path == self.file:
            return None
        text = self.open_documents.get(str(path))
        if text is None:
            try:
                if path.stat().st_size > MAX_MODULE_BYTES:
                    return None
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return None
        return str(path), text

    def _locate(self, module: str, level: int) -> Path | None:
        if level:
            base = self.file.parent if self.file else self.root
            for _ in range(level - 1):
                base = base.parent
            return _module_file(base, module)
        return find_project_module(module, self._search_dirs())

    def _search_dirs(self) -> list[Path]:
        """Where `import x` can find a project file when the script runs: its own folder (Python
        puts it first), each folder above it up to the project root, and the root's `src/`."""
        dirs: list[Path] = []
        here = self.file.parent if self.file else self.root
        while True:
            dirs.append(here)
            if here == self.root or not here.is_relative_to(self.root) or here == here.parent:
                break
            here = here.parent
        return list(dict.fromkeys([*dirs, self.root, self.root / "src"]))

    def locate_file(self, path: str) -> str | None:
        for base in self.bases:
            candidate = (base / path).resolve()
            if candidate.is_file() and self._inside(candidate):
                return str(candidate)
        return None

    def locate_dir(self, path: str) -> str | None:
        for base in self.bases:
            candidate = (base / path).resolve()
            if candidate.is_dir() and self._inside(candidate):
                return str(candidate)
        return None

    def array_file(
        self, path: str, member: str | None = None
    ) -> tuple[tuple[int, ...], str] | None:
        located = self.locate_file(path)
        return _array_header(located, member) if located else None

    def nested(self, module_path: str) -> ProjectResolver:
        return ProjectResolver(module_path, str(self.root), self.open_documents)


def _module_file(base: Path, module: str) -> Path | None:
    target = base.joinpath(*module.split(".")) if module else base
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if candidate.is_file():
            return candidate.resolve()
    return None


def find_project_module(module: str, search_dirs: list[Path]) -> Path | None:
    """The `.py` file `import module` names among the project's folders, by file names alone.

    A standard-library name is never searched for (sys.stdlib_module_names, or
    sys.builtin_module_names before 3.10), nor is anything outside `search_dirs`: installed
    packages are not the project's. Only `.py` sources count; a compiled module (.so, .pyd,
    .pyc) is never a candidate. As in Python, the first folder holding the top-level name as a
    module or a regular package (with `__init__.py`) decides; a folder without `__init__.py` is
    a namespace package and the search goes on past it.
    """
    parts = module.split(".")
    if not all(p.isidentifier() for p in parts) or _is_stdlib(parts[0]):
        return None
    for base in search_dirs:
        found = _module_file(base, module)
        if found is not None:
            return found
        top = base / parts[0]
        if top.with_suffix(".py").is_file() or (top / "__init__.py").is_file():
            return None  # the name is this folder's module or package, without `module` in it
    return None


def _is_stdlib(name: str) -> bool:
    names = getattr(sys, "stdlib_module_names", None) or sys.builtin_module_names
    return name in names or name == "__future__"


def _array_header(path: str, member: str | None) -> tuple[tuple[int, ...], str] | None:
    """Shape and dtype from the header only: the array data is never read."""
    try:
        if member is None:
            with open(path, "rb") as f:
                return _read_header(f)
        with zipfile.ZipFile(path) as archive, archive.open(member + ".npy") as f:
            return _read_header(f)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError):
        return None


def _read_header(f: object) -> tuple[tuple[int, ...], str]:
    version = np.lib.format.read_magic(f)  # type: ignore[arg-type]
    reader = (
        np.lib.format.read_array_header_1_0
        if version == (1, 0)
        else np.lib.format.read_array_header_2_0
    )
    shape, _fortran, dtype = reader(f)  # type: ignore[arg-type]
    return tuple(int(d) for d in shape), str(dtype)


def npz_members(path: str) -> list[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            return [n[:-4] for n in archive.namelist() if n.endswith(".npy")]
    except (OSError, zipfile.BadZipFile):
        return []


__all__ = ["LIBRARIES", "ProjectResolver", "Resolver", "ast"]
