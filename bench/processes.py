"""The language server as the operating system sees it: its own process and its analysis
processes (`lsp/pool.py`), read from /proc. Memory and CPU time are counted over all of them."""

from __future__ import annotations

import os
from pathlib import Path


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def tree(pid: int) -> list[int]:
    """`pid` and its children (the analysis processes start none of their own)."""
    return [pid, *children(pid)]


def status_kb(pid: int, field: str) -> int:
    """A memory figure (VmRSS, VmHWM) of one process; 0 if it has just ended."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def rss_kb(pid: int) -> int:
    """Resident memory of the server and its analysis processes together."""
    return sum(status_kb(p, "VmRSS") for p in tree(pid))


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the server and its live analysis processes."""
    total = 0
    for process in tree(pid):
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")
