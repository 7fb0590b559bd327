"""Notebooks through LSP notebook sync: cells analysed together, results mapped back to cells."""

from __future__ import annotations

import sys

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from .util import accept_registrations, diagnostics, errors

NB = "file:///w/train.ipynb"
CELLS = [
    (
        "c1",
        types.NotebookCellKind.Code,
        "python",
        "import numpy as np\nimport tensorflow as tf\nX = np.random.rand(150, 20, 3)\ny = np.random.randint(0, 2, 150)\n",
    ),
    (
        "c2",
        types.NotebookCellKind.Code,
        "python",
        "%matplotlib inline\nmodel = tf.keras.Sequential([\n    tf.keras.layers.LSTM(32, input_shape=(20, 5)),\n    tf.keras.layers.Dense(1, activation='sigmoid'),\n])\nmodel.compile('adam', 'binary_crossentropy')\n",
    ),
    ("c3", types.NotebookCellKind.Markup, "markdown", "## Training\n"),
    (
        "c4",
        types.NotebookCellKind.Code,
        "python",
        "!nvidia-smi\nhistory = model.fit(X, y, epochs=1)\n",
    ),
]


def cell_uri(cell_id: str) -> str:
    return f"vscode-notebook-cell:/w/train.ipynb#{cell_id}"


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "shapesense", "serve"])
)
async def client(lsp_client: LanguageClient):
    caps = client_capabilities("visual-studio-code")
    caps.notebook_document = types.NotebookDocumentClientCapabilities(
        synchronization=types.NotebookDocumentSyncClientCapabilities()
    )
    accept_registrations(lsp_client)
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=caps, initialization_options={"debounceMs": 0, "kerasVersion": "3"}
        )
    )
    lsp_client.notebook_document_did_open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=NB,
                notebook_type="jupyter-notebook",
                version=1,
                cells=[types.NotebookCell(kind=k, document=cell_uri(c)) for c, k, _, _ in CELLS],
            ),
            cell_text_documents=[
                types.TextDocumentItem(uri=cell_uri(c), language_id=lang, version=1, text=t)
                for c, _, lang, t in CELLS
            ],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_error_lands_on_fit_line_of_cell_4(client: LanguageClient) -> None:
    (error,) = errors(await diagnostics(client, cell_uri("c4")))
    assert error.range.start.line == 1 and error.range.start.character == len(
        "history = model.fit("
    )
    assert "should be 5, got 3" in error.message
    assert errors(await diagnostics(client, cell_uri("c1"))) == []
    assert errors(await diagnostics(client, cell_uri("c2"))) == []


async def test_hover_in_cell_2(client: LanguageClient) -> None:
    await diagnostics(client, cell_uri("c4"))
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(cell_uri("c2")), types.Position(2, 22))
    )
    assert hover is not None and "(None, 20, 5)" in hover.contents.value
    assert hover.range is not None and hover.range.start.line == 2


async def test_quick_fix_edit_lands_in_the_right_cell(client: LanguageClient) -> None:
    (error,) = errors(await diagnostics(client, cell_uri("c4")))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(cell_uri("c4")),
            error.range,
            types.CodeActionContext(diagnostics=[error]),
        )
    )
    action, disable = actions
    assert action.title == "Change the model's input shape to (20, 3)"
    assert disable.title == "Disable SS102 for this line"
    assert list(disable.edit.changes) == [cell_uri("c4")]
    (edit,) = action.edit.changes[cell_uri("c2")]
    assert edit.range.start.line == 2 and edit.new_text == "(20, 3)"


async def test_editing_a_cell_reanalyses_the_notebook(client: LanguageClient) -> None:
    await diagnostics(client, cell_uri("c4"))
    client.diagnostics.clear()
    fixed = CELLS[0][3].replace("(150, 20, 3)", "(150, 20, 5)")
    client.notebook_document_did_change(
        types.DidChangeNotebookDocumentParams(
            notebook_document=types.VersionedNotebookDocumentIdentifier(version=2, uri=NB),
            change=types.NotebookDocumentChangeEvent(
                cells=types.NotebookDocumentCellChanges(
                    text_content=[
                        types.NotebookDocumentCellContentChanges(
                            document=types.VersionedTextDocumentIdentifier(
                                version=2, uri=cell_uri("c1")
                            ),
                            changes=[types.TextDocumentContentChangeWholeDocument(fixed)],
                        )
                    ]
                )
            ),
        )
    )
    assert errors(await diagnostics(client, cell_uri("c4"))) == []


