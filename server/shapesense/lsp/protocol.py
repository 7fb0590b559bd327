"""pygls's JSON-RPC protocol as the server speaks it: errors for requests it cannot take,
documents split as LSP splits lines, large messages serialised off the event loop."""

from __future__ import annotations

from typing import Any

from lsprotocol import types
from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInvalidRequest,
    JsonRpcServerNotInitialized,
)
from pygls.protocol import LanguageServerProtocol
from pygls.workspace import Workspace

from .documents import use_lsp_lines
from .heap import IdleCollector
from .outbox import Outbox


class Protocol(LanguageServerProtocol):
    """pygls's protocol, plus: a request whose params cannot be read still gets an error answer;
    requests out of the LSP lifecycle are answered with the error the spec names; documents
    split lines as LSP does (`documents.py`); large messages are made JSON in a thread
    (`outbox.py`)."""

    initialized = False

    @property
    def workspace(self) -> Workspace:
        return use_lsp_lines(super().workspace)

    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        heap: IdleCollector | None = getattr(self._server, "heap", None)
        if heap is not None:
            if method == types.INITIALIZED:
                heap.start()  # everything the server needs is loaded by now
            heap.message()
        if method is not None and hasattr(message, "id"):  # a request
            error: JsonRpcException | None = None
            if self._shutdown:
                error = JsonRpcInvalidRequest(f"{method}: the server is shutting down")
            elif not self.initialized and method != types.INITIALIZE:
                error = JsonRpcServerNotInitialized(f"{method} before initialize")
            if error is not None:
                self._send_response(message.id, error=error.to_response_error())
                return
            self.initialized = True if method == types.INITIALIZE else self.initialized
        elif not self.initialized and method not in (types.EXIT, None):
            return  # notifications before initialize are dropped, as the spec says
        super().handle_message(message)

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            message = super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], error=exc.to_response_error())
                return None  # answered; the loop logs the unusable message and reads on
            raise
        # (only top-level messages carry "jsonrpc": this hook also sees every nested object)
        if (
            isinstance(data, dict)
            and "jsonrpc" in data
            and "id" in data
            and "method" in data
            and not hasattr(message, "id")
        ):
            # A notification method sent with an id: JSON-RPC still owes the sender an answer.
            error = JsonRpcInvalidRequest(f"{data['method']} is a notification; it takes no id")
            self._send_response(data["id"], error=error.to_response_error())
            return None
        return message

    outbox: Outbox | None = None  # set by the server: large messages go out through it

    def _send_data(self, data: Any) -> None:
        if self.outbox is None or not self.outbox.take(data):
            super()._send_data(data)

    def _handle_notification(self, method_name: str, params: Any) -> None:
        super()._handle_notification(method_name, params)
        # pygls 2.1 files each step of a generator handler in _request_futures under a fresh
        # uuid and never removes it for notifications: ~2 KB per keystroke. Drop finished ones.
        done = [key for key, future in self._request_futures.items() if future.done()]
        for key in done:
            del self._request_futures[key]
