"""`--statistics`: counts instead of the findings. Each section is one function over the run,
returning rows; another section (coverage, say) is one more entry in SECTIONS."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..rules import RULES
from .results import Run

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


def calls(run: Run) -> list[Row]:
    """fit/evaluate/predict calls found, by status: checked, partly checked, not checked."""
    counts = Counter(call.status for result in run.results for call in result.calls)
    return [{"status": s, "count": counts[s]} for s in ("checked", "partial", "unchecked")]


def reasons(run: Run) -> list[Row]:
    """Calls not fully checked, by the code of their first reason, most frequent first; the
    most frequent construct behind each (its key) and one example."""
    counts: Counter[str] = Counter()
    keys: dict[str, Counter[str]] = {}
    example: dict[str, str] = {}
    for result in run.results:
        for call in result.calls:
            if call.status == "checked" or not call.reasons:
                continue
            reason = call.reasons[0]
            counts[reason.code] += 1
            keys.setdefault(reason.code, Counter())[reason.key] += 1
            place = result.place(call.span)
            where = f"{result.path}:{place.line}" if place else result.path
            example.setdefault(reason.code, f"{where}: {reason.message}")
    return [
        {
            "code": code,
            "count": count,
            "top": keys[code].most_common(1)[0][0],
            "example": example[code],
        }
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def models(run: Run) -> list[Row]:
    """Models found, by how much of them was derived: every layer, some, none."""
    counts = Counter(model.status for result in run.results for model in result.models)
    return [{"status": s, "count": counts[s]} for s in ("full", "partial", "none")]


SECTIONS: dict[str, Callable[[Run], list[Row]]] = {
    "codes": by_code,
    "calls": calls,
    "reasons": reasons,
    "models": models,
}
_CALLS = {"checked": "checked", "partial": "partly checked", "unchecked": "not checked"}
_MODELS = {"full": "fully derived", "partial": "partly", "none": "not derived"}


def render(run: Run, output_format: str) -> str:
    tables = {name: section(run) for name, section in SECTIONS.items()}
    if output_format in ("json", "json-lines"):
        return json.dumps(tables, indent=2)
    lines = []
    for row in tables["codes"]:
        fixable = f"  ({row['fixable']} fixable)" if row["fixable"] else ""
        lines.append(f"{row['count']:>6}  {row['code']}  {row['name']}{fixable}")
    if not lines:
        lines.append("No findings.")
    found = sum(row["count"] for row in tables["calls"])
    parts = ", ".join(f"{row['count']} {_CALLS[row['status']]}" for row in tables["calls"])
    lines += ["", f"Coverage: {found} fit/evaluate/predict calls found: {parts}"]
    if tables["reasons"]:
        lines.append("Not fully checked, by reason (the most frequent construct):")
        for row in tables["reasons"]:
            top = f"  ({row['top']})" if row["top"] else ""
            lines.append(f"{row['count']:>6}  {row['code']}{top}")
    built = sum(row["count"] for row in tables["models"])
    parts = ", ".join(f"{row['count']} {_MODELS[row['status']]}" for row in tables["models"])
    lines.append(f"Models: {built} found: {parts}")
    for name, rows in tables.items():
        if name not in ("codes", "calls", "reasons", "models"):  # a later section: key: value
            lines.append(f"{name}:")
            lines += ["  " + ", ".join(f"{k}: {v}" for k, v in row.items()) for row in rows]
    return "\n".join(lines)
