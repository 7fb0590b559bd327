"""Quick fixes fix the program, not just the line: through a real LSP client."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from .util import EXAMPLES, apply_edits, change, errors, line_of, open_doc

SEED3 = (EXAMPLES / "seed_lstm.py").read_text()
# The model fits the first fit; the second fit's data has the right size in the wrong shape
# (without the whole-program re-check, "Change the model's input shape to (20,)" was offered).
SHARED = """import numpy as np
import keras
model = keras.Sequential([keras.Input(shape=(4, 5)), keras.layers.Flatten(), keras.layers.Dense(1)])
model.compile('adam', 'mse')
model.fit(np.zeros((8, 4, 5)), np.zeros(8))
X = np.zeros((8, 20))
model.fit(X, np.zeros(8))
"""


async def _actions(client: LanguageClient, uri: str, error: types.Diagnostic) -> list:
    return list(
        await client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(uri),
                error.range,
                types.CodeActionContext(diagnostics=[error]),
            )
        )
        or []
    )


async def test_no_fix_that_breaks_the_good_fit_of_the_seed_example(vscode: LanguageClient) -> None:
    uri = "file:///w/seed3.py"
    (error,) = errors(await open_doc(vscode, uri, SEED3))
    assert error.range.start.line == line_of(SEED3, "model_rnn.fit(X_train_rnn_bad")
    fixes = [a for a in await _actions(vscode, uri, error) if not a.title.startswith("Disable")]
    assert fixes == []  # "change the input to (20, 3)" broke line 14
    assert "the data has to change" in error.message


async def test_only_the_fix_of_this_calls_data_is_offered(vscode: LanguageClient) -> None:
    uri = "file:///w/shared.py"
    (error,) = errors(await open_doc(vscode, uri, SHARED))
    actions = await _actions(vscode, uri, error)
    titles = [a.title for a in actions]
    assert "Reshape X to (8, 4, 5): .reshape(-1, 4, 5)" in titles
    assert not any("model's input" in t for t in titles)  # it would break the first fit
    assert actions[0].is_preferred
    reshape = actions[titles.index("Reshape X to (8, 4, 5): .reshape(-1, 4, 5)")]
    fixed = apply_edits(SHARED, reshape.edit.changes[uri], vscode.position_encoding)  # type: ignore[attr-defined]
    assert errors(await change(vscode, uri, fixed, 2)) == []
