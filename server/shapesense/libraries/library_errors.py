"""SS402: a data library (tf.data, scikit-learn) raises on a call before Keras is reached.
The message carries the library's own words, since they are what the user will see."""

from __future__ import annotations

import ast

from ..findings import Finding, Fix
from ..session import Session


def library_error(
    session: Session, node: ast.Call, message: str, raised: str, fixes: tuple[Fix, ...] = ()
) -> None:
    """Report that the call raises; `raised` is the library's exception, as it prints it."""
    text = f"{message} It raises {raised}"
    session.add(Finding(session.src.span(node), "error", "SS402", text, fixes=fixes))
