"""BENCHMARKS.md's figures, written from one run: `python -m bench --write-benchmarks`.

The part of BENCHMARKS.md between the two markers below is replaced by the run's machine (with
its load and the speed of `ast.parse` before and after: the spread of the machine), the command
and its duration, every target beside its figure, and every figure each benchmark recorded. The
rest of the file (what each benchmark measures, what was done) is written by hand.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

BEGIN = "<!-- bench:begin (written by python -m bench --write-benchmarks; do not edit) -->"
END = "<!-- bench:end -->"
ROOT = Path(__file__).resolve().parent.parent


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty", "--abbrev=7"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return out.stdout.strip()


def _machine(fields: dict[str, object]) -> str:
    load = "/".join(str(x) for x in fields["load_average"])  # type: ignore[attr-defined]
    return (
        f"load {load} (1/5/15 min), `ast.parse` of the 2,000-line script "
        f"{fields['ast_parse_2000_lines_ms']} ms (spread {fields['ast_parse_spread_ms']} ms)"
    )


def _leaves(value: object, prefix: str = "") -> list[tuple[str, object]]:
    """Every figure of a result, as (path, value): nested dicts and lists flattened."""
    if isinstance(value, dict):
        out: list[tuple[str, object]] = []
        for key, item in value.items():
            if key in ("name", "targets"):
                continue
            out += _leaves(item, f"{prefix} / {key}" if prefix else str(key))
        return out
    if isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        return [leaf for i, item in enumerate(value) for leaf in _leaves(item, f"{prefix} [{i}]")]
    return [(prefix, value)]


def _figure(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def section(report: dict[str, object], command: str, seconds: float) -> str:
    before, after = report["machine"], report["machine_after"]
    assert isinstance(before, dict) and isinstance(after, dict)
    parse = [before["ast_parse_2000_lines_ms"], after["ast_parse_2000_lines_ms"]]
    drift = abs(parse[1] - parse[0]) / min(parse) * 100
    day = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        BEGIN,
        f"## The last full run: {day}, {commit()}",
        "",
        f"`{command}`, one run, {seconds / 60:.1f} minutes.",
        "",
        f"**Machine**: Python {before['python']}, {before['cpus']} cores, {before['platform']}.",
        f"Before the first benchmark: {_machine(before)}.",
        f"After the last: {_machine(after)}.",
        f"`ast.parse` moved {drift:.0f}% during the run"
        + (
            " (over 10%: the machine changed speed under it; distrust the run)."
            if drift > 10
            else "."
        ),
        "",
        "| target | goal | figure | met |",
        "|---|---|---|---|",
    ]
    results = report["results"]
    assert isinstance(results, list)
    for result in results:
        for row in result.get("targets", []):
            met = "yes" if row["met"] else "**no**"
            lines.append(f"| {row['target']} | {row['goal']} | {_figure(row['figure'])} | {met} |")
    lines += ["", "Every figure of the run (milliseconds unless named otherwise):", ""]
    for result in results:
        lines += ["", f"**{result.get('name', '?')}**", ""]
        lines += [f"- {path}: {_figure(value)}" for path, value in _leaves(result)]
    lines.append(END)
    return "\n".join(lines) + "\n"


def write(path: Path, report: dict[str, object], command: str, seconds: float) -> None:
    """Replace the generated part of `path` (or append it, the first time)."""
    text = path.read_text(encoding="utf-8")
    new = section(report, command, seconds)
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + new + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + new
    path.write_text(text, encoding="utf-8")
