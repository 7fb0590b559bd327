"""What the user reads: diagnostics lead with the mismatch, are plain text, embed no line
numbers (places are related information), and model summaries keep same-named models apart."""

from __future__ import annotations

import re

from lsprotocol import types
from pytest_lsp import LanguageClient

from .util import EXAMPLES, errors, line_of, open_doc

SEED3 = (EXAMPLES / "seed_lstm.py").read_text()
TWO_ENCODERS = """import keras
a = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)], name="encoder")
b = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(2)], name="encoder")
"""


async def test_the_mismatch_leads_and_the_origin_is_related_information(
    vscode: LanguageClient,
) -> None:
    uri = "file:///w/seed3.py"
    (error,) = errors(await open_doc(vscode, uri, SEED3))
    assert error.message.startswith(
        "Layer 'lstm' (LSTM) of model 'sequential' expects input (None, 20, 5), "
        "but receives (150, 20, 3) from X_train_rnn_bad: last axis should be 5, got 3."
    )
    assert "`" not in error.message  # the Problems panel shows plain text
    assert not re.search(r"line \d", error.message)
    created = [r for r in error.related_information or [] if "created here" in r.message]
    (origin,) = created
    assert origin.location.uri == uri
    assert origin.location.range.start.line == line_of(SEED3, "X_train_rnn_bad = ")


async def test_two_models_sharing_a_name_are_summarised_apart(vscode: LanguageClient) -> None:
    uri = "file:///w/encoders.py"
    await open_doc(vscode, uri, TWO_ENCODERS)
    lenses = await vscode.text_document_code_lens_async(
        types.CodeLensParams(types.TextDocumentIdentifier(uri))
    )
    titles = sorted(lens.command.title for lens in lenses or [] if lens.command)
    assert titles == [
        "encoder: 1 layers → (None, 2) · 18 params",
        "encoder: 1 layers → (None, 3) · 15 params",
    ], titles
