"""The server's analysis processes (`worker.py`): at most SIZE, the first started as the server
starts (`early`), another when every one is busy.

A document's versions go to the process that keeps its incremental Analyzer, unless that one
is busy with another document: then to an idle process (started if fewer than SIZE run), and
the document's Analyzer moves with it. Stopping a job sends a cancel (the analysis stops at its
next statement); a process that has not stopped a cancelled job after STUCK_AFTER seconds is
killed. A process that ends unexpectedly is replaced, and its jobs are sent again; a version
that ends its process twice gets an SS000 finding instead of an analysis. A process beyond the
first that has been idle for RETIRE_AFTER seconds is ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from ..audit_events import ALLOW_PROCESS
from ..cancel import Cancelled
from ..findings import Analysis, Finding, Span
from ..options import INTERNAL_ERROR, Options
from ..resolve import ProjectResolver

SIZE = 2  # processes: a slow document and the one being typed in
STUCK_AFTER = 10.0  # seconds a cancelled job may run on before its process is killed
ATTEMPTS = 2  # processes a version may end before it is given up
RETIRE_AFTER = 30.0  # seconds an extra process may stay idle (each holds ~45 MB)

Texts = dict[str, str]  # the editor's unsaved texts, by file path


def command() -> list[str]:
    """`python -I` (no working directory, PYTHONPATH or user site on its path) with this
    process's cleaned `sys.path`, protected as the server is, then the worker's loop."""
    code = (
        f"import sys; sys.path[:] = {sys.path!r}; "
        "from shapesense.startup import protect; protect(); "
        "from shapesense.lsp.worker import main; main()"
    )
    return [sys.executable, "-I", "-c", code]


@dataclass
class Job:
    id: int
    key: str
    message: tuple[Any, ...]  # what is sent, but the texts (sent again on a restart)
    texts: Texts
    future: asyncio.Future[Analysis]
    cancelled: bool = False
    attempts: int = 0
    steps: int = 0  # statements run when it stopped
    parts: dict[str, list[Any]] = field(default_factory=dict)


class Process:
    """One analysis process and the jobs sent to it, in order."""

    def __init__(
        self,
        on_message: Callable[[Process, Any], None] = lambda process, message: None,
        on_end: Callable[[Process], None] = lambda process: None,
    ) -> None:
        argv = command()
        # lets the audit hook (startup.py) permit exactly this command line
        sys.audit(ALLOW_PROCESS, argv)
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.outgoing = Connection(os.dup(self.proc.stdin.fileno()), readable=False)
        self.incoming = Connection(os.dup(self.proc.stdout.fileno()), writable=False)
        self.proc.stdin.close()
        self.proc.stdout.close()
        self.jobs: dict[int, Job] = {}
        self.keys: set[str] = set()  # documents whose Analyzer it keeps
        self.texts: Texts = {}  # the unsaved texts it has been sent
        self.ended = False
        self.finished = 0  # jobs it has finished
        self.on_message = on_message
        self.on_end = on_end
        self.loop: asyncio.AbstractEventLoop | None = None
        self._attached = threading.Event()  # set once the server's loop runs (`attach`)
        self._outbox: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        threading.Thread(target=self._read, name="shapesense-analysis-reader", daemon=True).start()
        self.writer = threading.Thread(
            target=self._write, name="shapesense-analysis-writer", daemon=True
        )
        self.writer.start()

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._attached.set()

    def _read(self) -> None:
        ended = True
        try:
            while True:
                message = self.incoming.recv()
                self._attached.wait()
                assert self.loop is not None
                self.loop.call_soon_threadsafe(self.on_message, self, message)
        except (EOFError, OSError):
            pass
        except RuntimeError:  # the loop has closed: the server is ending
            ended = False
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=60)  # reaped here, so no process is left a zombie
        if ended and self._attached.wait(timeout=3600) and self.loop is not None:
            with contextlib.suppress(RuntimeError):
                self.loop.call_soon_threadsafe(self.on_end, self)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def idle(self) -> bool:
        return all(job.cancelled for job in self.jobs.values())

    def _write(self) -> None:
        """Sends the messages in order. A process that stops reading (frozen, its pipe full
        with a large text) blocks this thread, never the server's event loop, which goes on
        answering and kills it when its cancelled job overstays (STUCK_AFTER)."""
        try:
            while (message := self._outbox.get()) is not None:
                self.outgoing.send(message)
        except OSError:
            pass  # it has ended: the reader thread reports it
        finally:
            self.outgoing.close()  # only this thread writes, so only it closes

    def send(self, message: tuple[Any, ...]) -> None:
        self._outbox.put(message)

    def close_input(self) -> None:
        """It ends at the end of its input, once the messages already sent are written."""
        self._outbox.put(None)

    def texts_update(self, texts: Texts) -> dict[str, str | None]:
        """What it must learn of `texts` (the same string objects are not sent twice)."""
        update: dict[str, str | None] = {
            p: t for p, t in texts.items() if self.texts.get(p) is not t
        }
        update.update({p: None for p in self.texts if p not in texts})
        self.texts = dict(texts)
        return update

    def kill(self) -> None:
        self.ended = True
        self.proc.kill()  # a write blocked on it fails now, and the writer closes the pipe
        self._outbox.put(None)


class Pool:
    def __init__(self, log: Callable[[str], None], size: int = SIZE) -> None:
        self.log = log
        self.size = size
        self.processes: list[Process] = []
        self.owner: dict[str, Process] = {}  # the process keeping each document's Analyzer
        self._ids = itertools.count(1)
        self._jobs: dict[int, Job] = {}

    def prestart(self) -> None:
        """Have the first process before the first analysis asks for it (a process takes
        0.5 s to import the analysis on a quiet machine, 3 s on a loaded one): the one
        `early()` started while the server imported its own modules, or a new one."""
        global _early
        if self.processes:
            return
        try:
            process, _early = _early or Process(), None
        except OSError as error:
            self.log(f"shapesense: the analysis process could not be started ({error})")
            return
        process.on_message, process.on_end = self._message, self._ended
        self.processes.append(process)

    def submit(
        self, key: str, source: str, incremental: bool, options: Options, texts: Texts
    ) -> Job:
        """Analyse `source` in a process; the job's future is its Analysis, or `Cancelled`."""
        resolver = options.resolver
        spec = None
        if isinstance(resolver, ProjectResolver):
            spec = (str(resolver.file) if resolver.file else None, str(resolver.root))
            options = dataclasses.replace(options, resolver=None)
        job_id = next(self._ids)
        message = ("analyse", job_id, key, source, incremental, options, spec)
        job = Job(job_id, key, message, texts, asyncio.get_running_loop().create_future())
        self._jobs[job_id] = job
        self._send(job)
        return job

    def _send(self, job: Job) -> None:
        job.attempts += 1
        try:
            process = self._choose(job.key)
        except OSError as error:
            self._give_up(job, f"the analysis process could not be started ({error})")
            return
        previous = self.owner.get(job.key)
        if previous is not None and previous is not process:
            previous.keys.discard(job.key)
            previous.send(("drop", job.key))
        self.owner[job.key] = process
        process.keys.add(job.key)
        process.jobs[job.id] = job
        if process.loop is None:
            process.attach(asyncio.get_running_loop())
        process.send((*job.message, process.texts_update(job.texts)))

    def _choose(self, key: str) -> Process:
        owner = self.owner.get(key)
        if owner is not None and all(j.cancelled or j.key == key for j in owner.jobs.values()):
            return owner
        idle = [p for p in self.processes if p.idle()]
        if idle:
            return min(idle, key=lambda p: len(p.keys))
        if len(self.processes) < self.size:
            process = Process(self._message, self._ended)
            self.processes.append(process)
            return process
        return owner or min(self.processes, key=lambda p: len(p.jobs))

    def cancel(self, job: Job) -> None:
        if job.cancelled or job.future.done():
            return
        job.cancelled = True
        process = self._process_of(job)
        if process is None:
            return
        process.send(("cancel", job.id))
        asyncio.get_running_loop().call_later(STUCK_AFTER, self._kill_if_stuck, job, process)

    def _kill_if_stuck(self, job: Job, process: Process) -> None:
        if not job.future.done() and not process.ended and job.id in process.jobs:
            self.log(
                f"shapesense: analysis process {process.pid} did not stop a cancelled analysis "
                f"of {job.key} within {STUCK_AFTER:.0f} s: restarting it"
            )
            process.kill()

    def _process_of(self, job: Job) -> Process | None:
        return next((p for p in self.processes if job.id in p.jobs), None)

    def drop(self, key: str | None = None) -> None:
        """Forget a document's Analyzer (None: every one)."""
        for process in self.processes:
            if key is None or key in process.keys:
                process.send(("drop", key))
                process.keys.discard(key) if key is not None else process.keys.clear()
        if key is None:
            self.owner.clear()
        else:
            self.owner.pop(key, None)

    def _message(self, process: Process, message: tuple[Any, ...]) -> None:
        kind, job_id = message[0], message[1]
        job = process.jobs.get(job_id)
        if job is None:
            return
        if kind == "part":
            job.parts.setdefault(message[2], []).extend(message[3])
            return
        del process.jobs[job_id]
        self._jobs.pop(job_id, None)
        process.finished += 1
        if not process.jobs and len(self.processes) > 1:
            loop = asyncio.get_running_loop()
            loop.call_later(RETIRE_AFTER, self._retire, process, process.finished)
        if job.future.done():
            return
        if kind == "done":
            analysis: Analysis = message[2]
            for name, items in job.parts.items():
                setattr(analysis, name, items)
            job.future.set_result(analysis)
        elif kind == "cancelled":
            job.steps = message[2]
            job.future.set_exception(Cancelled())
        else:  # "failed": never expected, analyze() guards itself
            self.log(f"shapesense: analysing {job.key} failed:\n{message[2]}")
            self._give_up(job, "internal error in the analysis process")

    def _retire(self, process: Process, finished: int) -> None:
        """End a process idle since its `finished`-th job, if another one is idle too: the
        documents it kept are analysed afresh there (the result is the same)."""
        if process.finished != finished or process.jobs or process not in self.processes:
            return
        if not any(other is not process and not other.jobs for other in self.processes):
            return
        self.processes.remove(process)
        for key in process.keys:
            if self.owner.get(key) is process:
                del self.owner[key]
        self.log(f"shapesense: analysis process {process.pid} idle for {RETIRE_AFTER:.0f} s: ended")
        process.ended = True
        process.close_input()

    def _ended(self, process: Process) -> None:
        if process in self.processes:
            self.processes.remove(process)
        for key in process.keys:
            if self.owner.get(key) is process:
                del self.owner[key]
        if not process.ended:
            process.ended = True
            code = process.proc.poll()
            self.log(
                f"shapesense: analysis process {process.pid} ended unexpectedly (exit code "
                f"{code}) with {len(process.jobs)} analyses to do: restarting it"
            )
        for job in list(process.jobs.values()):
            if job.future.done():
                continue
            job.parts.clear()
            if job.cancelled:
                job.future.set_exception(Cancelled())
            elif job.attempts >= ATTEMPTS:
                self._give_up(job, f"the analysis process ended {job.attempts} times on it")
            else:
                self._send(job)
        process.jobs.clear()

    def _give_up(self, job: Job, why: str) -> None:
        self._jobs.pop(job.id, None)
        if not job.future.done():
            job.future.set_result(crashed(why))

    def close(self) -> None:
        for process in self.processes:
            process.kill()
        for process in self.processes:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.proc.wait(timeout=5)
        self.processes.clear()


_early: Process | None = None


def early() -> None:
    """Start the first analysis process now, before the server imports pygls and lsprotocol
    (`shapesense serve`): both imports then run at once, on two cores. Any error is left to
    `Pool.prestart`, which starts one again."""
    global _early
    if _early is None:
        with contextlib.suppress(OSError):
            _early = Process()


def crashed(why: str) -> Analysis:
    return Analysis(
        findings=[
            Finding(
                Span(0, 0, 0, 0),
                "information",
                INTERNAL_ERROR,
                f"ShapeSense could not analyse this version of the file ({why}). "
                "It is analysed again at the next change. Please report it.",
            )
        ]
    )
