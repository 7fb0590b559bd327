"""Prints the corpus figures (recall, coverage) after a run that judged corpus programs.
Under pytest-xdist (`-n 2`, as CI runs the fast tier) each worker sends its counts to the
controller, which adds them up and prints the same line."""

from __future__ import annotations

from typing import Any

import pytest

KERAS_VERSIONS = ("3", "2")
# programs, Keras errors, caught, false errors, calls checked, calls: per Keras version
COUNTS: dict[str, list[int]] = {}


def _own_counts() -> dict[str, list[int]]:
    from .report import figures
    from .test_corpus import JUDGEMENTS

    counts = {}
    for keras in KERAS_VERSIONS:
        judged = [j for j in JUDGEMENTS if str(j.keras) == keras]
        if judged:
            f = figures(judged)
            counts[keras] = [
                f.programs, f.raised, f.caught, len(f.false_errors), f.checked, f.calls
            ]  # fmt: skip
    return counts


def _add(counts: dict[str, list[int]]) -> None:
    for keras, numbers in counts.items():
        total = COUNTS.setdefault(keras, [0] * len(numbers))
        COUNTS[keras] = [a + b for a, b in zip(total, numbers, strict=True)]


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: the controller prints
        workeroutput["corpus_counts"] = _own_counts()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """xdist's controller: a worker finished; its counts join the others'."""
    _add(getattr(node, "workeroutput", {}).get("corpus_counts", {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not hasattr(terminalreporter.config, "workerinput"):
        _add(_own_counts())
    for keras in KERAS_VERSIONS:
        if keras not in COUNTS:
            continue
        programs, raised, caught, false_errors, checked, calls = COUNTS[keras]
        terminalreporter.write_line(
            f"corpus, Keras {keras}: {programs} programs, {raised} Keras errors,"
            f" caught {caught} (recall {100 * (caught / raised if raised else 1):.0f}%), false errors"
            f" {false_errors}, calls checked {checked}/{calls}"
            f" (coverage {100 * (checked / calls if calls else 1):.0f}%)"
        )
