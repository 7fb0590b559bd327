"""Nothing from the user's workspace is imported, loaded or executed, however ShapeSense starts.

A hostile workspace is built in tmp: modules shadowing what the server imports (numpy, json,
typing_extensions, jedi), a `shapesense.py`, a `sitecustomize.py`, a `.pth` file, and compiled
extension modules built here with the C compiler, one next to the checked file and one on
PYTHONPATH, both named in its imports. Every payload writes a sentinel file named after itself
(the compiled ones also when merely loaded with dlopen). The server is started exactly as the
VS Code extension starts it (read from client/src/server.ts), and the CLI both ways, from inside
the workspace with PYTHONPATH pointing into it. No sentinel may appear, and the audit hook
(shapesense/startup.py, logging to $SHAPESENSE_AUDIT) must have refused nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .compiled import build_extension
from .extension_launch import PYTHON, extension_command
from .rawclient import RawClient

SHADOWED = ("numpy", "json", "typing_extensions", "jedi")
# Imported by Python or by an import-hungry package __init__ around start-up, but after
# ShapeSense's first line under `python -m` (not importlib, functools, types...: docs/hardening.md)
STARTUP_NAMES = ("typing", "__future__", "runpy", "os", "re", "enum")
TRAIN = """import json
import typing_extensions
import jedi
import evil_ext
import evil_on_path
from data import X
from models import build
import numpy as np
model = build()
model.fit(X, np.zeros(10))
"""
FIT_LINE = 9  # 0-based line of model.fit: 5 features into a Dense built for 4


@dataclass
class Workspace:
    root: Path
    lib: Path  # put on PYTHONPATH
    ran: Path  # where payloads leave their sentinels
    audit: Path

    def sentinels(self) -> list[str]:
        return sorted(p.name for p in self.ran.iterdir())

    def env(self, pythonpath: list[Path]) -> dict[str, str]:
        env = dict(os.environ, SHAPESENSE_AUDIT=str(self.audit))
        env["PYTHONPATH"] = os.pathsep.join(str(p) for p in pythonpath)
        return env

    def audit_events(self) -> list[str]:
        return self.audit.read_text().splitlines() if self.audit.exists() else []


def _payload(ws: Workspace, name: str) -> str:
    return f"open({str(ws.ran / name)!r}, 'w').write('ran')\n"


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    root, lib, ran = tmp_path / "ws", tmp_path / "ws" / "lib", tmp_path / "ran"
    for folder in (root, lib, ran):
        folder.mkdir()
    ws = Workspace(root, lib, ran, tmp_path / "audit.log")
    for name in SHADOWED:
        (root / f"{name}.py").write_text(_payload(ws, f"{name}.py"))
        (lib / f"{name}.py").write_text(_payload(ws, f"lib-{name}.py"))
    for name in ("shapesense", "sitecustomize", "usercustomize", *STARTUP_NAMES):
        (root / f"{name}.py").write_text(_payload(ws, f"{name}.py"))
    for folder in (root, lib):
        (folder / "hostile.pth").write_text("import os; " + _payload(ws, f"{folder.name}.pth"))
    build_extension("evil_ext", root, ran / "evil_ext", tmp_path)
    build_extension("evil_on_path", lib, ran / "evil_on_path", tmp_path)
    trap = "import tensorflow\n"  # never executed: the project modules are parsed
    (root / "data.py").write_text(
        _payload(ws, "data.py") + trap + "import numpy as np\nX = np.zeros((10, 5))\n"
    )
    (root / "models.py").write_text(
        _payload(ws, "models.py")
        + trap
        + "import keras\ndef build():\n"
        + "    return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])\n"
    )
    (root / "train.py").write_text(TRAIN)
    return ws


def _assert_nothing_ran(ws: Workspace) -> None:
    assert ws.sentinels() == [], "workspace code ran"
    events = ws.audit_events()
    assert events, "the audit hook recorded nothing: it was not installed"
    assert not [e for e in events if e.startswith("REFUSED")], "the audit hook refused something"
    assert not [e for e in events if e.startswith("exec") and str(ws.root) in e], (
        "workspace code was executed"
    )
    imported = {e.split()[1] for e in events if e.startswith("import ")}
    assert "shapesense.analysis" in imported  # the hook really saw this process's imports
    project = {"data", "models", "train", "evil_ext", "evil_on_path", "sitecustomize"}
    assert not imported & project, "a workspace module was imported"
    assert not {
        m for m in imported if m.split(".")[0] in ("tensorflow", "keras", "tf_keras", "torch")
    }, "a framework was imported"


def test_extension_launch_over_hostile_workspace(workspace: Workspace) -> None:
    ws = workspace
    # the editor's environment points into the workspace; -I must make that harmless
    argv, cwd, env = extension_command(ws.env([ws.root, ws.lib]))
    client = RawClient(*argv, env=env, cwd=cwd)
    uri = (ws.root / "train.py").as_uri()
    try:
        client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": ws.root.as_uri(),
                "capabilities": {},
                "initializationOptions": {"debounceMs": 0, "kerasVersion": "auto"},
            },
        )
        client.notify("initialized", {})
        client.open(uri, TRAIN)
        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": FIT_LINE, "character": 10}},
        )
        assert hover["result"] is not None and "(10, 5)" in hover["result"]["contents"]["value"]
        diagnostics = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        codes = [d["code"] for d in diagnostics["result"]["items"]]
        assert codes == ["SS102"], codes  # found statically through both project modules
        client.request("textDocument/codeLens", {"textDocument": {"uri": uri}})
        client.request(
            "textDocument/inlayHint",
            {
                "textDocument": {"uri": uri},
                "range": {
                    "start": {"line": 0, "character": 0},
                    "end": {"line": 12, "character": 0},
                },
            },
        )
    finally:
        client.close()
    _assert_nothing_ran(ws)
    imported = {e.split()[1] for e in ws.audit_events() if e.startswith("import ")}
    assert "shapesense.lsp.hover" in imported


def _check(argv: list[str], ws: Workspace, env: dict[str, str]) -> None:
    proc = subprocess.run(
        [*argv, "check", "--format", "json", "train.py"],
        cwd=ws.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr  # one error found
    (diag,) = json.loads(proc.stdout)["diagnostics"]
    assert diag["code"] == "SS102" and diag["line"] == FIT_LINE + 1
    _assert_nothing_ran(ws)


def test_console_script_inside_hostile_workspace(workspace: Workspace) -> None:
    script = Path(PYTHON).with_name("shapesense")
    if not script.exists():
        pytest.skip("the `shapesense` console script is not installed next to this interpreter")
    _check([str(script)], workspace, workspace.env([workspace.lib]))


def test_python_m_inside_hostile_workspace(workspace: Workspace) -> None:
    # Python itself would import a `shapesense.py` in the working directory instead of the
    # package: that one case cannot be protected from inside (see the next test)
    (workspace.root / "shapesense.py").unlink()
    _check([PYTHON, "-m", "shapesense"], workspace, workspace.env([workspace.lib]))


@pytest.mark.skipif(sys.version_info < (3, 11), reason="python -P is new in 3.11")
@pytest.mark.parametrize("flag", ["-P", "-I"])
def test_python_m_with_safe_path_beside_shapesense_py(workspace: Workspace, flag: str) -> None:
    _check([PYTHON, flag, "-m", "shapesense"], workspace, workspace.env([workspace.lib]))


def test_package_and_startup_import_nothing_before_the_path_is_clean() -> None:
    # anything imported before startup.protect() is looked up on the uncleaned path (the
    # working directory first, under `python -m`); the hostile workspace cannot show this
    # where the environment happens to load such a module early anyway. The package's own
    # submodules are found in its folder (`shapesense.__path__`), never on the path
    probe = (
        "import sys; before = set(sys.modules); import shapesense.startup; "
        "print(sorted(set(sys.modules) - before))"
    )
    proc = subprocess.run(
        [PYTHON, "-I", "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert proc.stdout.strip() == (
        "['shapesense', 'shapesense.audit_events', 'shapesense.startup']"
    )
