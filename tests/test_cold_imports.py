"""A cold `shapesense check` imports only what the file needs: numpy when the analysis asks it a
shape question, pathspec when there are patterns to match, the XML library for --format junit
(numpy alone was about a third of the start-up, BENCHMARKS.md), and the process pool only for
--jobs over several files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "numpy._core",
    "pathspec",
    "xml.etree.ElementTree",
    "concurrent.futures.process",
    "importlib.metadata",  # the Keras version is read from the folders (keras/installed.py)
    "hashlib",  # only the output formats that write fingerprints (output/machine.py)
)

RUN = """
import json, sys
from shapesense.startup import main
status = main(sys.argv[1:])
print(json.dumps([m for m in {heavy!r} if m in sys.modules]), file=sys.stderr)
"""


def _check(tmp_path: Path, source: str, *options: str) -> tuple[str, list[str]]:
    (tmp_path / "train.py").write_text(source)
    proc = subprocess.run(
        [sys.executable, "-c", RUN.format(heavy=HEAVY), "check", *options, "train.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc.stdout, json.loads(proc.stderr.strip().splitlines()[-1])


def test_a_file_that_asks_numpy_nothing_loads_none_of_them(tmp_path: Path) -> None:
    source = (
        "import json\nimport networkx as nx\nfrom rdkit import Chem\nimport numpy as np\n"
        "from tensorflow import keras\nX = np.zeros((8, 4))\n"
        "m = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])\nm.fit(X, X)\n"
    )
    out, loaded = _check(tmp_path, source)
    assert "SS10" in out  # the mismatch is still found
    assert loaded == []


def test_numpy_is_loaded_when_a_shape_question_needs_it(tmp_path: Path) -> None:
    source = "import numpy as np\nX = np.zeros((10, 4)).reshape(3, 5)\n"
    out, loaded = _check(tmp_path, source, "--format", "junit")
    assert "reshape" in out
    assert loaded == ["numpy._core", "xml.etree.ElementTree", "hashlib"]


SERVE = """
import json, sys
events = []
def note(event, args):
    if event == "import":
        events.append(args[0])
    elif event == "subprocess.Popen":
        events.append("<analysis process started>")
sys.addaudithook(note)
from shapesense.startup import main
main(["serve"])
print(json.dumps(events), file=sys.stderr)
"""


def test_serve_starts_its_analysis_process_first_and_never_imports_the_analysis() -> None:
    """`shapesense serve` (here with no client: stdin at its end) starts the analysis process
    before it imports pygls and lsprotocol, so the two imports overlap; the analysis (its
    interpreter, every library model) and importlib.metadata (a Keras version given by the
    editor needs no package metadata) are that process's imports, not the server's."""
    proc = subprocess.run(
        [sys.executable, "-c", SERVE],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    events = json.loads(proc.stderr.strip().splitlines()[-1])
    assert "lsprotocol.types" in events  # the server did start
    assert events.index("<analysis process started>") < events.index("lsprotocol")
    for module in ("shapesense.analysis", "shapesense.interpret", "shapesense.batch"):
        assert module not in events
    assert "importlib.metadata" not in events


FULL_COLLECTIONS = """
import gc, json, sys
full = []
gc.callbacks.append(lambda phase, info: full.append(info) if phase == "stop" and info["generation"] == 2 else None)
from shapesense.startup import main
main(["serve"])
print(json.dumps(len(full)), file=sys.stderr)
"""


def test_serve_runs_no_full_collection_while_it_imports() -> None:
    """Importing lsprotocol's classes triggered a full collection (60-70 ms of the start on a
    loaded machine, 211 objects freed); the server's full collections are lsp/heap.py's."""
    proc = subprocess.run(
        [sys.executable, "-c", FULL_COLLECTIONS],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == 0


def test_a_check_freezes_what_it_imported(tmp_path: Path) -> None:
    """The analysis's modules live as long as the process: `shapesense check` imports them with
    the collector off and freezes them, so no collection walks them (about a tenth of a cold
    check of one file)."""
    (tmp_path / "train.py").write_text("import numpy as np\n")
    code = (
        "import gc, sys; from shapesense.startup import main; main(['check', 'train.py']); "
        "print(gc.get_freeze_count(), gc.isenabled(), file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    frozen, enabled = proc.stderr.split()[-2:]
    assert int(frozen) > 10_000
    assert enabled == "True"


def test_basic_indexing_and_agreeing_broadcasts_ask_numpy_nothing(tmp_path: Path) -> None:
    source = (
        "import numpy as np\nfrom tensorflow import keras\nX = np.zeros((8, 4, 2))\n"
        "x = X[:, 0, :] + X[:, 1]\ny = X[..., None, 0] * 2.0\n"
        "m = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])\nm.fit(x, y)\n"
    )
    out, loaded = _check(tmp_path, source)
    assert "SS10" in out  # (8, 2) into an input of shape (3,)
    assert loaded == []
