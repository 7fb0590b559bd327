"""The server never waits on an analysis process's input: a process that stops reading (frozen
here with SIGSTOP, its pipe full with a large text) blocks only the writer thread of that
process, and killing it ends that thread and closes the pipe."""

from __future__ import annotations

import os
import signal
import sys
import threading

import pytest
from shapesense.lsp.pool import Process

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP")


def test_a_frozen_process_never_blocks_the_sender() -> None:
    process = Process()
    try:
        os.kill(process.pid, signal.SIGSTOP)
        large = "x = 1\n" * 200_000  # 1.2 MB: far more than a pipe holds
        sender = threading.Thread(target=lambda: [process.send(("noop", large)) for _ in range(3)])
        sender.start()
        sender.join(timeout=60)  # a hang guard only: send() returns at once
        assert not sender.is_alive(), "send() waited on a process that does not read"
        assert process.writer.is_alive()  # blocked in the write, as it may be
    finally:
        process.kill()
    process.writer.join(timeout=60)
    assert not process.writer.is_alive(), "the writer outlived the process it wrote to"
    assert process.outgoing.closed
