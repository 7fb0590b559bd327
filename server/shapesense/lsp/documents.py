"""The editor's text as pygls keeps it, with LSP's line breaks.

pygls 2.1's `TextDocument.lines` is `source.splitlines(True)`, which also breaks at `\f`, `\v`,
`\x1c`-`\x1e`, `\x85`, `\u2028` and `\u2029`. Every position pygls converts, and every
incremental change it applies, goes through `lines`: with a form feed in a comment, an edit
below it landed one line too high, and the server's text no longer matched the editor's.
LSP breaks lines only at `\n`, `\r\n` and `\r`; so does this `lines`, and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pygls.workspace import TextDocument, Workspace

from ..lines import split_lines_keepends


class LspTextDocument(TextDocument):
    @property
    def lines(self) -> Sequence[str]:
        return tuple(split_lines_keepends(self.source))


class LspWorkspace(Workspace):
    """pygls's workspace, keeping its text documents as `LspTextDocument`s."""

    def _create_text_document(self, *args: Any, **kwargs: Any) -> TextDocument:
        document = super()._create_text_document(*args, **kwargs)
        document.__class__ = LspTextDocument  # same state; only `lines` differs
        return document


def use_lsp_lines(workspace: Workspace) -> Workspace:
    """The workspace pygls created at `initialize`, made to create `LspTextDocument`s."""
    if type(workspace) is Workspace:
        workspace.__class__ = LspWorkspace
    return workspace
