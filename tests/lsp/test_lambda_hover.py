"""A Lambda layer's output shape in the editor: hover on the layer and its inlay hint, through
a real LSP client (the function is run on the input's shape: libraries/keras_lambda.py)."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from .util import line_of, open_doc

# keras-team/keras#3299: the mean over the 21 time steps, in a Lambda, before the Dense
TEXT = """import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Input, Lambda, Dense
from tensorflow.keras.models import Model

input_data = Input(shape=(21, 105))
x = Lambda(lambda t: K.mean(t, axis=1))(input_data)
pred = Dense(12, activation="softmax")(x)
model = Model(inputs=input_data, outputs=pred)
"""


async def test_hover_and_inlay_hint_show_the_lambda_output(vscode: LanguageClient) -> None:
    uri = "file:///w/lambda_mean.py"
    await open_doc(vscode, uri, TEXT)
    line = line_of(TEXT, "Lambda(lambda")
    hover = await vscode.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri),
            types.Position(line, TEXT.splitlines()[line].index("Lambda") + 1),
        )
    )
    assert hover is not None and "(None, 105)" in hover.contents.value
    hints = await vscode.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(12, 0)),
        )
    )
    assert "→ (None, 105)" in {h.label for h in hints if h.position.line == line}
