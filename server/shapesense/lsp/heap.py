"""The server process's garbage collection: full collections only while nothing waits.

CPython's full collections walk the whole heap in one call, holding the GIL: once a result of
3,000 findings had arrived, each took 200-450 ms of the event loop, and a hover waited for it
(measured with `gc.callbacks` during `python -m tests.hardening.hover_latency`). So, once the
server has started, what it has loaded (modules, classes: about 65,000 objects) is frozen and
never walked again, and automatic full collections are turned off; the young generations are
still collected as usual. A full collection runs once the server has received no message for
IDLE seconds and no analysis is running, or at a message, once FORCE_AFTER collections of the
middle generation have passed without one (a client that never pauses still gets its memory
back: `tests/hardening/test_load.py`, `test_memory.py`).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

IDLE = 1.0  # seconds without a message
FORCE_AFTER = 200  # middle-generation collections (each after ~7,000 net allocations)
NEVER = 1 << 30  # the oldest generation's threshold: never automatically


class IdleCollector:
    def __init__(self, busy: Callable[[], bool]) -> None:
        self.busy = busy
        self.started = False
        self.full_collections = 0
        self._timer: asyncio.TimerHandle | None = None

    def start(self) -> None:
        """Freeze what the server has loaded; from now on, full collections are this class's."""
        if self.started:
            return
        self.started = True
        gc.freeze()  # (no collection first: at start-up, one took 0.36 s on a loaded machine)
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, NEVER)

    def message(self) -> None:
        """A message arrived: collect now if overdue, else when the server is idle again."""
        if not self.started:
            return
        if gc.get_count()[2] >= FORCE_AFTER:
            self.collect()
        if self._timer is not None:
            self._timer.cancel()
        try:
            self._timer = asyncio.get_running_loop().call_later(IDLE, self._idle)
        except RuntimeError:  # no loop (a test driving the protocol by hand)
            self._timer = None

    def _idle(self) -> None:
        self._timer = None
        if self.busy():
            self._timer = asyncio.get_running_loop().call_later(IDLE, self._idle)
        elif gc.get_count()[2] > 0:
            self.collect()

    def collect(self) -> None:
        gc.collect()
        self.full_collections += 1
