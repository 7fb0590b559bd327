"""Modules imported on first use, so a `shapesense check` that never asks one pays nothing for it.

numpy costs about a third of a cold `shapesense check` (`python -X importtime`), and most files
never ask it a shape question (about 4 in 5 of tests/corpus). `importlib.util.LazyLoader`, the
standard library's own mechanism, defers executing the module until an attribute is read.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_import(name: str) -> ModuleType:
    """`name` (a top-level module), executed on first attribute access; at once if it is loaded."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
