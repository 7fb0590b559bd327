"""Stopping an analysis whose result nobody wants any more (a newer version of the document
arrived, or the request that asked for it was cancelled)."""

from __future__ import annotations


class Cancelled(BaseException):
    """Raised at the next statement of a cancelled analysis. A BaseException, so the
    interpreter's own `except Exception` guards do not swallow it."""


class Token:
    """Checked by the interpreter before each statement it runs; `steps` counts the checks."""

    def __init__(self) -> None:
        self.cancelled = False
        self.steps = 0

    def cancel(self) -> None:
        self.cancelled = True

    def check(self) -> None:
        self.steps += 1
        if self.cancelled:
            raise Cancelled
