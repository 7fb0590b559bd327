"""Where analyses run: in analysis processes (`pool.py`), one job per document version,
stopped once stale.

The event loop only takes a copy of the text (`State.prepare`) and awaits the job, so while
one document takes seconds, requests for every other document are answered (the analysis
holds another process's GIL, not the server's). A job is shared by everything that waits for
that version (a publish, a pull, a hover): analysis runs once per document version. It is
stopped (a cancel sent to its process, whose interpreter checks before each statement) when a
newer version of its document arrives, when the document is closed, or when everything that
waited for it was cancelled (`$/cancelRequest`, or a newer change replacing a debounced
publish). Other work that grows with the document (converting findings) runs in threads.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from ..cancel import Cancelled
from . import pool
from .state import Request, State, View

THREADS = 2  # converting results: in threads, so that the event loop keeps answering
T = TypeVar("T")


@dataclass
class Job:
    request: Request
    work: pool.Job | None = None
    future: asyncio.Future[View] | None = None
    waiters: int = 0
    stopped_because: str = ""


class Jobs:
    def __init__(
        self,
        state: State,
        processes: pool.Pool,
        open_texts: Callable[[], pool.Texts],
        log: Callable[[str], None],
    ) -> None:
        self.state = state
        self.processes = processes
        self.open_texts = open_texts
        self.log = log
        self.running: dict[str, Job] = {}  # by document (file or notebook) key
        self._threads: ThreadPoolExecutor | None = None

    @property
    def threads(self) -> ThreadPoolExecutor:
        if self._threads is None:  # made on first use: a server that never analyses starts none
            self._threads = ThreadPoolExecutor(THREADS, thread_name_prefix="shapesense-convert")
        return self._threads

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
            view = request.view
            job.work = self.processes.submit(
                key, view.source, request.incremental, request.options, self.open_texts()
            )
            job.future = asyncio.ensure_future(_analysed(view, job.work))
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
        return await asyncio.get_running_loop().run_in_executor(self.threads, work, *args)

    def stop(self, key: str, reason: str, job: Job | None = None) -> None:
        """Stop the running analysis of `key` (only if it is `job`, when given)."""
        running = self.running.get(key)
        if running is None or (job is not None and running is not job):
            return
        del self.running[key]
        running.stopped_because = reason
        if running.work is not None:
            self.processes.cancel(running.work)

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
                f"after {job.work.steps if job.work else 0:,} statements ({job.stopped_because})"
            )
        elif error is None and not job.stopped_because:
            self.state.store(job.request)

    def close(self) -> None:
        self.stop_all("the server is shutting down")
        self.processes.close()
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)


async def _analysed(view: View, work: pool.Job) -> View:
    view.analysis = await work.future
    return view
