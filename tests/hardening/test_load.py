"""10,000 rapid edits: the last version's diagnostics win, nothing stale follows, memory stays flat."""

from __future__ import annotations

import queue
from pathlib import Path

from bench.processes import rss_kb

from .rawclient import RawClient

SEED = (Path(__file__).resolve().parents[2] / "examples" / "seed_lstm.py").read_text()
URI = "file:///w/load.py"
EDITS = 10_000


def drain(client: RawClient, until_version: int, timeout: float = 300) -> list[dict]:
    published = []
    while True:
        try:
            message = client.messages.get(timeout=timeout)
        except queue.Empty:
            return published
        if (
            message.get("method") == "textDocument/publishDiagnostics"
            and message["params"]["uri"] == URI
        ):
            published.append(message["params"])
            if message["params"].get("version") == until_version:
                return published


def test_ten_thousand_rapid_changes() -> None:
    client = RawClient()
    try:
        client.initialize()
        client.open(URI, SEED)
        drain(client, 1)
        texts = [SEED.replace("(150, 20, 3)", f"(150, 20, {3 if v % 2 else 5})") for v in range(2)]
        published: list[dict] = []
        warm = 0
        for version in range(2, EDITS + 2):
            client.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": URI, "version": version},
                    "contentChanges": [{"text": texts[version % 2]}],
                },
            )
            if version == 1_000:
                published += drain(client, version)
                warm = rss_kb(client.proc.pid)
        published += drain(client, EDITS + 1)
        final_rss = rss_kb(client.proc.pid)
    finally:
        client.close()
    versions = [p["version"] for p in published]
    assert versions == sorted(versions), "a stale version was published after a newer one"
    assert versions[-1] == EDITS + 1
    last = published[-1]["diagnostics"]
    assert [d["code"] for d in last if d["severity"] == 1] == (
        [] if (EDITS + 1) % 2 == 0 else ["SS102"]
    )
    assert final_rss < warm * 1.10, (warm, final_rss)
