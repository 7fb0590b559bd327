"""Prints the corpus figures (recall, coverage) after a run that judged corpus programs."""

from __future__ import annotations

import pytest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from .report import figures
    from .test_corpus import JUDGEMENTS

    for keras in (3, 2):
        judged = [j for j in JUDGEMENTS if j.keras == keras]
        if not judged:
            continue
        f = figures(judged)
        terminalreporter.write_line(
            f"corpus, Keras {keras}: {f.programs} programs, {f.raised} Keras errors,"
            f" caught {f.caught} (recall {100 * f.recall:.0f}%), false errors"
            f" {len(f.false_errors)}, calls checked {f.checked}/{f.calls}"
            f" (coverage {100 * f.coverage:.0f}%)"
        )
