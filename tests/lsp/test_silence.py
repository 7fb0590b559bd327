"""The editor says why a call was not checked: in the hover on the call, and, when the user
asks for it (`shapesense.explainSilence`), as an information-level diagnostic."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from .util import diagnostics, open_doc

SUBCLASSED = """import numpy as np
from tensorflow import keras


class Net(keras.Model):
    def call(self, x):
        return keras.ops.sort(x)  # not modelled: the call cannot be followed


net = Net()
net.fit(np.zeros((4, 3)), np.zeros((4, 1)))
"""

CHECKED = """import numpy as np
from tensorflow import keras
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
model.compile(loss="mse")
model.fit(np.zeros((4, 3)), np.zeros((4, 1)))
"""


async def hover_at(client: LanguageClient, uri: str, line: int, column: int) -> str:
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, column))
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


async def test_hover_on_a_call_not_checked_says_why(client: LanguageClient) -> None:
    uri = "file:///w/silent_net.py"
    await open_doc(client, uri, SUBCLASSED)
    text = await hover_at(client, uri, 10, 5)  # on `net.fit`
    assert "**net.fit**" in text
    assert "not checked" in text
    assert "model `net` is an instance of class `Net`, a subclassed model" in text
    assert "`subclassed-model`" in text
    assert "line 5" in text  # where class Net is


async def test_hover_on_a_checked_call_shows_x_and_y(client: LanguageClient) -> None:
    uri = "file:///w/checked.py"
    await open_doc(client, uri, CHECKED)
    text = await hover_at(client, uri, 4, 7)
    assert "model input (None, 3)" in text
    assert "not checked" not in text


async def test_explain_silence_setting_both_ways(client: LanguageClient) -> None:
    uri = "file:///w/explained.py"
    assert await open_doc(client, uri, SUBCLASSED) == []  # off by default

    async def with_setting(value: bool) -> list[types.Diagnostic]:
        client.diagnostics.pop(uri, None)
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"shapesense": {"explainSilence": value}})
        )
        return await diagnostics(client, uri)

    (info,) = await with_setting(True)
    assert info.severity == types.DiagnosticSeverity.Information
    assert info.code == "SS300"
    assert info.range.start.line == 10
    assert info.message.startswith("Not checked: model net is an instance of class Net")
    assert info.related_information is not None
    assert info.related_information[0].location.range.start.line == 4
    assert await with_setting(False) == []
