"""Every LSP feature, end to end, with the capability sets of VS Code, Neovim and Emacs."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from .util import EXAMPLES, apply_edits, change, errors, line_of, open_doc

SEED3 = (EXAMPLES / "seed_lstm.py").read_text()
FLAT = (EXAMPLES / "flattened_images.py").read_text()
SEED2 = """import numpy as np
import tensorflow as tf
X = np.random.rand(100, 64, 64)
y = np.random.randint(0, 10, size=100)
model = tf.keras.models.Sequential([
    tf.keras.layers.Conv2D(32, (3,3), activation='relu', input_shape=(64,64,1)),
    tf.keras.layers.MaxPool2D((2,2)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10, activation='softmax')
])
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model.fit(X, y, epochs=1)
"""


async def test_seed3_error_on_bad_fit_only(client: LanguageClient) -> None:
    diags = await open_doc(client, "file:///w/seed3.py", SEED3)
    (error,) = errors(diags)
    assert error.range.start.line == line_of(SEED3, "model_rnn.fit(X_train_rnn_bad")
    assert error.code == "SS102" and error.source == "shapesense"
    assert "should be 5, got 3" in error.message
    assert error.code_description and error.code_description.href.endswith("/rules/SS102.md")
    assert Path(error.code_description.href.removeprefix("file://")).exists()
    assert error.related_information and any(
        "created here" in r.message for r in error.related_information
    )


async def test_hover_on_lstm_layer(client: LanguageClient) -> None:
    await open_doc(client, "file:///w/seed3.py", SEED3)
    line = line_of(SEED3, "LSTM(")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier("file:///w/seed3.py"),
            types.Position(line, SEED3.splitlines()[line].index("LSTM") + 1),
        )
    )
    assert (
        hover is not None
        and "(None, 20, 5)" in hover.contents.value
        and "(None, 32)" in hover.contents.value
    )
    assert "▶ lstm" in hover.contents.value  # the compact summary marks this layer


async def test_hover_on_variable_shows_shape_history(client: LanguageClient) -> None:
    text = "import numpy as np\nX = np.random.rand(100, 64, 64)\nX = X.reshape(-1, 64, 64, 1)\nprint(X)\n"
    await open_doc(client, "file:///w/h.py", text)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier("file:///w/h.py"), types.Position(3, 7))
    )
    assert hover is not None
    value = hover.contents.value
    assert (
        "(100, 64, 64, 1)" in value
        and "np.random.rand(100, 64, 64)" in value
        and ".reshape(-1, 64, 64, 1)" in value
    )


async def test_hover_on_fit_call(client: LanguageClient) -> None:
    await open_doc(client, "file:///w/seed3.py", SEED3)
    line = line_of(SEED3, "model_rnn.fit(X_train_rnn,")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier("file:///w/seed3.py"), types.Position(line, 12)
        )
    )
    assert hover is not None and "model input (None, 20, 5)" in hover.contents.value


TWO_INPUTS = """import numpy as np
import keras
a = keras.Input(shape=(4,), name="a")
b = keras.Input(shape=(5,), name="b")
h = keras.layers.Concatenate()([keras.layers.Dense(3)(a), keras.layers.Dense(3)(b)])
model = keras.Model([a, b], keras.layers.Dense(2)(h))
model.compile("adam", "mse")
X1, X2 = np.zeros((8, 4)), np.zeros((8, 6))
model.fit({"a": X1, "b": X2}, np.zeros((8, 2)))
"""


async def test_two_inputs_error_and_hover_per_input(client: LanguageClient) -> None:
    uri = "file:///w/two_inputs.py"
    (error,) = errors(await open_doc(client, uri, TWO_INPUTS))
    assert error.code == "SS102" and "Input 1 of model 'functional'" in error.message
    line = line_of(TWO_INPUTS, "model.fit(")
    assert error.range.start.line == line
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, 7))
    )
    assert hover is not None
    assert "input 0 `X1`: (8, 4) → (None, 4)" in hover.contents.value
    assert "input 1 `X2`: (8, 6) → (None, 5)" in hover.contents.value


async def test_seed2_has_no_error(client: LanguageClient) -> None:
    diags = await open_doc(client, "file:///w/seed2.py", SEED2)
    assert errors(diags) == []
    assert [d.severity for d in diags] == [types.DiagnosticSeverity.Hint]


async def test_quick_fix_applied_removes_error(client: LanguageClient) -> None:
    uri = "file:///w/flat.py"
    diags = await open_doc(client, uri, FLAT)
    (error,) = errors(diags)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            error.range,
            types.CodeActionContext(diagnostics=[error]),
        )
    )
    assert actions and actions[0].is_preferred and "reshape" in actions[0].title
    fixed = apply_edits(FLAT, actions[0].edit.changes[uri], client.position_encoding)
    assert "model.fit(X.reshape(-1, 28, 28, 1), y, epochs=1)" in fixed
    assert errors(await change(client, uri, fixed, 2)) == []


async def test_code_action_without_data_is_a_lookup(client: LanguageClient) -> None:
    uri = "file:///w/flat.py"
    (error,) = errors(await open_doc(client, uri, FLAT))
    bare = types.Diagnostic(
        range=error.range, message=error.message, severity=error.severity, source="shapesense"
    )
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            error.range,
            types.CodeActionContext(diagnostics=[bare]),
        )
    )
    assert actions and "reshape" in actions[0].title


async def test_inlay_hints_and_code_lens(client: LanguageClient) -> None:
    uri = "file:///w/seed3.py"
    await open_doc(client, uri, SEED3)
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(30, 0)),
        )
    )
    assert {h.label for h in hints} >= {"→ (None, 32)", "→ (None, 1)"}
    lenses = await client.text_document_code_lens_async(
        types.CodeLensParams(types.TextDocumentIdentifier(uri))
    )
    (lens,) = lenses
    assert (
        lens.command
        and "2 layers → (None, 1)" in lens.command.title
        and "4,897 params" in lens.command.title
    )
    text = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(lens.command.command, lens.command.arguments)
    )
    assert "lstm (LSTM)" in text


async def test_typing_a_syntax_error_keeps_results(client: LanguageClient) -> None:
    uri = "file:///w/seed3.py"
    await open_doc(client, uri, SEED3)
    broken = SEED3.replace(
        "X_train_rnn_bad = np.random.rand(150, 20, 3)",
        "X_train_rnn_bad = np.random.rand(150, 20, 3)\nmodel_rnn.fit(X_train_rnn, y_train_rnn, epochs=",
    )
    diags = await change(client, uri, broken, 2)
    codes = sorted(str(d.code) for d in errors(diags))
    assert "SS102" in codes and "SS001" in codes


async def test_utf16_positions_with_emoji_and_crlf(client: LanguageClient) -> None:
    text = FLAT.replace(
        "model.fit(X, y, epochs=1)", "s = '😀😀'; model.fit(X, y, epochs=1)"
    ).replace("\n", "\r\n")
    (error,) = errors(await open_doc(client, "file:///w/emoji.py", text))
    line = text.split("\r\n")[error.range.start.line]
    # Two emoji: 2 code points, 4 UTF-16 units, 8 UTF-8 bytes. The range must land exactly on `X`.
    before = line[: line.index("fit(X") + 4]
    unit = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}[
        client.position_encoding
    ]
    width = {"utf-8": 1, "utf-16": 2, "utf-32": 4}[client.position_encoding]
    start = len(before.encode(unit)) // width
    assert (error.range.start.character, error.range.end.character) == (start, start + 1)


async def test_settings_change_republishes(client: LanguageClient) -> None:
    uri = "file:///w/seed3.py"
    await open_doc(client, uri, SEED3)
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            {
                "shapesense": {
                    "severityOverrides": {"SS102": "warning"},
                    "inlayHints": False,
                    "bogus": 1,
                }
            }
        )
    )
    from .util import diagnostics

    diags = await diagnostics(client, uri)
    assert errors(diags) == [] and diags[0].severity == types.DiagnosticSeverity.Warning
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(30, 0)),
        )
    )
    assert not hints
    assert any("unknown setting 'bogus'" in m.message for m in client.log_messages)


async def test_close_clears_diagnostics(client: LanguageClient) -> None:
    uri = "file:///w/seed3.py"
    await open_doc(client, uri, SEED3)
    client.diagnostics.pop(uri, None)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    from .util import diagnostics

    assert await diagnostics(client, uri) == []


async def test_bad_requests_get_answers_and_server_keeps_serving(vscode: LanguageClient) -> None:
    uri = "file:///w/seed3.py"
    await open_doc(vscode, uri, SEED3)
    far = await vscode.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(10_000, 10_000))
    )
    assert far is None
    unopened = await vscode.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier("file:///nowhere.py"), types.Position(0, 0))
    )
    assert unopened is None
    hover = await vscode.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(line_of(SEED3, "LSTM("), 30)
        )
    )
    assert hover is not None


async def test_rapid_changes_publish_the_last_version(vscode: LanguageClient) -> None:
    """39 quick edits, every one but the last with the bad fit: the server must end on the last.

    Waits on events, not on the clock: until a publish without errors arrives (only the last
    version has none), then a request round trip, after which no stale publish may follow.
    """
    uri = "file:///w/rapid.py"
    await open_doc(vscode, uri, SEED3)
    vscode.diagnostics.pop(uri, None)
    last = 40
    for version in range(2, last + 1):
        features = 5 if version == last else 3
        text = SEED3.replace("np.random.rand(150, 20, 3)", f"np.random.rand(150, 20, {features})")
        vscode.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )
    loop = asyncio.get_running_loop()
    end = loop.time() + 120  # a hang guard only: a loaded machine may take long
    while not (uri in vscode.diagnostics and errors(list(vscode.diagnostics[uri])) == []):
        assert loop.time() < end, "the last version's diagnostics never arrived"
        await asyncio.sleep(0.05)
    await vscode.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
    )
    assert errors(list(vscode.diagnostics[uri])) == []  # version 40 has 5 features: fixed
