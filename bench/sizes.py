"""How much each benchmark does: `--quick` (CI: only that nothing rots), `--medium` (every
benchmark at fewer repeats, so that `--write-benchmarks` fits in 15 minutes on the 2-core
machine), or the full sizes. `__main__` sets MODE; each module asks `size`."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")
MODE = "full"


def size(quick: bool, when_quick: T, medium: T, full: T) -> T:
    if quick:
        return when_quick
    return medium if MODE == "medium" else full
