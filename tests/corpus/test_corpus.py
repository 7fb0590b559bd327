"""Fast tier (no TensorFlow): ShapeSense on every corpus program, in both Keras versions,
against what real Keras did there (truth.json). No false errors; recall and coverage reported."""

from __future__ import annotations

import pytest

from .corpus import PROGRAMS, Judgement, Program, judge, load_programs, load_truth

PROGRAM_LIST = load_programs()
TRUTH = load_truth()
JUDGEMENTS: list[Judgement] = []  # read by conftest.py for the summary line


def test_truth_covers_every_program() -> None:
    assert sorted(TRUTH["programs"]) == sorted(p.name for p in PROGRAM_LIST), (
        "run `python -m tests.corpus.run --write` after adding, renaming or removing programs"
    )
    for keras in ("3", "2"):
        assert TRUTH["versions"][keras]["keras"], keras


@pytest.mark.parametrize("program", PROGRAM_LIST, ids=[p.name for p in PROGRAM_LIST])
def test_program_header(program: Program) -> None:
    for key in ("Reproduces", "Style", "Intent"):
        assert program.header.get(key), f"{program.name}: no `# {key}:` header line"
    assert program.header["Reproduces"].startswith("http"), program.name
    assert PROGRAMS in program.path.parents


@pytest.mark.parametrize("keras", [3, 2], ids=["keras3", "keras2"])
@pytest.mark.parametrize("program", PROGRAM_LIST, ids=[p.name for p in PROGRAM_LIST])
def test_no_false_error(program: Program, keras: int) -> None:
    truth = TRUTH["programs"][program.name][str(keras)]
    judgement = judge(program, keras, truth)
    JUDGEMENTS.append(judgement)
    assert judgement.verdict != "false-error", (
        f"ShapeSense errors {judgement.errors}; Keras {keras}: "
        + (
            f"{truth.get('type')} on lines {truth.get('statements')}: {truth.get('message')}"
            if truth.get("raised")
            else "runs"
        )
    )


def test_every_silent_call_says_why() -> None:
    """Every call ShapeSense does not fully check in the corpus has a reason, and every miss
    (Keras raised, ShapeSense silent) has one for the report; none is `unexplained`."""
    unexplained = []
    misses = 0
    for program in PROGRAM_LIST:
        truth = TRUTH["programs"][program.name]["3"]
        judgement = judge(program, 3, truth)
        for call in judgement.call_infos:
            if call.status != "checked":
                assert call.reasons, (program.name, call)
                if call.reasons[0].code == "unexplained":
                    unexplained.append((program.name, call.span.line + 1))
        if judgement.verdict == "missed":
            misses += 1
            assert judgement.reason() is not None, program.name
    assert misses > 0
    # 4 calls are still unknown for no recorded reason; gaps to close (`df["c"] = ...` was
    # four more, until pandas' model said what a column assigned leaves in the frame).
    assert len(unexplained) <= 4, unexplained
