"""Inside a subclassed model's or a custom layer's `call`, hover and inlay hints show each
line's tensor shape, as they do in functional code, through a real LSP client. The shapes are
those of the data that reaches `call` (the model's `fit`) or of the tensor it is called on."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from .util import line_of, open_doc

TEXT = """import numpy as np
import keras


class Scale(keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], 16))

    def call(self, inputs):
        h = keras.ops.matmul(inputs, self.w)
        return h


class Net(keras.Model):
    def __init__(self, n_classes):
        super().__init__()
        self.dense = keras.layers.Dense(64, activation="relu")
        self.scale = Scale()
        self.out = keras.layers.Dense(n_classes, activation="softmax")

    def call(self, inputs, training=None):
        x = self.dense(inputs)
        x = self.scale(x)
        return self.out(x)


X = np.random.rand(32, 20)
y = np.random.randint(0, 3, size=(32,))
model = Net(3)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=1, verbose=0)
"""


async def _hover(client: LanguageClient, uri: str, needle: str, offset: int = 0) -> str:
    line = line_of(TEXT, needle)
    column = TEXT.splitlines()[line].index(needle) + offset
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, column))
    )
    assert hover is not None, needle
    return hover.contents.value  # type: ignore[union-attr]


async def test_hover_and_inlay_hints_inside_call(vscode: LanguageClient) -> None:
    uri = "file:///w/subclass_call.py"
    assert await open_doc(vscode, uri, TEXT) == []
    # the variable each line assigns, with the shape `call` gives it on the data of `fit`
    assert "(None, 64)" in await _hover(vscode, uri, "x = self.dense(inputs)")
    assert "(None, 20)" in await _hover(vscode, uri, "self.dense(inputs)", 12)
    assert "(None, 16)" in await _hover(vscode, uri, "x = self.scale(x)")
    # in the custom layer's own `call`: built on the 64 features that reach it
    assert "(None, 16)" in await _hover(vscode, uri, "h = keras.ops.matmul")
    # the layer at its call site: what it expects and gives
    dense = await _hover(vscode, uri, "self.dense(inputs)", 6)
    assert "(None, 20)" in dense and "(None, 64)" in dense
    hints = await vscode.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(len(TEXT.splitlines()), 0)),
        )
    )
    by_line: dict[int, set[str]] = {}
    for hint in hints:
        by_line.setdefault(hint.position.line, set()).add(str(hint.label))
    assert "→ (None, 64)" in by_line.get(line_of(TEXT, "x = self.dense(inputs)"), set())
    assert "→ (None, 3)" in by_line.get(line_of(TEXT, "return self.out(x)"), set())
    assert "→ (None, 16)" in by_line.get(line_of(TEXT, "h = keras.ops.matmul"), set())
