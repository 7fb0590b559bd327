"""Where analyses run: in worker threads, one job per document version, stopped once stale.

The event loop only takes a copy of the text (`State.prepare`) and awaits the job, so while
one document takes seconds, requests for every other document are answered. A job is shared
by everything that waits for that version (a publish, a pull, a hover): analysis runs once
per document version. It is stopped (its `cancel.Token` tripped; the interpreter checks it
before each statement) when a newer version of its document arrives, when the document is
closed, or when everything that waited for it was cancelled (`$/cancelRequest`, or a newer
change replacing a debounced publish).
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..cancel import Cancelled, Token
from .state import Request, State, View

# Enough that a few slow documents do not hold up a small one; the GIL makes more pointless.
WORKERS = min(4, (os.cpu_count() or 1) + 2)
T = TypeVar("T")


@dataclass
class Job:
    request: Request
    token: Token = field(default_factory=Token)
    future: asyncio.Future[View] | None = None
    waiters: int = 0
    stopped_because: str = ""


class Jobs:
    def __init__(self, state: State, log: Callable[[str], None]) -> None:
        self.state = state
        self.log = log
        self.running: dict[str, Job] = {}  # by document (file or notebook) key
        self._pool: ThreadPoolExecutor | None = None

    @property
    def pool(self) -> ThreadPoolExecutor:
        if self._pool is None:  # made on first use: a server that never analyses starts none
            self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="shapesense-analysis")
        return self._pool

    async def view(self, request: Request) -> View:
        """The analysed view of `request`'s version. Raises `Cancelled` when the job was
        stopped for another reason than this caller's own cancellation."""
        key = request.view.key
        job = self.running.get(key)
        if job is not None and job.request.stamp != request.stamp:
            self.stop(key, "a newer version arrived")
            job = None
        if job is None:
            job = Job(request)
            loop = asyncio.get_running_loop()
            job.future = loop.run_in_executor(self.pool, self.state.run, request, job.token)
            job.future.add_done_callback(functools.partial(self._finished, job))
            self.running[key] = job
        assert job.future is not None
        job.waiters += 1
        try:
            return await asyncio.shield(job.future)
        finally:
            job.waiters -= 1
            if job.waiters == 0 and not job.future.done():
                self.stop(key, "every request waiting for it was cancelled", job)

    async def off_loop(self, work: Callable[..., T], *args: Any) -> T:
        """Other work that grows with the document (converting thousands of findings)."""
        return await asyncio.get_running_loop().run_in_executor(self.pool, work, *args)

    def stop(self, key: str, reason: str, job: Job | None = None) -> None:
        """Stop the running analysis of `key` (only if it is `job`, when given)."""
        running = self.running.get(key)
        if running is None or (job is not None and running is not job):
            return
        del self.running[key]
        running.stopped_because = reason
        running.token.cancel()

    def stop_older(self, key: str, version: int | None) -> None:
        job = self.running.get(key)
        if job is not None and job.request.view.version != version:
            self.stop(key, "a newer version arrived")

    def stop_all(self, reason: str) -> None:
        for key in list(self.running):
            self.stop(key, reason)

    def _finished(self, job: Job, future: asyncio.Future[View]) -> None:
        key = job.request.view.key
        if self.running.get(key) is job:
            del self.running[key]
        if future.cancelled():
            return
        error = future.exception()
        if isinstance(error, Cancelled):
            self.log(
                f"shapesense: stopped analysing {key} version {job.request.view.version} "
                f"after {job.token.steps:,} statements ({job.stopped_because})"
            )
        elif error is None and not job.stopped_because:
            self.state.store(job.request)

    def close(self) -> None:
        self.stop_all("the server is shutting down")
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
