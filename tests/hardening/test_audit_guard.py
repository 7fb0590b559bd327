"""The audit hook installed at every start (shapesense/startup.py) refuses, and says so.

The hostile-workspace tests show that nothing is attempted; this shows that an attempt would be
stopped: in a process started like the CLI, each probe below must raise PermissionError and
leave a `shapesense: REFUSED` line on stderr, and a plain import must still work.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .compiled import build_extension
from .extension_launch import PYTHON

PROBES = r"""
import json, sys
from shapesense.startup import protect
protect()
results = {}

def probe(name, action):
    try:
        action()
        results[name] = "allowed"
    except PermissionError:
        results[name] = "refused"

def run_program():
    import subprocess
    subprocess.run(["true"])

def system():
    import os
    os.system("true")

def dlopen():
    import ctypes
    ctypes.CDLL(sys.argv[2])

def connect():
    import socket
    with socket.socket() as s:
        s.settimeout(0.01)
        s.connect(("192.0.2.1", 9))  # TEST-NET-1: the hook stops it before any packet

def import_from_workspace():
    sys.path.append(sys.argv[1])
    try:
        import planted  # noqa: F401
    finally:
        sys.path.remove(sys.argv[1])

def exec_workspace_file():
    path = sys.argv[1] + "/planted.py"
    exec(compile(open(path).read(), path, "exec"))

probe("subprocess", run_program)
probe("os.system", system)
probe("ctypes.dlopen", dlopen)
probe("socket.connect", connect)
probe("import", import_from_workspace)
probe("exec", exec_workspace_file)
import email.parser  # an ordinary import from the standard library still works
print(json.dumps(results))
"""


def run_guarded(script: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`script` in a fresh interpreter started as the CLI is (no PYTHONPATH from the tests)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [PYTHON, "-c", script, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_guard_refuses_what_a_static_checker_never_does(tmp_path: Path) -> None:
    ran = tmp_path / "ran"
    ran.mkdir()
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "planted.py").write_text(f"open({str(ran / 'planted')!r}, 'w').write('ran')\n")
    library = build_extension("planted_lib", workspace, ran / "planted_lib", tmp_path)
    proc = run_guarded(PROBES, tmp_path, str(workspace), str(library))
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)
    assert results == dict.fromkeys(
        ["subprocess", "os.system", "ctypes.dlopen", "socket.connect", "import", "exec"],
        "refused",
    )
    assert proc.stderr.count("shapesense: REFUSED") == 6, proc.stderr
    assert sorted(p.name for p in ran.iterdir()) == []


ANNOUNCED = r"""
import json, subprocess, sys
from shapesense.startup import protect
protect()
sys.audit("shapesense.allow_process", ["true"])  # as lsp/pool.py announces its process
results = {}
for argv in (["true"], ["true", "--other"]):
    try:
        subprocess.run(argv, check=True)
        results[" ".join(argv)] = "allowed"
    except PermissionError:
        results[" ".join(argv)] = "refused"
print(json.dumps(results))
"""


def test_guard_lets_through_exactly_the_command_line_announced(tmp_path: Path) -> None:
    """The server's analysis process: its exact argv, announced with an audit event, is
    started; any other command line is still refused."""
    proc = run_guarded(ANNOUNCED, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"true": "allowed", "true --other": "refused"}
    assert proc.stderr.count("shapesense: REFUSED") == 1, proc.stderr
