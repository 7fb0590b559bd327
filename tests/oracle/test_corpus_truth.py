"""Real Keras 3 and 2 re-run every corpus program: tests/corpus/truth.json must be current.
Progress is printed (run with -s); `python -m tests.corpus.run --write` refreshes the truth."""

from __future__ import annotations

import os

import pytest

from ..corpus.corpus import load_programs, load_truth
from ..corpus.run import collect, differences

pytestmark = pytest.mark.oracle


def test_corpus_truth_is_current() -> None:
    actual = collect(load_programs(), jobs=os.cpu_count() or 1)
    problems = differences(load_truth(), actual)
    assert not problems, "\n".join(problems)
