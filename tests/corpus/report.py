"""The corpus section of docs/oracle-report.md: ShapeSense's findings against truth.json."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from shapesense.findings import Reason

from .corpus import HERE, Judgement, Program, judge, load_programs

HELD_BACK = HERE / "held_back"

START, END = "<!-- corpus:start -->", "<!-- corpus:end -->"
COMMAND = "python -m tests.corpus.run --report docs/oracle-report.md"


@dataclass
class Figures:
    programs: int
    raised: int
    caught: int
    false_errors: list[Judgement]
    missed: list[Judgement]
    calls: int
    checked: int

    @property
    def recall(self) -> float:
        return self.caught / self.raised if self.raised else 1.0

    @property
    def coverage(self) -> float:
        return self.checked / self.calls if self.calls else 1.0


def judge_all(programs: list[Program], truth: dict, keras: int) -> list[Judgement]:
    results = truth["programs"]
    return [judge(p, keras, results[p.name][str(keras)]) for p in programs if p.name in results]


def figures(judgements: list[Judgement]) -> Figures:
    return Figures(
        programs=len(judgements),
        raised=sum(bool(j.truth.get("raised")) for j in judgements),
        caught=sum(j.verdict == "caught" for j in judgements),
        false_errors=[j for j in judgements if j.verdict == "false-error"],
        missed=[j for j in judgements if j.verdict == "missed"],
        calls=sum(len(j.calls) for j in judgements),
        checked=sum(j.calls_checked for j in judgements),
    )


def section(programs: list[Program], truth: dict) -> str:
    broken = sum(p.broken for p in programs)
    versions = truth.get("versions", {})
    lines = [
        START,
        "## Corpus: programs in real users' style",
        "",
        f"Command: `{COMMAND}` (truth: `python -m tests.corpus.run --write`, real Keras;",
        "CI re-runs it and fails when `tests/corpus/truth.json` is stale).",
        "",
        f"{len(programs)} programs in `tests/corpus/programs/` ({broken} written broken,"
        f" {len(programs) - broken} working), each reproducing a public thread named in its"
        " header. Recall: Keras errors ShapeSense reports on the statement Keras raised in;"
        " false error: a ShapeSense error where Keras runs, or on another statement; coverage:"
        " `fit`/`evaluate`/`predict` calls that Keras reached and ShapeSense checked.",
        "",
        "| Keras | programs | Keras errors | caught (recall) | false errors | calls checked (coverage) |",
        "|---|---|---|---|---|---|",
    ]
    detail: list[str] = []
    by_version: dict[int, list[Judgement]] = {}
    for keras in (3, 2):
        judgements = by_version[keras] = judge_all(programs, truth, keras)
        f = figures(judgements)
        version = versions.get(str(keras), {}).get("keras", "?")
        lines.append(
            f"| {keras} ({version}) | {f.programs} | {f.raised} | {f.caught} ({100 * f.recall:.0f}%)"
            f" | {len(f.false_errors)} | {f.checked}/{f.calls} ({100 * f.coverage:.0f}%) |"
        )
        detail += [f"### Keras {keras}: missed errors, by ShapeSense's reason for silence", ""]
        detail += _misses(f.missed)
        if f.false_errors:
            detail += [f"### Keras {keras}: false errors", ""]
            for j in f.false_errors:
                detail.append(f"- `{j.program.name}`: {j.errors} (Keras: {j.truth.get('type')})")
            detail.append("")
    causes = _causes(by_version)
    held = _held_back()
    return "\n".join([*lines, "", *causes, *detail, *held, END]) + "\n"


def _misses(missed: list[Judgement]) -> list[str]:
    """Each miss under the code of the reason ShapeSense gives for its silence (most first)."""
    groups: dict[str, list[tuple[Judgement, Reason]]] = defaultdict(list)
    for j in missed:
        reason = j.reason()
        assert reason is not None  # every miss raised
        groups[reason.code].append((j, reason))
    out = []
    for code, group in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        out += [f"**{code}** ({len(group)})", ""]
        for j, reason in group:
            t = j.truth
            message = reason.message.replace("`", "'")
            out.append(f"- `{j.program.name}` line {t.get('line')} ({t.get('type')}): {message}")
        out.append("")
    return out


def _causes(by_version: dict[int, list[Judgement]]) -> list[str]:
    """The causes of silence: every call ShapeSense found in the corpus that it did not fully
    check, by the code of its first reason, ranked (shapesense check --statistics counts the
    same per folder)."""
    counts: dict[int, Counter[str]] = {k: Counter() for k in by_version}
    statuses: dict[int, Counter[str]] = {k: Counter() for k in by_version}
    keys: dict[str, Counter[str]] = defaultdict(Counter)
    for keras, judgements in by_version.items():
        for j in judgements:
            for call in j.call_infos:
                statuses[keras][call.status] += 1
                if call.status != "checked" and call.reasons:
                    counts[keras][call.reasons[0].code] += 1
                    if keras == 3:
                        keys[call.reasons[0].code][call.reasons[0].key or "-"] += 1
    out = [
        "### Causes of silence",
        "",
        "Every `fit`/`evaluate`/`predict`/`*_on_batch` call ShapeSense finds in the programs"
        " (whether Keras reached it or not), by what ShapeSense says of it"
        " (`Analysis.calls`, as the hover, `--statistics` and the JSON output show it):",
        "",
        "| Keras | calls found | checked | partly checked | not checked |",
        "|---|---|---|---|---|",
    ]
    for keras, status in statuses.items():
        total = sum(status.values())
        out.append(
            f"| {keras} | {total} | {status['checked']} | {status['partial']} | {status['unchecked']} |"
        )
    out += [
        "",
        "Calls not fully checked, by the code of their first reason (docs/silence.md), ranked:",
        "",
        "| reason | Keras 3 | Keras 2 | most frequent construct (Keras 3) |",
        "|---|---|---|---|",
    ]
    for code, count in sorted(counts[3].items(), key=lambda item: (-item[1], item[0])):
        top, n = keys[code].most_common(1)[0]
        out.append(f"| `{code}` | {count} | {counts[2][code]} | `{top}` ({n}) |")
    return [*out, ""]


def _held_back() -> list[str]:
    """The held-back programs (no truth in CI): each call ShapeSense does not fully check, and
    whether it says why (a reason other than `unexplained`)."""
    programs = load_programs(HELD_BACK)
    out = [
        "### Held-back programs: is the silence explained?",
        "",
        f"The {len(programs)} programs in `tests/corpus/held_back/` (see its README), under Keras 3:"
        " the calls ShapeSense finds and what it says of each it does not fully check.",
        "",
        "| program | intent | calls found | checked | not fully checked, first reason |",
        "|---|---|---|---|---|",
    ]
    explained = 0
    for program in programs:
        j = judge(program, 3, {})
        silent = [c for c in j.call_infos if c.status != "checked"]
        codes = ", ".join(f"`{c.reasons[0].code}`" for c in silent if c.reasons) or "-"
        explained += all(c.reasons and c.reasons[0].code != "unexplained" for c in silent)
        intent = "broken" if program.broken else "works"
        checked = len(j.call_infos) - len(silent)
        out.append(f"| `{program.name}` | {intent} | {len(j.call_infos)} | {checked} | {codes} |")
    out += [
        "",
        f"Explained: {explained} of {len(programs)} programs have a reason (other than"
        " `unexplained`) for every call ShapeSense does not fully check. (They are held back"
        " for a false error, not for silence: see the folder's README.)",
        "",
    ]
    return out


def write_report(path: Path, programs: list[Program], truth: dict) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    new = section(programs, truth)
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + new.rstrip("\n") + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + new
    path.write_text(text, encoding="utf-8")
