"""The package folders of the user's Python, asked of that interpreter itself.

It runs `python -I -c <a few lines>`: isolated mode keeps the project's folder, PYTHONPATH and
the user site out of its path, and the lines import only `sys`, `site` and `json`, so nothing
of the user's is imported. This finds Debian's dist-packages, venvs, conda, and pyenv shims
(run in the project's folder, so a shim picks the project's version). Results are cached per
interpreter and folder.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

QUERY = (
    "import json, site, sys\n"
    "paths = [p for p in sys.path if p]\n"
    "in_venv = sys.prefix != getattr(sys, 'base_prefix', sys.prefix)\n"
    "user = site.getusersitepackages() if hasattr(site, 'getusersitepackages') else ''\n"
    "if user and not in_venv: paths.append(user)\n"
    "print(json.dumps({'executable': sys.executable, 'path': paths}))\n"
)
TIMEOUT_S = 20


class InterpreterError(Exception):
    """The interpreter could not be run or did not answer."""


def search_path(python: str, cwd: str | None = None) -> tuple[str, list[str]]:
    """(the interpreter's real executable, its import path with site-packages folders)."""
    return _search_path(python, cwd)


@lru_cache(maxsize=32)
def _search_path(python: str, cwd: str | None) -> tuple[str, list[str]]:
    exe = shutil.which(python) if not Path(python).is_absolute() else python
    if exe is None or not Path(exe).exists():
        raise InterpreterError(f"no Python interpreter at {python!r}")
    try:
        proc = subprocess.run(
            [exe, "-I", "-c", QUERY],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            cwd=cwd if cwd and Path(cwd).is_dir() else None,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise InterpreterError(f"cannot run {python}: {exc}") from exc
    try:
        answer = json.loads(proc.stdout.strip().splitlines()[-1])
        return str(answer["executable"]), [str(p) for p in answer["path"]]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        detail = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        raise InterpreterError(f"{python} did not report its paths: {detail}") from exc


def static_search_path(python: str) -> list[str]:
    """The package folders of the environment an interpreter path belongs to, found without
    running it: for an interpreter a repository names (its configuration), which must not be
    run. Venvs (and their pyvenv.cfg `home`), `lib/python3*/site-packages` and Debian's
    `dist-packages`."""
    exe = Path(python)
    venv_cfg = exe.parent.parent / "pyvenv.cfg"
    try:
        config = venv_cfg.read_text(encoding="utf-8", errors="replace")
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
    patterns = (
        "lib/python3*/site-packages",
        "lib/python3*/dist-packages",
        "lib/python3/dist-packages",
        "Lib/site-packages",
        "lib/site-packages",
    )
    for root in sorted(roots):
        for pattern in patterns:
            found += [str(p) for p in sorted(root.glob(pattern)) if p.is_dir()]
    return list(dict.fromkeys(found))
