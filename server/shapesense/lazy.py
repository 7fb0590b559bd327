"""Modules imported on first use, so a `shapesense check` that never asks one pays nothing for it.

numpy costs about a third of a cold `shapesense check` (`python -X importtime`), and most files
never ask it a shape question (about 4 in 5 of tests/corpus). Not `importlib.util.LazyLoader`:
on Python 3.11 (CPython gh-114763) a second thread reading an attribute while the first still
executes the module sees it half-built, and the server analyses in worker threads.
"""

from __future__ import annotations

import importlib
import threading
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for a module; the first attribute read imports it (once, under a lock)."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None
        self._lock = threading.Lock()

    def _load(self) -> ModuleType:
        with self._lock:  # import_module is thread-safe; the lock keeps the fast path simple
            if self._module is None:
                self._module = importlib.import_module(self._name)
            return self._module

    def __getattr__(self, attr: str) -> Any:
        module = self._module if self._module is not None else self._load()
        return getattr(module, attr)


def lazy_import(name: str) -> Any:
    """`name`, imported on first attribute access (typed as the module where it is used)."""
    return LazyModule(name)
