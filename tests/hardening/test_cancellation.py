"""The core's side of a responsive server: de-duplicating findings is linear, and an analysis
stops at the next statement once its token is cancelled."""

from __future__ import annotations

import pytest
from shapesense import analyze
from shapesense.analysis import Analyzer
from shapesense.cancel import Cancelled, Token
from shapesense.findings import Finding

from .slow_documents import bad_fits


def test_deduplicating_findings_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: each new finding was compared with every kept one (`finding not in list`),
    # 2.3 / 4.3 / 13.3 s for 1,000 / 2,000 / 4,000 bad fits.
    compared = 0
    equal = Finding.__eq__

    def counting(self: Finding, other: object) -> bool:
        nonlocal compared
        compared += 1
        return equal(self, other)

    monkeypatch.setattr(Finding, "__eq__", counting)
    result = analyze(bad_fits(600))
    errors = [f for f in result.findings if f.code == "SS102"]
    assert len(errors) == 600
    assert [f.span.line for f in errors] == sorted(f.span.line for f in errors)
    assert compared < 600  # quadratic would be ~180,000


def test_a_cancelled_analysis_stops_at_the_next_statement() -> None:
    steps_at_cancel = 0

    class StopAfter(Token):
        def check(self) -> None:
            nonlocal steps_at_cancel
            if self.steps == 50:
                steps_at_cancel = self.steps
                self.cancel()
            super().check()

    token = StopAfter()
    analyzer = Analyzer()
    with pytest.raises(Cancelled):
        analyzer.analyze(bad_fits(2_000), token)
    assert token.steps == steps_at_cancel + 1  # not one statement more
    # The statement cut short is never replayed: the next version is analysed correctly.
    again = analyzer.analyze(bad_fits(3))
    assert [f.code for f in again.findings if f.severity == "error"] == ["SS102"] * 3


def test_an_uncancelled_token_counts_every_statement() -> None:
    token = Token()
    Analyzer().analyze(bad_fits(100), token)
    assert token.steps >= 100


def test_the_quick_fix_rechecks_stop_too() -> None:
    """Most of a slow document's time goes to re-analysing the file with each quick fix
    (program_fixes.py): those analyses check the same token."""
    text = bad_fits(200)
    whole = Token()
    Analyzer().analyze(text, whole)
    statements = text.count("\n")
    assert whole.steps > 2 * statements  # the re-checks ran, and counted
    cancel_at = whole.steps - 10  # inside the last re-check

    class StopAt(Token):
        def check(self) -> None:
            if self.steps == cancel_at:
                self.cancel()
            super().check()

    token = StopAt()
    analyzer = Analyzer()
    with pytest.raises(Cancelled):
        analyzer.analyze(text, token)
    assert token.steps == cancel_at + 1
    again = analyzer.analyze(bad_fits(3))
    assert [f.code for f in again.findings if f.severity == "error"] == ["SS102"] * 3
