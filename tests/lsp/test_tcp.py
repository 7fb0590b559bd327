"""`shapesense serve --tcp HOST:PORT`: the same server over a socket, driven by a pygls client."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types

from bench.client import Client

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed_lstm.py"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _diagnostics_over_tcp(port: int) -> list[types.Diagnostic]:
    client = Client()
    deadline = time.monotonic() + 120  # hang guards only
    while True:  # until it listens (a probe connection of our own would end its session)
        try:
            await client.start(tcp=("127.0.0.1", port))
            break
        except OSError:
            assert time.monotonic() < deadline, "the server never listened"
            await asyncio.sleep(0.1)
    client.open(SEED.as_uri(), SEED.read_text())
    _, params = await asyncio.wait_for(client.arrived.get(), 120)
    await client.stop()
    return params.diagnostics


def test_serve_over_tcp_publishes_the_same_diagnostics() -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "shapesense", "serve", "--tcp", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        diagnostics = asyncio.run(_diagnostics_over_tcp(port))
    finally:
        server.kill()
        server.wait(10)
    assert [(d.code, d.range.start.line) for d in diagnostics] == [("SS102", 16)]
