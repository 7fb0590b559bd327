"""What the user waits for while typing, the debounce included (the client-side targets).

One typing session on a 2,000-line script (workload.py), generated from a fixed seed so every
run types the same keys: bursts of keys 50-250 ms apart (a key slower than the debounce gets its
own diagnostics, as it does in the editor), pauses of 250-700 ms between bursts, at the top, the
middle and the end of the file. It types new statements (Enter, then the line key by key, with a
pause inside an open bracket: a syntax error half-way), corrects them with Backspace, deletes
lines (a whole line at once, or a blank line with Backspace) and changes shapes digit by digit.

The same keys, measured three ways:
- push: a client that takes pushed diagnostics (most editors; notebooks in VS Code): a key to
  the publishDiagnostics of its version, for every version the server publishes;
- pull: a client that pulls (VS Code for files) as vscode-languageclient does: on every
  change, with at most one pull in flight (a change meanwhile pulls again once it is answered);
  a key to the first report that covers it;
- analysis alone: the server's own `State` analysing the same versions in this process, every
  key (what a pulling client costs) and each published version (what the push costs).
Enter and line deletions are reported apart from in-line keys: they move every line below.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.workspace import Workspace
from shapesense.analysis import Options
from shapesense.cancel import Token
from shapesense.lsp.state import Request, State
from shapesense.lsp.worker import Analyses

from .client import Client
from .sizes import size
from .workload import script

DEBOUNCE_MS = 150  # the server's default (lsp/settings.py)
URI = "file:///bench/typing_session.py"
KINDS = ("character", "backspace", "enter", "line deletion", "digit")
LINE_KINDS = ("enter", "line deletion")


@dataclass(frozen=True)
class Key:
    kind: str
    start: tuple[int, int]
    end: tuple[int, int]
    text: str
    delay_ms: float  # after the previous key

    def change(self) -> types.TextDocumentContentChangePartial:
        return types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(*self.start), types.Position(*self.end)),
            text=self.text,
        )


class _Document:
    """The text as lines, to place the next key."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")

    def apply(self, key: Key) -> None:
        (line, col), (end_line, end_col) = key.start, key.end
        joined = self.lines[line][:col] + key.text + self.lines[end_line][end_col:]
        self.lines[line : end_line + 1] = joined.split("\n")

    def find(self, prefix: str) -> int:
        return next(i for i, text in enumerate(self.lines) if text.startswith(prefix))


