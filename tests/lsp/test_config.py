"""The server reads the same configuration file as the CLI, per document; the editor's
settings override it; the client is told which Keras is used (`shapesense/status`)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from .util import EXAMPLES, diagnostics, open_doc

SEED3 = (EXAMPLES / "seed_lstm.py").read_text()
KERAS2_WORDS = 'Input 0 of layer "sequential" is incompatible with the layer'


async def wait_for(check: Any, timeout: float = 20) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not check():
        if loop.time() > end:
            raise TimeoutError
        await asyncio.sleep(0.05)


async def test_configuration_file_then_editor_settings(
    vscode: LanguageClient, tmp_path: Path
) -> None:
    lsp_client = vscode
    statuses: list[dict[str, Any]] = []

    @lsp_client.feature("shapesense/status")
    def on_status(params: Any) -> None:
        statuses.append(params if isinstance(params, dict) else params._asdict())

    config = tmp_path / "shapesense.toml"
    config.write_text('keras-version = "2"\n\nbogus = 1\n')
    path = tmp_path / "seed.py"
    path.write_text(SEED3)
    uri = path.as_uri()
    # The fixture started the session with kerasVersion "3": back to auto, so the file decides.
    lsp_client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"kerasVersion": "auto"})
    )
    (error,) = await open_doc(lsp_client, uri, SEED3)
    assert error.code == "SS102" and KERAS2_WORDS in error.message
    await wait_for(lambda: any(s.get("uri") == uri for s in statuses))
    status = next(s for s in statuses if s.get("uri") == uri)
    assert status["kerasVersion"] == 2
    assert status["origin"] == f"from keras-version in {config}"
    await wait_for(
        lambda: any(
            f"{config}:3: unknown key `bogus`" in m.message for m in lsp_client.log_messages
        )
    )
    # The editor's setting wins over the file.
    lsp_client.diagnostics.pop(uri, None)
    lsp_client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"kerasVersion": "3"})
    )
    await wait_for(lambda: statuses[-1].get("kerasVersion") == 3)
    (error,) = await diagnostics(lsp_client, uri)
    assert KERAS2_WORDS not in error.message
    # select / ignore from the file apply in the editor as on the command line.
    config.write_text('ignore = ["SS102"]\n')
    lsp_client.diagnostics.pop(uri, None)
    lsp_client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"kerasVersion": "auto"})
    )
    assert await diagnostics(lsp_client, uri) == []


async def test_excluded_documents_get_no_diagnostics(
    client: LanguageClient, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """`exclude` / `extend-exclude` and .gitignore leave a document out in the editor as
    `shapesense check` leaves it out of a folder run."""
    lsp_client = client
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("scratch/\n")
    (tmp_path / "pyproject.toml").write_text('[tool.shapesense]\nextend-exclude = ["generated/"]\n')
    for folder in ("src", "generated", "scratch"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "seed.py").write_text(SEED3)
    (error,) = await open_doc(lsp_client, (tmp_path / "src" / "seed.py").as_uri(), SEED3)
    assert error.code == "SS102"
    assert await open_doc(lsp_client, (tmp_path / "generated" / "seed.py").as_uri(), SEED3) == []
    assert await open_doc(lsp_client, (tmp_path / "scratch" / "seed.py").as_uri(), SEED3) == []
    # A .gitignore read once is read again when it changes (a version of it is kept compiled).
    (tmp_path / ".gitignore").write_text("# nothing ignored\n")
    (error,) = await open_doc(lsp_client, (tmp_path / "scratch" / "other.py").as_uri(), SEED3)
    assert error.code == "SS102"
    # Without a configuration or a repository, a default pattern (`build/`) matching a folder
    # above says nothing: `shapesense check` run there would check the file.
    loose = tmp_path_factory.mktemp("loose") / "build" / "project"
    loose.mkdir(parents=True)
    (loose / "seed.py").write_text(SEED3)
    (error,) = await open_doc(lsp_client, (loose / "seed.py").as_uri(), SEED3)
    assert error.code == "SS102"


async def test_report_unused_suppressions_setting(client: LanguageClient, tmp_path: Path) -> None:
    """`reportUnusedSuppressions` from the editor wins over the file's
    `report-unused-suppressions`; unset (null), the file decides."""
    lsp_client = client
    config = tmp_path / "shapesense.toml"
    config.write_text("report-unused-suppressions = true\n")
    text = "x = 1  # shapesense: ignore[SS102]\n"
    path = tmp_path / "clean.py"
    path.write_text(text)
    uri = path.as_uri()
    (unused,) = await open_doc(lsp_client, uri, text)
    assert unused.code == "SS900"

    async def with_setting(value: bool | None) -> list[types.Diagnostic]:
        lsp_client.diagnostics.pop(uri, None)
        lsp_client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(
                settings={"shapesense": {"reportUnusedSuppressions": value}}
            )
        )
        return await diagnostics(lsp_client, uri)

    assert await with_setting(False) == []
    config.write_text("report-unused-suppressions = false\n")
    (unused,) = await with_setting(True)
    assert unused.code == "SS900"
    assert await with_setting(None) == []


CHANNELS_FIRST = """import numpy as np
import keras

L = keras.layers
model = keras.Sequential([keras.Input(shape=(3, 10, 10)), L.Conv2D(4, 3, data_format="channels_first")])
model.compile("adam", "mse")
model.predict(np.zeros((4, 3, 10, 10)), verbose=0)
"""


async def test_device_setting_makes_the_cpu_hint_an_error(
    vscode: LanguageClient, tmp_path: Path
) -> None:
    """SS301 is a hint (a GPU runs the layer); `device = "cpu-without-onednn"` in the file, or the editor's
    `device` setting over it, makes it an error, as Keras raises there on a CPU."""
    path = tmp_path / "nchw.py"
    path.write_text(CHANNELS_FIRST)
    uri = path.as_uri()
    (hint,) = await open_doc(vscode, uri, CHANNELS_FIRST)
    assert hint.code == "SS301" and hint.severity == types.DiagnosticSeverity.Hint
    assert "The Conv2D op currently only supports the NHWC tensor format" in hint.message
    (tmp_path / "shapesense.toml").write_text('device = "cpu-without-onednn"\n')
    vscode.diagnostics.pop(uri, None)
    vscode.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"device": None})
    )
    (error,) = await diagnostics(vscode, uri)
    assert error.code == "SS301" and error.severity == types.DiagnosticSeverity.Error
    vscode.diagnostics.pop(uri, None)  # the editor's setting wins over the file
    vscode.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"device": "any"})
    )
    (hint,) = await diagnostics(vscode, uri)
    assert hint.severity == types.DiagnosticSeverity.Hint
