"""The server never imports, executes or spawns anything from the user's workspace."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .rawclient import RawClient

HERE = Path(__file__).parent


def test_session_over_hostile_workspace_runs_nothing(tmp_path: Path) -> None:
    sentinel = tmp_path / "SENTINEL"
    trap = f"open({str(sentinel)!r}, 'w').write('ran')\nimport tensorflow\n"
    (tmp_path / "data.py").write_text(trap + "import numpy as np\nX = np.zeros((10, 5))\n")
    (tmp_path / "models.py").write_text(
        trap
        + "import keras\ndef build():\n    return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])\n"
    )
    (tmp_path / "sitecustomize.py").write_text(trap)
    main = "from data import X\nfrom models import build\nimport numpy as np\nmodel = build()\nmodel.fit(X, np.zeros(10))\n"
    (tmp_path / "train.py").write_text(main)
    audit = tmp_path / "audit.log"
    env = dict(os.environ, SHAPESENSE_AUDIT=str(audit))
    env.pop("PYTHONPATH", None)
    client = RawClient(sys.executable, str(HERE / "audited_server.py"), env=env)
    uri = (tmp_path / "train.py").as_uri()
    try:
        client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": tmp_path.as_uri(),
                "capabilities": {},
                "initializationOptions": {"debounceMs": 0, "kerasVersion": "auto"},
            },
        )
        client.notify("initialized", {})
        client.open(uri, main)
        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 10}},
        )
        assert (
            hover["result"] is not None and "(10, 5)" in hover["result"]["contents"]["value"]
        )  # followed statically
        diagnostics = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        codes = [d["code"] for d in diagnostics["result"]["items"]]
        assert codes == ["SS102"], (
            codes
        )  # 5 features into Dense built for 4: found through both modules
        client.request("textDocument/codeLens", {"textDocument": {"uri": uri}})
        client.request(
            "textDocument/inlayHint",
            {
                "textDocument": {"uri": uri},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}},
            },
        )
    finally:
        client.close()
    events = audit.read_text().splitlines()
    assert not sentinel.exists()
    assert not [e for e in events if e.startswith(("subprocess", "os."))], "a process was started"
    assert not [e for e in events if e.startswith("exec") and str(tmp_path) in e], (
        "workspace code was executed"
    )
    imported = {e.split()[1] for e in events if e.startswith("import ")}
    assert {
        "jedi",
        "shapesense.lsp.hover",
    } <= imported  # the hook really saw this session's imports
    assert not imported & {"data", "models", "train", "sitecustomize"}, (
        "a workspace module was imported"
    )
    assert not {
        m for m in imported if m.split(".")[0] in ("tensorflow", "keras", "tf_keras", "torch")
    }, "a framework was imported"