def session(text: str, bursts: int, seed: int = 22) -> list[list[Key]]:
    """Bursts of keys; each burst's first key carries the pause before it."""
    rng = random.Random(seed)
    doc = _Document(text)
    blocks = text.count("# --- experiment")
    places = [1, blocks // 2, blocks - 2]  # near the top, the middle, the end
    result: list[list[Key]] = []
    burst: list[Key] = []

    def press(kind: str, start: tuple[int, int], end: tuple[int, int], typed: str) -> None:
        delay = rng.uniform(250, 700) if not burst else rng.uniform(50, 250)
        key = Key(kind, start, end, typed, delay)
        doc.apply(key)
        burst.append(key)

    def pause() -> None:
        if burst:
            result.append(list(burst))
            burst.clear()

    while len(result) < bursts:
        block = places[len(result) % len(places)]
        episode = rng.choice(("statement", "statement", "blank line", "digit"))
        anchor = doc.find(f"y_{block} = keras.utils")
        end_of_anchor = (anchor, len(doc.lines[anchor]))
        if episode == "digit":
            line = doc.find(f"X_{block} = np.random.rand(")
            col = doc.lines[line].index("(") + 1
            digit = str(int(doc.lines[line][col]) % 9 + 1)
            press("digit", (line, col), (line, col + 1), digit)
        elif episode == "blank line":
            press("enter", end_of_anchor, end_of_anchor, "\n")
            pause()
            press("line deletion", end_of_anchor, (anchor + 1, 0), "")
        else:
            typed = f"z_{block} = X_{block}[:, :14] * 2.0"
            bracket = typed.index("[") + 1  # a pause here leaves a syntax error
            cuts = sorted({bracket, *rng.sample(range(2, len(typed) - 1), 3)})
            press("enter", end_of_anchor, end_of_anchor, "\n")
            line = anchor + 1
            for col, char in enumerate(typed):
                if col in cuts:
                    pause()
                press("character", (line, col), (line, col), char)
            pause()
            for col in range(len(typed) - 1, len(typed) - 5, -1):  # a typo corrected
                press("backspace", (line, col), (line, col + 1), "")
            for col in range(len(typed) - 4, len(typed)):
                press("character", (line, col), (line, col), typed[col])
            pause()
            press("line deletion", (line, 0), (line + 1, 0), "")  # the line deleted at once
        pause()
    return result[:bursts]


def percentile(ordered: list[float], q: float) -> float:
    """Nearest rank: a value that was measured, never one interpolated between two."""
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def summary(latencies: list[float]) -> dict[str, float | int] | None:
    if not latencies:
        return None
    ordered = sorted(latencies)
    return {
        "n": len(ordered),
        "p50_ms": round(percentile(ordered, 0.50), 1),
        "p95_ms": round(percentile(ordered, 0.95), 1),
        "max_ms": round(ordered[-1], 1),
    }


def by_kind(samples: list[tuple[str, float]]) -> dict[str, object]:
    rows: dict[str, object] = {"all": summary([ms for _, ms in samples])}
    rows["in-line keys"] = summary([ms for kind, ms in samples if kind not in LINE_KINDS])
    for kind in KINDS:
        rows[kind] = summary([ms for k, ms in samples if k == kind])
    return rows


def published(bursts: list[list[Key]], debounce_ms: float) -> list[bool]:
    """Per key: whether the debounce runs out before the next key (the server then publishes)."""
    keys = [key for burst in bursts for key in burst]
    return [i == len(keys) - 1 or keys[i + 1].delay_ms > debounce_ms for i in range(len(keys))]


async def _typed(
    client: Client,
    bursts: list[list[Key]],
    after_key: Callable[[int], None] | None = None,
    after_burst: Callable[[int], Awaitable[None]] | None = None,
) -> list[float]:
    """Send every key at its pace; returns each key's send time (perf_counter, seconds). After
    each burst, waits for `after_burst(last version)` (by default, its diagnostics)."""
    sent: list[float] = []
    last = time.perf_counter()
    for burst in bursts:
        for key in burst:
            wait = key.delay_ms / 1e3 - (time.perf_counter() - last)
            if wait > 0:
                await asyncio.sleep(wait)
            last = time.perf_counter()
            sent.append(last)
            version = len(sent) + 1
            client.lsp.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(version=version, uri=URI),
                    [key.change()],
                )
            )
            if after_key is not None:
                after_key(version)
        await (after_burst or client.until_version)(len(sent) + 1)
    return sent


async def measure_push(text: str, bursts: list[list[Key]], debounce_ms: int) -> list[float | None]:
    """Per key, milliseconds to its version's publishDiagnostics (None: superseded, not published)."""
    client = Client()
    await client.start(debounce_ms=debounce_ms)
    client.open(URI, text, 1)
    await client.arrived.get()
    sent = await _typed(client, bursts)
    await client.stop()
    done = client.published
    return [
        (done[version] - at) * 1e3 if version in done else None
        for version, at in enumerate(sent, start=2)
    ]


class _Puller:
    """Pulls as vscode-languageclient does: at most one pull of a document in flight; a change
    while one is in flight marks it to be pulled again when the answer comes (its pull state
    tracker's `reschedule`). Notes when each answer arrived and the version it covers."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.latest = 1  # the last version sent
        self.active = False
        self.again = False
        self.answers: list[tuple[int, float]] = []  # (version covered, arrival)
        self.covered = asyncio.Event()  # set by each answer

    def changed(self, version: int) -> None:
        self.latest = version
        if self.active:
            self.again = True
        else:
            self._send()

    def _send(self) -> None:
        self.active, self.again = True, False
        version = self.latest
        future = asyncio.ensure_future(
            self.client.lsp.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(types.TextDocumentIdentifier(URI))
            )
        )

        def done(_future: asyncio.Future[Any]) -> None:
            self.answers.append((version, time.perf_counter()))
            self.active = False
            self.covered.set()
            if self.again:
                self._send()

        future.add_done_callback(done)

    async def until(self, version: int) -> None:
        """Wait for an answer that covers `version`."""
        while not self.answers or self.answers[-1][0] < version:
            self.covered.clear()
            await self.covered.wait()

    def latency_ms(self, version: int, sent: float) -> float:
        return (min(at for covered, at in self.answers if covered >= version) - sent) * 1e3


async def measure_pull(text: str, bursts: list[list[Key]], debounce_ms: int) -> list[float]:
    """Per key, milliseconds from the key to the first pulled report that covers it."""
    client = Client()
    await client.start(debounce_ms=debounce_ms, pull=True)
    client.open(URI, text, 1)
    puller = _Puller(client)
    sent = await _typed(client, bursts, puller.changed, puller.until)
    await client.stop()
    return [puller.latency_ms(version, at) for version, at in enumerate(sent, start=2)]


def measure_analysis(
    text: str, bursts: list[list[Key]], cpu: list[float] | None = None
) -> list[float]:
    """Per key, milliseconds the server's State takes to analyse that version, in this process
    (the work the analysis process does before it sends the result; the heap is settled after,
    as the analysis process settles it once the result is sent, outside the timing). Wall time;
    `cpu`, when given, receives the same keys' CPU time (a busy machine inflates it less)."""
    workspace = Workspace(None)
    workspace.put_text_document(types.TextDocumentItem(URI, "python", 1, text))
    state, options, analyses = State(lambda key: None), Options(), Analyses()
    _analyse(state, analyses, workspace, options)
    times = []
    for version, key in enumerate((k for b in bursts for k in b), start=2):
        workspace.update_text_document(
            types.VersionedTextDocumentIdentifier(version=version, uri=URI), key.change()
        )
        start, start_cpu = time.perf_counter(), time.process_time()
        _analyse(state, analyses, workspace, options)
        times.append((time.perf_counter() - start) * 1e3)
        if cpu is not None:
            cpu.append((time.process_time() - start_cpu) * 1e3)
        analyses.heap.settle()
    state.clear()
    return times


