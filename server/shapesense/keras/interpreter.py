"""The package folders of the user's Python, found on disk without running it.

ShapeSense never starts a program (startup.py's audit hook refuses it), so the interpreter is
not asked: its environment is read from the file system. Handled: venvs (`pyvenv.cfg`, with
the base's packages only when `include-system-site-packages = true`), conda and plain
installs (`lib/python3*/site-packages`), Debian's `dist-packages` (`/usr/lib/python3`,
`/usr/local/lib/python3.X`), pyenv shims (the version `PYENV_VERSION`, `.python-version` above
the project, or pyenv's global `version` file names), and a bare command name (`python3`,
found on PATH).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

PATTERNS = (
    "lib/python3*/site-packages",
    "lib/python3*/dist-packages",
    "lib/python3/dist-packages",
    "Lib/site-packages",
    "lib/site-packages",
)


class InterpreterError(Exception):
    """No interpreter at that path."""


def locate(python: str) -> Path:
    """The interpreter's path: as given, or found on PATH for a bare name."""
    if os.sep in python or (os.altsep and os.altsep in python):
        path = Path(python).expanduser()
    else:
        found = shutil.which(python)
        if found is None:
            raise InterpreterError(f"no Python interpreter named {python!r} on PATH")
        path = Path(found)
    if not path.exists():
        raise InterpreterError(f"no Python interpreter at {python!r}")
    return path


def search_path(python: str, project: str | None = None) -> tuple[str, list[str]]:
    """(the interpreter, its package folders). `project`: where a pyenv shim looks for
    `.python-version`."""
    exe = locate(python)
    shimmed = _pyenv_version(exe, project)
    if shimmed is not None:
        exe = shimmed
    return str(exe), static_search_path(str(exe))


def _pyenv_version(exe: Path, project: str | None) -> Path | None:
    """A pyenv shim's real interpreter, decided the way pyenv decides it."""
    if exe.parent.name != "shims":
        return None
    root = exe.parent.parent
    version = os.environ.get("PYENV_VERSION", "").split(":")[0].strip()
    if not version and project:
        for folder in (Path(project), *Path(project).parents):
            try:
                version = (folder / ".python-version").read_text().split()[0]
                break
            except (OSError, IndexError):
                continue
    if not version:
        try:
            version = (root / "version").read_text().split()[0]
        except (OSError, IndexError):
            return None
    candidate = root / "versions" / version / "bin" / exe.name
    return candidate if candidate.exists() else None


def static_search_path(python: str) -> list[str]:
    """The package folders of the environment an interpreter path belongs to."""
    exe = Path(python)
    try:
        config: str | None = (exe.parent.parent / "pyvenv.cfg").read_text(errors="replace")
    except OSError:
        config = None
    if config is None:  # not a venv: where the interpreter (or what it links to) lives
        roots = {exe.parent.parent, exe.resolve().parent.parent}
        if Path("/usr") in roots:
            roots.add(Path("/usr/local"))  # Debian: pip's dist-packages
    else:  # a venv: its own packages, and the base's only when it says so
        roots = {exe.parent.parent}
        if re.search(r"include-system-site-packages\s*=\s*true", config, re.IGNORECASE):
            for line in config.splitlines():
                key, _, value = line.partition("=")
                if key.strip() == "home" and value.strip():
                    roots.add(Path(value.strip()).parent)
    found: list[str] = []
    for root in sorted(roots):
        for pattern in PATTERNS:
            found += [str(p) for p in sorted(root.glob(pattern)) if p.is_dir()]
    return list(dict.fromkeys(found))
