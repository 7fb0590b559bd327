"""lazy.py: a module imported on first use is whole for every thread that reads it first."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from shapesense.lazy import lazy_import


def test_threads_reading_first_all_see_the_whole_module(tmp_path: Path) -> None:
    # The module takes a while to execute: a thread arriving meanwhile must wait for it
    # (importlib.util.LazyLoader hands it the half-built module on Python 3.11, gh-114763).
    (tmp_path / "slow_module_for_lazy_test.py").write_text(
        "import time\nSTARTED = True\ntime.sleep(0.3)\nANSWER = 42\n"
    )
    sys.path.insert(0, str(tmp_path))
    try:
        module = lazy_import("slow_module_for_lazy_test")
        seen: list[object] = []

        def read() -> None:
            try:
                seen.append(module.ANSWER)
            except AttributeError as exc:
                seen.append(exc)

        threads = [threading.Thread(target=read) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert seen == [42] * 8
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("slow_module_for_lazy_test", None)


def test_a_missing_module_fails_on_first_use() -> None:
    module = lazy_import("no_such_module_for_lazy_test")
    with pytest.raises(ModuleNotFoundError):
        module.anything  # noqa: B018
