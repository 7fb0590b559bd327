"""The analysis process's heap upkeep (`lsp/worker.py`): it stays off the way to the diagnostics.

Settling the heap after an analysis (collecting the young objects, freezing the rest, now and
then a full collection) is done once the result is sent; and the frozen heap, whose count walks
all of it, is counted only when the objects frozen since the last count could have made it grow
past the limit that calls for a full collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from shapesense.analysis import Options
from shapesense.lsp import worker


class _Recorder:
    def __init__(self, events: list[str]) -> None:
        self.events = events

    def send(self, message: tuple[Any, ...]) -> None:
        self.events.append(f"send {message[0]}")


class _RecordingHeap(worker.Heap):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def settle(self) -> None:
        self.events.append("settle")


@pytest.fixture
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()  # the test process's heap as it was


def test_the_result_is_sent_before_the_heap_is_settled(unfrozen: None) -> None:
    events: list[str] = []
    process = worker.Worker(None, _Recorder(events))  # type: ignore[arg-type]
    process.analyses.heap = _RecordingHeap(events)
    process.analyse(1, "file:///a.py", "x = 1\n", True, Options(), None, {})
    assert events == ["send done", "settle"]
    events.clear()
    process.analyse(2, "file:///a.py", "x = (\n", True, Options(), None, {})
    assert events == ["send done", "settle"]


def test_a_cancelled_analysis_settles_the_heap_too(unfrozen: None) -> None:
    events: list[str] = []
    process = worker.Worker(None, _Recorder(events))  # type: ignore[arg-type]
    process.analyses.heap = _RecordingHeap(events)
    process.cancelled.add(3)
    process.analyse(3, "file:///a.py", "x = 1\n", True, Options(), None, {})
    assert events == ["send cancelled", "settle"]


def test_the_frozen_heap_is_counted_only_when_it_may_have_grown(
    unfrozen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts: list[int] = []
    real_count = gc.get_freeze_count

    def counting() -> int:
        counts.append(1)
        return real_count()

    monkeypatch.setattr(worker.gc, "get_freeze_count", counting)
    heap = worker.Heap()
    kept = [[i] for i in range(20_000)]  # a long-lived heap, as a document's journals are
    heap.settle()  # the first settling counts it and collects in full
    assert counts and heap.thawed_size >= len(kept)
    counts.clear()
    for _ in range(50):  # analyses that leave little behind: nothing to count
        kept.append([0])
        heap.settle()
    assert counts == []
    before = heap.thawed_size
    kept += [[i] for i in range(before // 5)]  # an analysis that leaves a lot behind
    heap.settle()
    assert counts  # counted, and (having grown by more than GROWTH) collected in full
    assert heap.thawed_size >= before + before // 5
