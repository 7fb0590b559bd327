"""The corpus section of docs/oracle-report.md: ShapeSense's findings against truth.json."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .corpus import Judgement, Program, judge

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
    for keras in (3, 2):
        judgements = judge_all(programs, truth, keras)
        f = figures(judgements)
        version = versions.get(str(keras), {}).get("keras", "?")
        lines.append(
            f"| {keras} ({version}) | {f.programs} | {f.raised} | {f.caught} ({100 * f.recall:.0f}%)"
            f" | {len(f.false_errors)} | {f.checked}/{f.calls} ({100 * f.coverage:.0f}%) |"
        )
        detail += [f"### Keras {keras}: missed errors", ""]
        # Grouped by ShapeSense's reason for silence once it reports one; until then by the
        # exception Keras raised (an ImportError is an API this Keras version no longer has).
        by_reason: dict[str, list[Judgement]] = defaultdict(list)
        for j in f.missed:
            reason = j.reason() or f"no reason reported yet; Keras raised {j.truth.get('type')}"
            by_reason[reason].append(j)
        for reason, group in sorted(by_reason.items(), key=lambda item: -len(item[1])):
            detail.append(f"**{reason}** ({len(group)})")
            detail.append("")
            for j in group:
                t = j.truth
                detail.append(
                    f"- `{j.program.name}` line {t.get('line')}: {t.get('type')}:"
                    f" {t.get('message', '')[:160]}"
                )
            detail.append("")
        if f.false_errors:
            detail += [f"### Keras {keras}: false errors", ""]
            for j in f.false_errors:
                detail.append(f"- `{j.program.name}`: {j.errors} (Keras: {j.truth.get('type')})")
            detail.append("")
    return "\n".join([*lines, "", *detail, END]) + "\n"


def write_report(path: Path, programs: list[Program], truth: dict) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    new = section(programs, truth)
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + new.rstrip("\n") + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + new
    path.write_text(text, encoding="utf-8")
