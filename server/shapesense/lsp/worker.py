"""The analysis process: analyses run here, never in the language server's own process.

A pure-Python analysis holds the GIL, and the cyclic collector's full collections of its heap
stop every thread for hundreds of milliseconds: in a worker thread, a hover on another document
waited up to 794 ms. In a process of its own, the server's event loop never waits for it.

`pool.py` starts this module as `python -I -c <code>` with the server's own cleaned `sys.path`
(`startup.protect` runs first here too: nothing from the workspace is imported). Messages are
pickled over the process's stdin and stdout (`multiprocessing.connection.Connection`):

    in:  ("analyse", job, key, source, incremental, options, resolver, texts)
         ("cancel", job)   ("drop", key or None)
    out: ("part", job, field, items)... then ("done", job, analysis without those items)
         ("cancelled", job, statements run)   ("failed", job, traceback)

A result is sent in parts of PART items, so the server unpickles it a few milliseconds at a
time (3,000 findings and their hover tables in one piece: 170 ms holding the GIL).
"""

from __future__ import annotations

import dataclasses
import gc
import os
import queue
import sys
import threading
import traceback
from multiprocessing.connection import Connection
from typing import Any

from ..analysis import Analyzer, Options
from ..cancel import Cancelled, Token
from ..findings import Analysis
from ..resolve import ProjectResolver

PART = 250  # items of one list per message
MAX_INCREMENTAL = 16  # documents whose previous version is kept for incremental analysis
THAW_EVERY = 1024  # analyses between full garbage collections of the frozen heap


class Heap:
    """The analysis process keeps a large, long-lived heap: each edited document's last Analyzer
    and the journals that make the next analysis incremental. CPython's collector would walk
    all of it again while each analysis allocates (measured: +60 ms on an edit that moves every
    line of a 2,000-line file), so after each analysis the young objects are collected and the
    heap is frozen: later collections walk only what is new. But cycles that die after being
    frozen (a replaced version's journals) can only be found by thawing, so once the frozen
    heap has grown by GROWTH since the last thaw (and at least every THAW_EVERY analyses), it
    is thawed and collected in full (a 120-line file, 400 edits: 54 -> 56 MB, not 141 MB)."""

    GROWTH = 1.10

    def __init__(self) -> None:
        self.analyses = 0
        self.thawed_size = 0  # frozen objects right after the last thaw
        # Counting the frozen heap walks all of it (11 ms for the 75,000 objects of a 2,000-line
        # document on a loaded 2-core machine), so it is counted only once the objects frozen
        # since the last count (each analysis's survivors, cheap to count) could reach GROWTH.
        self.counted_size = 0
        self.frozen_since_count = 0

    def settle(self) -> None:
        self.analyses += 1
        gc.collect(1)  # the survivors are now the oldest generation's only objects
        self.frozen_since_count += len(gc.get_objects(generation=2))
        gc.freeze()
        limit = self.thawed_size * self.GROWTH
        due = self.analyses % THAW_EVERY == 0
        if not due and self.counted_size + self.frozen_since_count > limit:
            self.counted_size, self.frozen_since_count = gc.get_freeze_count(), 0
            due = self.counted_size > limit
        if due:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.thawed_size = self.counted_size = gc.get_freeze_count()
            self.frozen_since_count = 0


class Analyses:
    """The incremental Analyzer of each document being edited (most recently used last), and
    the resolver each document's imports are followed with. One thread uses it."""

    def __init__(self) -> None:
        self.analyzers: dict[str, Analyzer] = {}
        self.resolvers: dict[tuple[str, str | None, str | None], ProjectResolver] = {}
        self.open_texts: dict[str, str] = {}  # unsaved editor text, by file path
        self.heap = Heap()

    def options(
        self, key: str, options: Options, resolver: tuple[str | None, str] | None
    ) -> Options:
        """`options` with its resolver: the same object for the same document, so the
        document's Analyzer (kept only while its options are equal) is kept."""
        if resolver is None:
            return options
        file, root = resolver
        found = self.resolvers.get((key, file, root))
        if found is None:
            found = ProjectResolver(file, root, self.open_texts)
            self.resolvers[(key, file, root)] = found
        return dataclasses.replace(options, resolver=found)

    def run(
        self, key: str, options: Options, source: str, incremental: bool, token: Token
    ) -> Analysis:
        """Analyse one version. Raises `Cancelled` once `token` is. (The caller settles the
        heap after an incremental one: `Heap.settle`.)"""
        if not incremental:
            self.drop(key)
            analyzer = Analyzer(options, incremental=False)
            try:
                return analyzer.analyze(source, token)
            finally:
                analyzer.close()
        kept = self.analyzers.pop(key, None)
        if kept is not None and kept.options != options:
            kept.close()
            kept = None
        analyzer = kept or Analyzer(options)
        self.analyzers[key] = analyzer
        while len(self.analyzers) > MAX_INCREMENTAL:
            self.drop(next(iter(self.analyzers)))
        return analyzer.analyze(source, token)

    def drop(self, key: str | None = None) -> None:
        """Forget one document's Analyzer and resolvers, or (None) every one."""
        for k in list(self.analyzers) if key is None else [key]:
            analyzer = self.analyzers.pop(k, None)
            if analyzer is not None:
                analyzer.close()
        for spec in [s for s in self.resolvers if key is None or s[0] == key]:
            del self.resolvers[spec]


