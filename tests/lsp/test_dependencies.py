"""Across files: when a module a file imports, or an array file it loads, changes (in the editor
or on disk), the importer's diagnostics are refreshed; the Interactive Window's notebooks are
analysed like Jupyter notebooks."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import numpy as np
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from .util import accept_registrations, diagnostics, errors, pulls

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "shapesense", "serve"])

DATA = "import numpy as np\nX = np.random.rand(150, 20, {last})\ny = np.random.randint(0, 2, 150)\n"
MAIN = """import tensorflow as tf
from data import X, y

model = tf.keras.Sequential([
    tf.keras.layers.LSTM(32, input_shape=(20, 5)),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile("adam", "binary_crossentropy")
model.fit(X, y, epochs=1)
"""
LOADS = MAIN.replace(
    "from data import X, y", 'import numpy as np\nX = np.load("x.npy")\ny = np.zeros(150)'
)


async def start(client: LanguageClient, editor: str, root: Path) -> list[types.Registration]:
    registrations = accept_registrations(client)
    caps = client_capabilities(editor.removesuffix("-pull"))
    if editor.endswith("-pull"):  # as VS Code itself: pulls, and is told when to pull again
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities()  # type: ignore[union-attr]
        caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(  # type: ignore[union-attr]
            refresh_support=True
        )
    caps.notebook_document = types.NotebookDocumentClientCapabilities(
        synchronization=types.NotebookDocumentSyncClientCapabilities()
    )
    await client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)],
            initialization_options={"debounceMs": 0, "kerasVersion": "3"},
        )
    )
    return registrations


@pytest_lsp.fixture(config=SERVER)
async def vscode(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


def open_file(client: LanguageClient, path: Path, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri, "python", version, path.read_text())
        )
    )
    return uri


async def until(condition, timeout: float = 10) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.02)


async def refreshed(client: LanguageClient, uri: str, change) -> list[types.Diagnostic]:  # type: ignore[no-untyped-def]
    """Make `change`, then the diagnostics the editor gets next for `uri`: a client that pulls
    is asked to pull again (workspace/diagnostic/refresh); to the others they are pushed."""
    refreshes = client.diagnostic_refresh_count
    client.diagnostics.pop(uri, None)
    change()
    if pulls(client):
        await until(lambda: client.diagnostic_refresh_count > refreshes)
    return await diagnostics(client, uri)


async def watched_globs(registrations: list) -> list[str]:
    """The glob patterns the server asked the client to watch, once it has registered them."""
    await until(lambda: registrations)
    (watch,) = [r for r in registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    return [w["globPattern"] for w in watch.register_options["watchers"]]  # type: ignore[index]


async def test_module_changed_on_disk_refreshes_the_importer(
    vscode: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "data.py").write_text(DATA.format(last=3))
    (tmp_path / "main.py").write_text(MAIN)
    registrations = await start(vscode, "visual-studio-code-pull", tmp_path)
    main = open_file(vscode, tmp_path / "main.py")
    (error,) = errors(await diagnostics(vscode, main))
    assert "should be 5, got 3" in error.message
    globs = await watched_globs(registrations)
    assert "**/*.py" in globs and "**/*.npy" in globs

    def change() -> None:
        (tmp_path / "data.py").write_text(DATA.format(last=5))
        vscode.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent((tmp_path / "data.py").as_uri(), types.FileChangeType.Changed)]
            )
        )

    assert errors(await refreshed(vscode, main, change)) == []


@pytest_lsp.fixture(config=SERVER, params=["visual-studio-code-pull", "emacs"])
async def editor(request, lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    lsp_client.editor = request.param  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def test_editing_an_open_module_refreshes_the_importer(
    editor: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "data.py").write_text(DATA.format(last=3))
    (tmp_path / "main.py").write_text(MAIN)
    await start(editor, editor.editor, tmp_path)  # type: ignore[attr-defined]
    data = open_file(editor, tmp_path / "data.py")
    main = open_file(editor, tmp_path / "main.py")
    assert len(errors(await diagnostics(editor, main))) == 1

    def edit(last: int, version: int) -> None:  # unsaved text in the editor
        editor.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=data),
                [types.TextDocumentContentChangeWholeDocument(DATA.format(last=last))],
            )
        )

    assert errors(await refreshed(editor, main, lambda: edit(5, 2))) == []
    (error,) = errors(await refreshed(editor, main, lambda: edit(4, 3)))
    assert "should be 5, got 4" in error.message


async def test_array_file_changed_on_disk_refreshes_the_reader(
    editor: LanguageClient, tmp_path: Path
) -> None:
    np.save(tmp_path / "x.npy", np.zeros((150, 20, 5)))
    (tmp_path / "main.py").write_text(LOADS)
    await start(editor, editor.editor, tmp_path)  # type: ignore[attr-defined]
    main = open_file(editor, tmp_path / "main.py")
    assert errors(await diagnostics(editor, main)) == []

    def change() -> None:
        np.save(tmp_path / "x.npy", np.zeros((150, 20, 3)))
        editor.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent((tmp_path / "x.npy").as_uri(), types.FileChangeType.Changed)]
            )
        )

    (error,) = errors(await refreshed(editor, main, change))
    assert "should be 5, got 3" in error.message


async def test_created_module_is_found_by_the_importer(
    editor: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "main.py").write_text(MAIN)
    await start(editor, editor.editor, tmp_path)  # type: ignore[attr-defined]
    main = open_file(editor, tmp_path / "main.py")
    assert errors(await diagnostics(editor, main)) == []  # no data.py yet: X is unknown

    def create() -> None:
        (tmp_path / "data.py").write_text(DATA.format(last=3))
        editor.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent((tmp_path / "data.py").as_uri(), types.FileChangeType.Created)]
            )
        )

    (error,) = errors(await refreshed(editor, main, create))
    assert "should be 5, got 3" in error.message


async def test_interactive_window_cells_are_analysed(
    vscode: LanguageClient, tmp_path: Path
) -> None:
    await start(vscode, "visual-studio-code", tmp_path)
    notebook = "vscode-interactive:/Interactive-1.interactive"
    cells = [
        DATA.format(last=3),
        MAIN.replace("from data import X, y\n", ""),
    ]
    cell_uris = [f"vscode-notebook-cell:/Interactive-1.interactive#c{i}" for i in range(2)]
    vscode.notebook_document_did_open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=notebook,
                notebook_type="interactive",
                version=1,
                cells=[
                    types.NotebookCell(kind=types.NotebookCellKind.Code, document=uri)
                    for uri in cell_uris
                ],
            ),
            cell_text_documents=[
                types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
                for uri, text in zip(cell_uris, cells, strict=True)
            ],
        )
    )
    (error,) = errors(await diagnostics(vscode, cell_uris[1]))
    assert "should be 5, got 3" in error.message


READS_CSV = MAIN.replace(
    "from data import X, y",
    'import pandas as pd\ndf = pd.read_csv("table.csv")\nX = df.drop(columns=["label"]).values\n'
    'y = df["label"].values',
).replace("LSTM(32, input_shape=(20, 5))", "Dense(8, input_shape=(3,))")


async def test_csv_changed_on_disk_refreshes_the_reader(
    editor: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "table.csv").write_text("a,b,c,label\n1,2,3,0\n4,5,6,1\n")
    (tmp_path / "main.py").write_text(READS_CSV)
    registrations = await start(editor, editor.editor, tmp_path)  # type: ignore[attr-defined]
    main = open_file(editor, tmp_path / "main.py")
    assert errors(await diagnostics(editor, main)) == []
    if editor.editor.startswith("visual-studio-code"):  # type: ignore[attr-defined]
        assert "**/*.csv" in await watched_globs(registrations)

    def change() -> None:  # a column more in the header: the features are 4 wide
        (tmp_path / "table.csv").write_text("a,b,c,d,label\n1,2,3,4,0\n4,5,6,7,1\n")
        editor.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent((tmp_path / "table.csv").as_uri(), types.FileChangeType.Changed)]
            )
        )

    (error,) = errors(await refreshed(editor, main, change))
    assert "should be 3, got 4" in error.message


READS_FOLDER = """from tensorflow.keras.preprocessing.image import ImageDataGenerator
import tensorflow as tf

flow = ImageDataGenerator(rescale=1 / 255).flow_from_directory("train", target_size=(32, 32))
model = tf.keras.Sequential([
    tf.keras.layers.Flatten(input_shape=(32, 32, 3)),
    tf.keras.layers.Dense(3, activation="softmax"),
])
model.compile("adam", "categorical_crossentropy")
model.fit(flow, epochs=1)
"""


async def test_class_folder_added_on_disk_refreshes_the_reader(
    editor: LanguageClient, tmp_path: Path
) -> None:
    for name in ("cats", "dogs", "birds"):
        (tmp_path / "train" / name).mkdir(parents=True)
    (tmp_path / "main.py").write_text(READS_FOLDER)
    registrations = await start(editor, editor.editor, tmp_path)  # type: ignore[attr-defined]
    main = open_file(editor, tmp_path / "main.py")
    assert errors(await diagnostics(editor, main)) == []
    if editor.editor.startswith("visual-studio-code"):  # type: ignore[attr-defined]
        assert "**/*.{png,jpg,jpeg,bmp,gif}" in await watched_globs(registrations)

    def add_class() -> None:  # a fourth class: the labels are 4 wide, the output 3
        image = tmp_path / "train" / "fish" / "0.png"
        image.parent.mkdir()
        image.write_bytes(b"")
        editor.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(image.as_uri(), types.FileChangeType.Created)]
            )
        )

    (error,) = errors(await refreshed(editor, main, add_class))
    assert "4" in error.message and "3" in error.message