async def test_ipython_syntax_is_not_an_error_and_positions_stay_the_cells(
    client: LanguageClient,
) -> None:
    from ..test_real_code import IPYTHON_CELLS

    uri = "file:///w/ipython.ipynb"

    def cell(i: int) -> str:
        return f"vscode-notebook-cell:/w/ipython.ipynb#i{i}"

    client.notebook_document_did_open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=uri,
                notebook_type="jupyter-notebook",
                version=1,
                cells=[
                    types.NotebookCell(kind=types.NotebookCellKind.Code, document=cell(i))
                    for i in range(len(IPYTHON_CELLS))
                ],
            ),
            cell_text_documents=[
                types.TextDocumentItem(uri=cell(i), language_id="python", version=1, text=t)
                for i, t in enumerate(IPYTHON_CELLS)
            ],
        )
    )
    last = len(IPYTHON_CELLS) - 1
    for i in range(last):
        assert await diagnostics(client, cell(i)) == [], IPYTHON_CELLS[i]
    (error,) = errors(await diagnostics(client, cell(last)))
    assert error.code == "SS102"
    assert (error.range.start.line, error.range.start.character) == (
        0,
        len("  history = model.fit("),
    )
    hover = await client.text_document_hover_async(  # on `model` of the indented cell
        types.HoverParams(types.TextDocumentIdentifier(cell(last)), types.Position(0, 13))
    )
    assert hover is not None and hover.range is not None
    assert (hover.range.start.character, hover.range.end.character) == (12, 17)


def change_cell(client: LanguageClient, version: int, cell_id: str, text: str) -> None:
    client.notebook_document_did_change(
        types.DidChangeNotebookDocumentParams(
            notebook_document=types.VersionedNotebookDocumentIdentifier(version=version, uri=NB),
            change=types.NotebookDocumentChangeEvent(
                cells=types.NotebookDocumentCellChanges(
                    text_content=[
                        types.NotebookDocumentCellContentChanges(
                            document=types.VersionedTextDocumentIdentifier(
                                version=version, uri=cell_uri(cell_id)
                            ),
                            changes=[types.TextDocumentContentChangeWholeDocument(text)],
                        )
                    ]
                )
            ),
        )
    )


async def test_enter_in_a_cell_moves_what_follows_in_that_cell_only(
    client: LanguageClient,
) -> None:
    """Enter and Backspace in a cell move the statements below them (replayed where they
    were parsed, placed where they now are): the error stays on its line of cell 4, and the
    quick fix edits the input shape on its new line of cell 2."""
    await diagnostics(client, cell_uri("c4"))
    cell1, cell2 = CELLS[0][3], CELLS[1][3]
    # a first change builds the journals, then Enter twice above the model, then Backspace
    change_cell(client, 2, "c1", cell1 + "\n")
    change_cell(client, 3, "c2", "\n\n" + cell2)
    change_cell(client, 4, "c2", "\n" + cell2)
    client.diagnostics.clear()
    change_cell(client, 5, "c1", cell1)
    (error,) = errors(await diagnostics(client, cell_uri("c4")))
    assert error.range.start.line == 1 and "should be 5, got 3" in error.message
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(cell_uri("c4")),
            error.range,
            types.CodeActionContext(diagnostics=[error]),
        )
    )
    (edit,) = actions[0].edit.changes[cell_uri("c2")]
    assert edit.range.start.line == 3 and edit.new_text == "(20, 3)"  # one line down
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(cell_uri("c2")), types.Position(3, 22))
    )
    assert hover is not None and "(None, 20, 5)" in hover.contents.value
    assert hover.range is not None and hover.range.start.line == 3
