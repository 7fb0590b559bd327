"""The server command exactly as the VS Code extension starts it, read from client/src/server.ts.

The flags, the launcher and the working directory are the constants PYTHON_FLAGS, LAUNCHER_DIR
and LAUNCHER there, and serverOptions passes SHAPESENSE_IMPORT_STRATEGY; a test that starts the
server this way breaks when the extension's launch changes shape, instead of testing another one.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER_TS = ROOT / "client" / "src" / "server.ts"
# The interpreter with this checkout installed: a worktree's own venv when there is one (a
# `pytest` found on the PATH may belong to another interpreter, whose shapesense is another copy).
_VENV = ROOT / ".venv" / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
PYTHON = str(_VENV) if _VENV.exists() else sys.executable


def _constant(source: str, name: str) -> list[str]:
    match = re.search(rf"export const {name} = \[(.*)\];", source)
    assert match, f"{name} is not declared in {SERVER_TS}"
    items: list[str] = []
    for item in match.group(1).split(","):
        item = item.strip()
        if item.startswith("..."):
            items += _constant(source, item[3:])
        else:
            items.append(json.loads(item))
    return items


def extension_command(
    env: dict[str, str], import_strategy: str = "fromEnvironment", python: str = PYTHON
) -> tuple[list[str], str, dict[str, str]]:
    """(argv, cwd, env) of the server the extension starts, with `env` as the editor's environment.

    The repository plays the installed extension's folder (bundled/tool/launch.py is shipped as is).
    """
    source = SERVER_TS.read_text()
    assert (
        'args: [...PYTHON_FLAGS, path.join(context.extensionPath, ...LAUNCHER), "serve"]' in source
    )
    assert "cwd: path.join(context.extensionPath, ...LAUNCHER_DIR)" in source
    assert "env: { ...process.env, SHAPESENSE_IMPORT_STRATEGY: settings.importStrategy }" in source
    launcher = ROOT.joinpath(*_constant(source, "LAUNCHER"))
    argv = [python, *_constant(source, "PYTHON_FLAGS"), str(launcher), "serve"]
    cwd = str(ROOT.joinpath(*_constant(source, "LAUNCHER_DIR")))
    return argv, cwd, {**env, "SHAPESENSE_IMPORT_STRATEGY": import_strategy}