def split(analysis: Analysis) -> tuple[list[tuple[str, list[Any]]], Analysis]:
    """The analysis's long lists in parts of PART items, and the analysis without them."""
    parts: list[tuple[str, list[Any]]] = []
    emptied: dict[str, Any] = {}
    for item in dataclasses.fields(analysis):
        value = getattr(analysis, item.name)
        if isinstance(value, list) and len(value) > PART:
            parts += [(item.name, value[i : i + PART]) for i in range(0, len(value), PART)]
            emptied[item.name] = []
    return parts, dataclasses.replace(analysis, **emptied)


class Worker:
    def __init__(self, incoming: Connection, outgoing: Connection) -> None:
        self.incoming = incoming
        self.outgoing = outgoing
        self.analyses = Analyses()
        self.queue: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self.lock = threading.Lock()  # guards the two below (the reader thread cancels)
        self.current: tuple[int, Token] | None = None
        self.cancelled: set[int] = set()

    def read(self) -> None:
        """The reader thread: cancellations act at once, the rest waits its turn."""
        try:
            while True:
                message = self.incoming.recv()
                if message[0] == "cancel":
                    with self.lock:
                        if self.current is not None and self.current[0] == message[1]:
                            self.current[1].cancel()
                        else:
                            self.cancelled.add(message[1])
                else:
                    self.queue.put(message)
        except (EOFError, OSError):  # the server has gone: so does this process
            os._exit(0)

    def serve(self) -> None:
        threading.Thread(target=self.read, name="shapesense-worker-reader", daemon=True).start()
        while True:
            message = self.queue.get()
            if message[0] == "drop":
                self.analyses.drop(message[1])
            elif message[0] == "analyse":
                self.analyse(*message[1:])

    def analyse(
        self,
        job: int,
        key: str,
        source: str,
        incremental: bool,
        options: Options,
        resolver: tuple[str | None, str] | None,
        texts: dict[str, str | None],
    ) -> None:
        for path, text in texts.items():
            if text is None:
                self.analyses.open_texts.pop(path, None)
            else:
                self.analyses.open_texts[path] = text
        token = Token()
        with self.lock:
            if job in self.cancelled:
                self.cancelled.discard(job)
                token.cancel()
            self.current = (job, token)
        try:
            self._analyse(job, key, source, incremental, options, resolver, token)
        finally:
            # After the answer is sent: the heap's upkeep is off the way to the diagnostics.
            if incremental:
                self.analyses.heap.settle()

    def _analyse(
        self,
        job: int,
        key: str,
        source: str,
        incremental: bool,
        options: Options,
        resolver: tuple[str | None, str] | None,
        token: Token,
    ) -> None:
        try:
            token.check()
            analysis = self.analyses.run(
                key, self.analyses.options(key, options, resolver), source, incremental, token
            )
        except Cancelled:
            self.outgoing.send(("cancelled", job, token.steps))
            return
        except Exception:
            self.outgoing.send(("failed", job, traceback.format_exc()))
            return
        finally:
            with self.lock:
                self.current = None
        parts, rest = split(analysis)
        for name, items in parts:
            self.outgoing.send(("part", job, name, items))
        self.outgoing.send(("done", job, rest))


def main() -> None:
    """Entry point of the analysis process (after `startup.protect`)."""
    incoming = Connection(os.dup(0), writable=False)
    outgoing = Connection(os.dup(1), readable=False)
    # Nothing else may write into the channel: stray output goes to stderr, input is empty.
    os.dup2(2, 1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    sys.stdout = sys.stderr
    Worker(incoming, outgoing).serve()
