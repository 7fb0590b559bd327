"""Hostile documents the CLI tests also hold (`tests/hardening/test_hostile_files.py`), in the server."""

from __future__ import annotations

from pytest_lsp import LanguageClient

from ..hardening.test_hostile_files import WRONG_WIDTH
from .util import change, open_doc


async def test_a_2200_digit_literal_still_gets_its_diagnostics(client: LanguageClient) -> None:
    """Before: analyze() raised ValueError (int-to-str limit) and nothing was published for that
    version, so the squiggles of the previous one stayed."""
    uri = "file:///w/big.py"
    first = await open_doc(client, uri, WRONG_WIDTH)
    assert [(d.code, d.range.start.line) for d in first] == [("SS102", 3)]
    big = "9" * 2200
    text = (
        f"import keras\nkeras.Sequential([keras.Input(shape=({big},)), keras.layers.Dense({big})])\n"
        + WRONG_WIDTH.replace("(8, 5)", "(8, 4)")  # the old error fixed, in the same version
    )
    assert await change(client, uri, text, 2) == []
