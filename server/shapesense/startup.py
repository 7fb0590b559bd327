"""The first code of every ShapeSense process: nothing from the user's workspace may be imported.

`python -m shapesense`, the `shapesense` command and the VS Code extension's launcher call
`main()` before any other module is imported. It
1. removes from `sys.path` what Python added from the working directory or the environment:
   the first entry (the working directory for `python -m`, the script's folder for a script),
   unless -P/-I already left it out, and every PYTHONPATH entry that is not also one of the
   interpreter's own library folders. What remains is the standard library, site-packages and
   the folder this package was loaded from (the extension's bundled libraries);
2. installs an audit hook (`sys.addaudithook`, which cannot be removed) that refuses, and logs
   to stderr, what a static checker never does: importing while the import path holds a folder
   outside those roots, executing code from a file outside them, loading a shared library
   through ctypes, starting another program, or connecting a socket to another host.

Until the path is clean this module uses only `sys` and `os`, which Python has loaded (or
frozen) before the first line of any program. `python -m shapesense` run by hand in a folder
holding a `shapesense.py` imports that file instead of this package: no code inside the package
can prevent that; `python -P` / `python -I` do (docs/hardening.md).
"""

import os
import sys

from .audit_events import ALLOW_PROCESS

AUDIT_LOG_VARIABLE = "SHAPESENSE_AUDIT"  # if set, a file every watched event is appended to
PROCESS_EVENTS = (
    "subprocess.Popen",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.startfile",
    "pty.spawn",
    "_winapi.CreateProcess",
)
LOOPBACK = ("127.0.0.1", "::1", "localhost")
# The one program ShapeSense starts: its own analysis process (lsp/pool.py), by exact argv.
OWN_PROCESSES: set[tuple[str, ...]] = set()


def allow_process(argv: list[str]) -> None:
    """Let the audit hook permit starting exactly `argv` (ShapeSense's analysis process)."""
    OWN_PROCESSES.add(tuple(argv))


def _norm(path: str) -> str:
    return os.path.normcase(os.path.abspath(path or os.curdir))


def scrub_path() -> list[str]:
    """Remove the working directory, the script's folder and PYTHONPATH from sys.path."""
    removed: list[str] = []
    safe = getattr(sys.flags, "safe_path", False) or sys.flags.isolated
    if not safe and sys.path:
        removed.append(sys.path.pop(0))
    removed += [p for p in sys.path if p == ""]  # '' means "the working directory, whatever it is"
    if not sys.flags.ignore_environment:
        own = _interpreter_dirs()
        from_env = {_norm(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p}
        removed += [p for p in sys.path if _norm(p) in from_env and _norm(p) not in own]
    removed_set = set(removed)
    sys.path[:] = [p for p in sys.path if p not in removed_set]
    return removed


def _interpreter_dirs() -> set[str]:
    """The interpreter's standard library and site-packages folders (PYTHONPATH may repeat them).

    Found without importing anything: `site` is loaded at start-up (absent only under -S).
    """
    stdlib = getattr(sys, "_stdlib_dir", None) or os.path.dirname(os.__file__)
    dirs = [stdlib, os.path.join(stdlib, "lib-dynload")]
    site = sys.modules.get("site")
    if site is not None:
        dirs += [*site.getsitepackages(), site.getusersitepackages()]
    return {_norm(d) for d in dirs if d}


def allowed_roots() -> tuple[str, ...]:
    """Folders modules may come from: what the cleaned path holds, and this package's parent."""
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return tuple(dict.fromkeys(_norm(p) for p in [*sys.path, package_parent] if p))


class AuditGuard:
    """The audit hook: refuses what a static checker never does, and says so on stderr."""

    def __init__(self, roots: tuple[str, ...], log_path: str | None = None) -> None:
        self.roots = roots
        self.root_set = frozenset(roots)
        self.log = open(log_path, "a", buffering=1, encoding="utf-8") if log_path else None  # noqa: SIM115
        self.refused: list[str] = []

    def _inside(self, path: str) -> bool:
        path = _norm(path)
        return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in self.roots)

    def _refuse(self, what: str) -> None:
        self.refused.append(what)
        sys.stderr.write(f"shapesense: REFUSED {what}\n")
        if self.log:
            self.log.write(f"REFUSED {what}\n")
        raise PermissionError(f"shapesense refuses {what}: it never runs or loads user code")

    def __call__(self, event: str, args: tuple) -> None:
        if event == "import":
            if self.log:
                self.log.write(f"import {args[0]} {args[1]}\n")
            path = args[2]
            if path is not None:
                outside = [p for p in path if _norm(p) not in self.root_set]
                if outside:
                    self._refuse(f"import {args[0]} while sys.path holds {outside}")
        elif event == "exec":
            filename = getattr(args[0], "co_filename", "")
            if self.log:
                self.log.write(f"exec {filename}\n")
            if os.path.isabs(filename) and not self._inside(filename):
                self._refuse(f"exec of code from {filename}")
        elif event == "ctypes.dlopen":
            if args[0] is not None:  # None: the running process itself (ctypes' own set-up)
                self._refuse(f"ctypes.dlopen {args[0]!r}")
        elif event == ALLOW_PROCESS:
            allow_process(args[0])
        elif event.startswith(PROCESS_EVENTS):
            if event == "subprocess.Popen" and _own_process(args[1]):
                return
            self._refuse(f"{event} {args[:2]!r}")
        elif event == "socket.connect":
            address = args[1]
            host = address[0] if isinstance(address, tuple) and address else address
            if host not in LOOPBACK:
                self._refuse(f"socket.connect {address!r}")


def _own_process(argv: object) -> bool:
    return isinstance(argv, (list, tuple)) and tuple(argv) in OWN_PROCESSES


def protect() -> AuditGuard:
    """Clean the import path, then install the audit hook. Call once, first thing."""
    scrub_path()
    guard = AuditGuard(allowed_roots(), os.environ.get(AUDIT_LOG_VARIABLE) or None)
    sys.addaudithook(guard)
    return guard


def main(argv: list[str] | None = None) -> int:
    """The `shapesense` command, `python -m shapesense` and the extension's launcher."""
    protect()
    from .cli import main as cli_main

    return cli_main(argv)
