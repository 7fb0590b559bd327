"""The same-findings tool (same_findings.py) works: a refactoring is judged by it, so it must
tell a changed result from an unchanged one. No stored digest: messages change on purpose."""

from __future__ import annotations

import json
from pathlib import Path

from .same_findings import dump, generated, main


def test_the_dump_holds_what_a_user_sees() -> None:
    dumps = generated(count=6, seed=1)
    assert len(dumps) == 12  # each program under Keras 2 and 3
    assert any(d["findings"] for d in dumps.values())
    assert any(d["layers"] and d["symbols"] for d in dumps.values())
    finding = next(f for d in dumps.values() for f in d["findings"])
    code, severity, span, message = finding[:4]
    assert code.startswith("SS") and severity and len(span) == 4 and message


def test_compare_passes_on_the_same_results_and_fails_on_a_change(tmp_path: Path) -> None:
    before = tmp_path / "before.json"
    assert main(["--count", "4", "--no-corpus", "--out", str(before)]) == 0
    assert main(["--count", "4", "--no-corpus", "--compare", str(before)]) == 0
    data = json.loads(before.read_text(encoding="utf-8"))
    key = next(iter(data))
    data[key]["findings"].append(["SS999", "error", [0, 0, 0, 1], "changed", "", [], []])
    before.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--count", "4", "--no-corpus", "--compare", str(before)]) == 1


def test_dump_is_plain_json() -> None:
    from shapesense import analyze

    assert json.loads(json.dumps(dump(analyze("x = 1\n")))) == dump(analyze("x = 1\n"))
