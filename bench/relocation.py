"""The relocation case: Enter, or deleting a line, near the top of a 2,000-line script moves every
line below; side by side with an edit inside a line at the same place, and with the same edits
near the end. Analysis time as the server spends it (its `State`, in this process), after the
first edit (which builds the journals). Target: p95 <= 10 ms, max <= 16 ms, Enter and
line deletions included."""

from __future__ import annotations

import ast
import statistics
import time

from .sizes import size
from .typing_session import Key, measure_analysis, summary
from .workload import script


def edits(text: str, rounds: int) -> tuple[list[Key], list[str]]:
    """Each round, at the top and at the end: a digit changed and changed back, Enter and the
    blank line deleted again (Backspace), a comment line deleted and typed back (pasted)."""
    lines = text.split("\n")
    keys: list[Key] = []
    labels: list[str] = []
    blocks = text.count("# --- experiment")
    for _ in range(rounds):
        for place, block in (("top", 1), ("end", blocks - 2)):
            data = next(i for i, t in enumerate(lines) if t.startswith(f"X_{block} = np.random"))
            col = lines[data].index("(") + 1
            digit = lines[data][col]
            comment = data - 1
            header = lines[comment]
            eol = (data, len(lines[data]))
            for label, key in (
                ("mid-line edit", Key("digit", (data, col), (data, col + 1), "3", 0)),
                ("mid-line edit", Key("digit", (data, col), (data, col + 1), digit, 0)),
                ("Enter", Key("enter", eol, eol, "\n", 0)),
                ("line deletion", Key("line deletion", eol, (data + 1, 0), "", 0)),
                ("line deletion", Key("line deletion", (comment, 0), (comment + 1, 0), "", 0)),
                ("line insertion", Key("enter", (comment, 0), (comment, 0), header + "\n", 0)),
            ):
                keys.append(key)
                labels.append(f"{place}: {label}")
    return keys, labels


def run(quick: bool) -> dict[str, object]:
    text = script(2000)
    keys, labels = edits(text, size(quick, 3, 8, 15))
    cpu: list[float] = []
    times = measure_analysis(text, [keys], cpu)
    parse = []
    for _ in range(5):
        start = time.perf_counter()
        ast.parse(text)
        parse.append((time.perf_counter() - start) * 1e3)
    rows: dict[str, object] = {}
    cpu_rows: dict[str, object] = {}
    measured = list(zip(labels[1:], times[1:], strict=True))  # the first edit builds journals
    measured_cpu = list(zip(labels[1:], cpu[1:], strict=True))
    for label in dict.fromkeys(labels):
        rows[label] = summary([ms for lab, ms in measured if lab == label])
        cpu_rows[label] = summary([ms for lab, ms in measured_cpu if lab == label])
    moving = [ms for lab, ms in measured if not lab.endswith("mid-line edit")]
    figures = summary(moving) or {}
    moving_cpu = summary([ms for lab, ms in measured_cpu if not lab.endswith("mid-line edit")])
    cpu_p95 = (moving_cpu or {}).get("p95_ms")
    return {
        "name": f"relocation ({text.count(chr(10)):,} lines): analysis time per edit",
        "ast_parse_ms": round(statistics.median(parse), 2),
        "edits_ms": rows,
        "edits_cpu_ms": cpu_rows,
        "targets": [
            {
                "target": "analysis p95, edits that move lines (Enter, deletions)",
                "goal": "<= 10 ms",
                "figure": figures.get("p95_ms"),
                "met": figures.get("p95_ms", 1e9) <= 10,
            },
            {
                "target": "analysis p95, CPU time, edits that move lines",
                "goal": "<= 10 ms",
                "figure": cpu_p95,
                "met": cpu_p95 is not None and cpu_p95 <= 10,
            },
            {
                "target": "analysis max, edits that move lines",
                "goal": "<= 16 ms",
                "figure": figures.get("max_ms"),
                "met": figures.get("max_ms", 1e9) <= 16,
            },
        ],
    }
