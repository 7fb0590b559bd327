"""Suppression comments: what they silence, what they do not, and SS900 for unused ones."""

from __future__ import annotations

from shapesense import Options, analyze
from shapesense.keras.versions import KERAS_3
from shapesense.suppress import disable_edit

from .test_cli import check

HEAD = """import numpy as np
import keras
import pytest

model = keras.Sequential([keras.Input(shape=(20, 5)), keras.layers.LSTM(8), keras.layers.Dense(1)])
model.compile(loss="mse")
bad = np.random.rand(10, 20, 3)
"""
FIT = "model.fit(bad, np.zeros(10))"


def codes(source: str, unused: bool = False) -> list[tuple[int, str]]:
    findings = analyze(source, Options(KERAS_3, report_unused_suppressions=unused)).findings
    return [(f.span.line - HEAD.count("\n") + 1, f.code) for f in findings]


def test_unsuppressed_line_is_reported() -> None:
    assert codes(HEAD + FIT + "\n") == [(1, "SS102")]


def test_each_form_silences_the_line() -> None:
    for comment in (
        "# shapesense: ignore[SS102]",
        "# shapesense: ignore[SS201, SS102]",
        "# shapesense: ignore",
        "# noqa: SS102",
        "# noqa:SS102,E501",
        "# noqa",
        "# type: ignore  # shapesense: ignore[SS102]",
    ):
        assert codes(f"{HEAD}{FIT}  {comment}\n") == [], comment


def test_other_codes_and_strings_do_not_silence() -> None:
    assert codes(f"{HEAD}{FIT}  # shapesense: ignore[SS101]\n") == [(1, "SS102")]
    assert codes(f"{HEAD}{FIT}  # noqa: E501\n") == [(1, "SS102")]
    # A `#` inside a string is not a comment.
    assert codes(f'{HEAD}model.fit(bad, np.zeros(10), verbose="# noqa")\n') == [(1, "SS102")]
    assert codes(f'{HEAD}s = """\n# shapesense: ignore-file\n"""\n{FIT}\n') == [(4, "SS102")]


def test_pytest_raises_block_is_silenceable() -> None:
    one_line = f"{HEAD}with pytest.raises(ValueError): {FIT}  # shapesense: ignore[SS102]\n"
    assert codes(one_line) == []
    two_lines = f"{HEAD}with pytest.raises(ValueError):\n    {FIT}  # noqa: SS102\n"
    assert codes(two_lines) == []


def test_a_multi_line_call_is_silenced_on_its_last_line() -> None:
    source = f"{HEAD}model.fit(\n    bad,\n    np.zeros(10),\n)  # shapesense: ignore[SS102]\n"
    assert codes(source) == []  # the finding is on `bad` (line 2): the statement ends at line 4


def test_ignore_file() -> None:
    assert codes(f"# shapesense: ignore-file\n{HEAD}{FIT}\n") == []


def test_unused_suppressions_are_reported_only_when_asked() -> None:
    source = f"{HEAD}{FIT}  # noqa: SS102, SS201\nx = 1  # shapesense: ignore\ny = 2  # noqa\n"
    assert codes(source) == []
    assert codes(source, unused=True) == [(1, "SS900"), (2, "SS900")]
    findings = analyze(source, Options(KERAS_3, report_unused_suppressions=True)).findings
    first, second = findings
    assert first.message.startswith("Unused suppression of SS201")
    assert first.fixes[0].edits[0].new_text == "noqa: SS102"
    assert second.fixes[0].title == "Remove the unused suppression comment"


def test_disable_edit_appends_or_extends() -> None:
    text = "a = 1\nb = 2  # shapesense: ignore[SS101]\nc = '''\nx'''\n"
    new = disable_edit(text, 0, "SS102")
    assert new is not None and new.new_text == "  # shapesense: ignore[SS102]"
    assert (new.span.line, new.span.column) == (0, 5)
    extended = disable_edit(text, 1, "SS102")
    assert extended is not None and extended.new_text == "shapesense: ignore[SS101, SS102]"
    assert disable_edit(text, 2, "SS102") is None  # the line ends inside a string


def test_cli_honours_suppressions_and_reports_unused(tmp_path) -> None:
    path = tmp_path / "t.py"
    path.write_text(
        f"{HEAD}{FIT}  # shapesense: ignore[SS102]\nz = 3  # shapesense: ignore[SS101]\n"
    )
    proc = check(str(path))
    assert proc.returncode == 0 and "SS102" not in proc.stdout
    proc = check("--report-unused-suppressions", str(path))
    assert proc.returncode == 0
    assert f"{path}:9:10: warning SS900 Unused suppression of SS101" in proc.stdout
