"""The generated sample runs for minutes: it must say how far it got, in CI's log (fast test)."""

from __future__ import annotations

import pytest

from . import run


class FakeWorker:
    """Stands in for a real-Keras worker process: every program runs cleanly, at once."""

    def __init__(self, keras: int, script: object = None) -> None:
        self.keras = keras
        self.served = 0

    def run(self, source: str, whole: bool = False) -> dict:
        return {"raised": False, "layer_shapes": None}

    def close(self) -> None:
        pass


def test_run_all_prints_progress_every_50_programs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(run, "Worker", FakeWorker)
    results = run.run_all(["x = 1\n"] * 120, keras=3, jobs=2)
    assert len(results) == 120
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        "oracle: Keras 3 programs: 50/120",
        "oracle: Keras 3 programs: 100/120",
        "oracle: Keras 3 programs: 120/120",
    ]
