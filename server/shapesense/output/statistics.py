"""`--statistics`: counts instead of the findings. Each section is one function over the run,
returning rows; another section (coverage, say) is one more entry in SECTIONS."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..rules import RULES
from . import Run

Row = dict[str, Any]


def by_code(run: Run) -> list[Row]:
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    for result in run.results:
        for finding, _ in result.placed():
            counts[finding.code] += 1
            fixable[finding.code] += bool(finding.fixes)
    return [
        {
            "code": code,
            "name": RULES[code].name if code in RULES else "",
            "count": count,
            "fixable": fixable[code],
        }
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


SECTIONS: dict[str, Callable[[Run], list[Row]]] = {"codes": by_code}


def render(run: Run, output_format: str) -> str:
    tables = {name: section(run) for name, section in SECTIONS.items()}
    if output_format in ("json", "json-lines"):
        return json.dumps(tables, indent=2)
    lines = []
    for row in tables["codes"]:
        fixable = f"  ({row['fixable']} fixable)" if row["fixable"] else ""
        lines.append(f"{row['count']:>6}  {row['code']}  {row['name']}{fixable}")
    for name, rows in tables.items():
        if name != "codes":  # a later section prints itself as key: value lines
            lines.append(f"{name}:")
            lines += ["  " + ", ".join(f"{k}: {v}" for k, v in row.items()) for row in rows]
    return "\n".join(lines) if lines else "No findings."
