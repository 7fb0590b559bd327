"""The benchmarks' workloads do what their reports say (the figures themselves are never asserted)."""

from __future__ import annotations

import ast
import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from bench import cold_start, real_code, relocation, report, typing_session, versus
from bench.typing_session import Key
from bench.workload import script


def _apply(text: str, keys: list[Key]) -> list[str]:
    document = typing_session._Document(text)
    states = []
    for key in keys:
        document.apply(key)
        states.append("\n".join(document.lines))
    return states


def test_typing_session_types_every_kind_of_key_and_pauses_in_a_syntax_error() -> None:
    text = script(2000)
    bursts = typing_session.session(text, 30)
    keys = [key for burst in bursts for key in burst]
    assert {key.kind for key in keys} == set(typing_session.KINDS)
    assert all(burst[0].delay_ms > typing_session.DEBOUNCE_MS for burst in bursts)
    states = _apply(text, keys)
    ends, index = [], 0
    for burst in bursts:
        index += len(burst)
        ends.append(states[index - 1])
    broken = [end for end in ends if _fails_to_parse(end)]
    assert broken and len(broken) < len(ends)  # a pause inside an open bracket, then it is closed
    touched = {key.start[0] for key in keys}
    assert min(touched) < 100 and max(touched) > 1800  # the top and the end of the file


def test_the_published_versions_are_those_the_debounce_lets_through() -> None:
    slow, fast = 400.0, 60.0
    bursts = [
        [Key("character", (0, 0), (0, 0), "a", slow), Key("character", (0, 1), (0, 1), "b", fast)]
    ]
    assert typing_session.published(bursts, 150) == [False, True]


def test_relocation_edits_move_lines_and_leave_the_text_as_it_was() -> None:
    text = script(2000)
    keys, labels = relocation.edits(text, 2)
    states = _apply(text, keys)
    assert states[-1] == text
    line_counts = {
        label: len(state.split("\n")) for label, state in zip(labels, states, strict=True)
    }
    assert line_counts["top: Enter"] == text.count("\n") + 2
    assert any(label.startswith("end: ") for label in labels)


def test_percentiles_are_measured_values() -> None:
    assert typing_session.summary([1.0, 2.0, 3.0, 100.0]) == {
        "n": 4,
        "p50_ms": 2.0,
        "p95_ms": 100.0,
        "max_ms": 100.0,
    }


def test_versus_extracts_the_server_of_a_commit(tmp_path: Path) -> None:
    commit, server = versus.extract("HEAD", tmp_path)
    assert (server / "shapesense" / "analysis.py").is_file()
    assert len(commit) == 12


def _fails_to_parse(text: str) -> bool:
    try:
        ast.parse(text)
    except SyntaxError:
        return True
    return False


def _fake_report(parse_after: float) -> dict[str, object]:
    machine = {
        "python": "3.11.7",
        "cpus": 2,
        "platform": "Linux",
        "load_average": [0.1, 0.2, 0.3],
        "ast_parse_2000_lines_ms": 15.0,
        "ast_parse_spread_ms": 0.4,
    }
    target = {"target": "analysis p95", "goal": "<= 10 ms", "figure": 7.25, "met": True}
    return {
        "machine": machine,
        "machine_after": {**machine, "ast_parse_2000_lines_ms": parse_after},
        "results": [
            {"name": "typing", "targets": [target], "push_ms": {"all": {"p95_ms": 161.0}}},
            {"name": "runs", "runs": {"after": [{"max_ms": 80.0}]}},
        ],
    }


def test_the_figures_of_a_run_replace_only_the_written_part(tmp_path: Path) -> None:
    page = tmp_path / "BENCHMARKS.md"
    page.write_text("# Benchmarks\n\nBy hand.\n\n## What was done\n\nBy hand too.\n")
    report.write(page, _fake_report(15.5), "python -m bench --write-benchmarks", 600)
    first = page.read_text()
    assert first.startswith("# Benchmarks\n\nBy hand.\n") and "By hand too." in first
    assert "| analysis p95 | <= 10 ms | 7.25 | yes |" in first
    assert "typing" in first and "push_ms / all / p95_ms: 161" in first
    assert "runs / after [0] / max_ms: 80" in first
    assert "`python -m bench --write-benchmarks`, one run, 10.0 minutes" in first
    assert "distrust" not in first  # ast.parse moved 3%
    report.write(page, _fake_report(30.0), "python -m bench --write-benchmarks", 60)
    second = page.read_text()
    assert second.count(report.BEGIN) == 1 and "By hand too." in second
    assert "10.0 minutes" not in second and "1.0 minutes" in second
    assert "distrust the run" in second  # ast.parse moved 100% under it


def test_each_mode_picks_its_own_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import sizes

    monkeypatch.setattr(sizes, "MODE", "medium")
    assert (sizes.size(True, 9, 45, 90), sizes.size(False, 9, 45, 90)) == (9, 45)
    monkeypatch.setattr(sizes, "MODE", "full")
    assert sizes.size(False, 9, 45, 90) == 90


def test_the_floor_server_publishes_for_the_opened_document() -> None:
    """cold_start's floor is a server the client waits for exactly as for ShapeSense's."""
    seconds = asyncio.run(
        cold_start.first_diagnostics([sys.executable, str(cold_start.FLOOR_SERVER)])
    )
    assert 0 < seconds < 60


def test_a_cold_check_side_by_side_runs_each_tree_from_its_folder(tmp_path: Path) -> None:
    (tmp_path / "shapesense").mkdir()
    (tmp_path / "shapesense" / "__init__.py").write_text("")
    command = real_code._from_tree(tmp_path, "import shapesense; print(shapesense.__file__)")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(tmp_path / "shapesense" / "__init__.py")
