"""Measures (never asserts) how long hovers on a small document take while another document
with 3,000 bad `fit` calls is analysed; the figures are in docs/hardening.md.

    python -m tests.hardening.hover_latency
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from .rawclient import RawClient
from .slow_documents import bad_fits

SMALL = (Path(__file__).resolve().parents[2] / "examples" / "seed_lstm.py").read_text()
SLOW_URI, SMALL_URI = "file:///w/slow.py", "file:///w/small.py"
HOVER = {"textDocument": {"uri": SMALL_URI}, "position": {"line": 8, "character": 25}}


def slow_published(client: RawClient) -> bool:
    return any(
        n.get("method") == "textDocument/publishDiagnostics" and n["params"]["uri"] == SLOW_URI
        for n in client.notifications
    )


def main() -> None:
    client = RawClient()
    try:
        client.initialize()
        client.open(SMALL_URI, SMALL)
        client.request("textDocument/hover", HOVER)  # the small document analysed once
        start = time.monotonic()
        client.open(SLOW_URI, bad_fits(3_000))
        latencies = []
        while not slow_published(client):
            sent = time.monotonic()
            client.request("textDocument/hover", HOVER, timeout=600)
            latencies.append(time.monotonic() - sent)
            time.sleep(0.05)
        slow = time.monotonic() - start
    finally:
        client.close()
    ms = sorted(1000 * t for t in latencies)
    print(
        f"slow document: diagnostics after {slow:.1f} s; {len(ms)} hovers meanwhile: "
        f"median {statistics.median(ms):.0f} ms, 90th percentile {ms[int(0.9 * (len(ms) - 1))]:.0f} ms, "
        f"max {ms[-1]:.0f} ms"
    )
    if "-v" in sys.argv:
        print("in order (ms):", " ".join(f"{1000 * t:.0f}" for t in latencies))


if __name__ == "__main__":
    main()
