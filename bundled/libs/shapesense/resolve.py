"""What the core may learn from the project's files, without importing or running anything.

The interpreter asks a `Resolver` for two things: the source of a module the code imports from
the project (`from data import X_train`), and the shape of a saved array (`np.load("x.npy")`).
`ProjectResolver` answers from the file system: modules are located with jedi (parsing only,
in this process, no interpreter spawned), arrays by reading the .npy header alone.
"""

from __future__ import annotations

import ast
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

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
        return _jedi_locate(module, str(self.file or self.root / "__main__.py"), str(self.root))

    def locate_file(self, path: str) -> str | None:
        for base in self.bases:
            candidate = (base / path).resolve()
            if candidate.is_file() and self._inside(candidate):
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


@lru_cache(maxsize=256)
def _jedi_locate(module: str, from_file: str, root: str) -> Path | None:
    """Where `import module` leads from `from_file`, found by jedi's import resolution (no imports run)."""
    import jedi

    code = f"import {module}"
    try:
        project = jedi.Project(root, load_unsafe_extensions=False)
        script = jedi.Script(
            code, path=from_file, project=project, environment=jedi.InterpreterEnvironment()
        )
        names = script.goto(1, len(code), follow_imports=True)
    except Exception:  # jedi on arbitrary projects: any failure means "not found"
        return None
    for name in names:
        if name.module_path is not None and str(name.module_path).endswith(".py"):
            return Path(name.module_path).resolve()
    return _module_file(Path(root), module)


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