def _analyse(state: State, analyses: Analyses, workspace: Workspace, options: Options) -> None:
    request = state.prepare(workspace, URI, options)
    if isinstance(request, Request):
        view = request.view
        view.analysis = analyses.run(view.key, options, view.source, request.incremental, Token())
        state.store(request)


def run(quick: bool, lines: int = 2000, bursts: int | None = None) -> dict[str, object]:
    text = script(lines)
    plan = session(text, bursts or size(quick, 9, 45, 90))
    keys = [key for burst in plan for key in burst]
    kinds = [key.kind for key in keys]
    ends = published(plan, DEBOUNCE_MS)
    push = asyncio.run(measure_push(text, plan, DEBOUNCE_MS))
    pull = asyncio.run(measure_pull(text, plan, DEBOUNCE_MS))
    cpu: list[float] = []
    analysis = measure_analysis(text, plan, cpu)
    # The first edit of an opened document builds the journals (BENCHMARKS.md): apart.
    first, rest = analysis[0], list(zip(kinds[1:], analysis[1:], strict=True))
    rest_cpu = list(zip(kinds[1:], cpu[1:], strict=True))
    pushed = [(kind, ms) for kind, ms in zip(kinds, push, strict=True) if ms is not None]
    pulled = list(zip(kinds, pull, strict=True))
    result: dict[str, object] = {
        "name": f"typing session ({text.count(chr(10)):,} lines, debounce {DEBOUNCE_MS} ms)",
        "keys": len(keys),
        "bursts": len(plan),
        "push_ms": by_kind(pushed),
        "pull_ms": by_kind(pulled),
        "analysis_every_key_ms": by_kind(rest),
        "analysis_every_key_cpu_ms": by_kind(rest_cpu),
        "analysis_published_ms": by_kind(
            [(k, ms) for k, ms, end in zip(kinds[1:], analysis[1:], ends[1:], strict=True) if end]
        ),
        "analysis_first_edit_ms": round(first, 1),
    }
    client_target = DEBOUNCE_MS + 20
    result["targets"] = [
        target("push p95, key to diagnostics", f"<= {client_target} ms", pushed, client_target),
        target("pull p95, key to report", f"<= {client_target} ms", pulled, client_target),
        target("analysis p95 (every key after the first)", "<= 10 ms", rest, 10),
        target("analysis max (every key after the first)", "<= 16 ms", rest, 16, "max_ms"),
        # CPU time beside wall time: on a busy machine, wall time also counts the others' work
        target("analysis p95, CPU time (every key after the first)", "<= 10 ms", rest_cpu, 10),
    ]
    return result


def target(
    what: str, goal: str, samples: list[tuple[str, float]], limit: float, field: str = "p95_ms"
) -> dict[str, object]:
    figures = summary([ms for _, ms in samples]) or {}
    figure = figures.get(field)
    return {
        "target": what,
        "goal": goal,
        "figure": figure,
        "met": figure is not None and figure <= limit,
    }
