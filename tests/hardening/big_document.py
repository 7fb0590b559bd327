"""Measures (never asserts) a 100,000-line document in the server: time to first diagnostics,
a keystroke, a save, and the process's memory; the figures are in docs/hardening.md.

    python -m tests.hardening.big_document
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.workload import script

from .rawclient import RawClient

URI = "file:///w/big.py"
BAD_FIT = "model_0.fit(X_0[:, :, :20], y_0)\n"


def big_text(lines: int = 100_000) -> str:
    """The benchmark's script, `lines` long, with one bad `fit` (an SS102 error) at its end."""
    return script(lines - 1) + BAD_FIT


def memory_kb(pid: int) -> dict[str, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            fields[line.split(":")[0]] = int(line.split()[1])
    return fields


def published(client: RawClient, version: int, timeout: float = 1200) -> dict[str, Any]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        message = client.messages.get(timeout=max(0.01, end - time.monotonic()))
        params = message.get("params") or {}
        if (
            message.get("method") == "textDocument/publishDiagnostics"
            and params.get("version") == version
        ):
            return params
    raise TimeoutError(f"no diagnostics for version {version}")


def main() -> None:
    text = big_text()
    client = RawClient()
    try:
        client.initialize()
        start = time.monotonic()
        client.open(URI, text)
        first = published(client, 1)
        opened = time.monotonic() - start
        after_open = memory_kb(client.proc.pid)
        start = time.monotonic()
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": URI, "version": 2},
                "contentChanges": [
                    {
                        "range": {
                            "start": {"line": 5, "character": 0},
                            "end": {"line": 5, "character": 0},
                        },
                        "text": "\n",
                    }
                ],
            },
        )
        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": URI}, "position": {"line": 8, "character": 4}},
            timeout=1200,
        )
        keystroke = time.monotonic() - start
        start = time.monotonic()
        client.notify("textDocument/didSave", {"textDocument": {"uri": URI}})
        saved = published(client, 2)
        save = time.monotonic() - start
        after_save = memory_kb(client.proc.pid)
    finally:
        client.close()
    errors = [d["code"] for d in first["diagnostics"] if d["severity"] == 1]
    print(
        f"{text.count(chr(10)):,} lines, {len(text) / 1e6:.1f} MB: first diagnostics after "
        f"{opened:.1f} s ({errors}); a keystroke then a hover answered after {keystroke:.2f} s "
        f"(hover: {'none' if hover.get('result') is None else 'yes'}); a save's diagnostics "
        f"after {save:.1f} s ({len(saved['diagnostics'])} diagnostics); RSS after open "
        f"{after_open['VmRSS'] // 1024} MB, after save {after_save['VmRSS'] // 1024} MB, "
        f"peak {after_save['VmHWM'] // 1024} MB"
    )


if __name__ == "__main__":
    main()
