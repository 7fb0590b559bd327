"""A raw JSON-RPC client over the server's stdio: it can send anything, including garbage."""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from typing import Any, BinaryIO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def connect(port: int, proc: subprocess.Popen[bytes]) -> socket.socket:
    """The server's one connection, once it listens (120 s: a hang guard only)."""
    deadline = time.monotonic() + 120
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port))
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


class RawClient:
    """Over the server's stdio, or (`tcp`) over a socket to `shapesense serve --tcp`."""

    def __init__(
        self,
        *cmd: str,
        env: dict[str, str] | None = None,
        cwd: str | None = None,
        tcp: bool = False,
    ) -> None:
        command = list(cmd) or [sys.executable, "-m", "shapesense", "serve"]
        port = free_port() if tcp else 0
        if tcp:
            command += ["--tcp", f"127.0.0.1:{port}"]
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL if tcp else subprocess.PIPE,
            stdout=subprocess.DEVNULL if tcp else subprocess.PIPE,
            stderr=None if os.environ.get("RAWCLIENT_STDERR") else subprocess.DEVNULL,
            env=env or dict(os.environ),
            cwd=cwd,
        )
        self.input: BinaryIO
        self.output: BinaryIO
        if tcp:
            connection = connect(port, self.proc)
            self.input = connection.makefile("wb")
            self.output = connection.makefile("rb")
        else:
            assert self.proc.stdin is not None and self.proc.stdout is not None
            self.input, self.output = self.proc.stdin, self.proc.stdout
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.next_id = 1000
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.output
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line in (b"\r\n", b"\n"):
                    break
            message = json.loads(out.read(length))
            self.messages.put(message)

    def write(self, data: bytes) -> None:
        self.input.write(data)
        self.input.flush()

    def send_bytes(self, body: bytes, declared: int | None = None) -> None:
        self.write(
            b"Content-Length: %d\r\n\r\n" % (len(body) if declared is None else declared) + body
        )

    def send(self, message: dict[str, Any]) -> None:
        self.send_bytes(json.dumps({"jsonrpc": "2.0", **message}).encode())

    def request(self, method: str, params: Any = None, timeout: float = 120) -> dict[str, Any]:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        return self.wait(ident, timeout)

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"method": method, "params": params})

    def wait(self, ident: int, timeout: float = 120) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                message = self.messages.get(timeout=max(0.01, end - time.monotonic()))
            except queue.Empty:
                break
            if message.get("id") == ident and "method" not in message:
                return message
            self.notifications.append(message)
        raise TimeoutError(f"no answer to request {ident}")

    def initialize(self, **options: Any) -> None:
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": None,
                "capabilities": {},
                "initializationOptions": {"debounceMs": 0, "kerasVersion": "3", **options},
            },
        )
        self.notify("initialized", {})

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "python",
                    "version": version,
                    "text": text,
                }
            },
        )

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=60)
            self.notify("exit")
            self.proc.wait(timeout=60)
        except Exception:
            self.proc.kill()
