"""A long edit session leaves the server's memory where a fresh server on the same text is.

Found by typing into a 2,000-line document: each new `fit` line with an error added about
8.7 MB that was never freed (68 -> 337 MB after 30 lines; a fresh server on the same text:
71 MB), because the heap was frozen after each analysis with that analysis's reference cycles
still in it. The session below is bounded by its number of edits, not by time. Memory is the
server's and its analysis processes' together (`bench/processes.py`).
"""

from __future__ import annotations

import random
from typing import Any

from bench.processes import rss_kb
from bench.workload import script

from .rawclient import RawClient

URI = "file:///w/session.py"
EDITS = 1_100  # past THAW_EVERY (1,024 analyses) once: both thaw rules of lsp/worker.py run
BASE = script(120)


def change(client: RawClient, version: int, text: str) -> list[dict[str, Any]]:
    """Send a new version and wait for its diagnostics, so every version is analysed."""
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": text}]},
    )
    while True:
        message = client.messages.get(timeout=60)
        params = message.get("params") or {}
        if (
            message.get("method") == "textDocument/publishDiagnostics"
            and params.get("version") == version
        ):
            return params["diagnostics"]


def session_texts(edits: int, seed: int = 14) -> list[str]:
    """Edits that add a bad `fit` line (an SS102 error) somewhere or remove one, ending where
    they started."""
    rng = random.Random(seed)
    lines = BASE.split("\n")
    blocks = [i for i, line in enumerate(lines) if line.startswith("history_")]
    added: list[int] = []  # block numbers with an added line, in order of the lines
    texts = []
    for step in range(edits):
        remaining = edits - step
        if added and (rng.random() < 0.5 or len(added) >= remaining):
            added.pop(rng.randrange(len(added)))
        else:
            added.append(rng.randrange(len(blocks)))
        out = list(lines)
        for block in sorted(added, reverse=True):
            out.insert(blocks[block] + 1, f"model_{block}.fit(X_{block}[:, :, :20], y_{block})")
        texts.append("\n".join(out))
    assert texts[-1] == BASE
    return texts


def open_and_settle(client: RawClient) -> None:
    client.initialize()
    client.open(URI, BASE)
    change(client, 2, BASE)  # an edited document: its journals are kept, as in a session


def test_memory_after_a_long_edit_session_is_that_of_a_fresh_server() -> None:
    texts = session_texts(EDITS)
    edited = RawClient()
    fresh = RawClient()
    try:
        open_and_settle(edited)
        errors_seen = 0
        halfway = 0
        for version, text in enumerate(texts, start=3):
            diagnostics = change(edited, version, text)
            errors_seen += sum(1 for d in diagnostics if d["code"] == "SS102")
            if version == EDITS // 2:
                halfway = rss_kb(edited.proc.pid)
        final = change(edited, len(texts) + 3, BASE)
        assert errors_seen > EDITS // 2  # the session did add errors
        assert not [d for d in final if d["severity"] == 1]
        after_session = rss_kb(edited.proc.pid)

        # A fresh server that has met one error: the first error loads what reports and
        # re-checks fixes (modules, caches) once, a fixed cost, not growth with the edits.
        open_and_settle(fresh)
        change(fresh, 3, texts[0])
        change(fresh, 4, BASE)
        baseline = rss_kb(fresh.proc.pid)
    finally:
        edited.close()
        fresh.close()
    assert after_session <= baseline * 1.10, (after_session, baseline, halfway)
