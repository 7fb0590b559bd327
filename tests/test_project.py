"""Real projects: data saved with np.save and loaded by path, the model built in another module."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from shapesense import Options, analyze
from shapesense.keras.versions import KERAS_3
from shapesense.resolve import ProjectResolver

FIXTURE = Path(__file__).parent / "fixtures" / "project"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    np.save(root / "train_x.npy", np.zeros((50, 784), dtype=np.float32))  # flattened images
    np.save(root / "train_y.npy", np.zeros(50, dtype=np.int64))
    np.savez(root / "bundle.npz", x=np.zeros((20, 28, 28, 1), np.float32), y=np.zeros(20, np.int64))
    return root


def test_error_found_where_fit_is_called(project: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "shapesense", "check", "--format", "json", "train.py"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    (diag,) = json.loads(proc.stdout)["diagnostics"]
    assert diag["path"] == "train.py" and diag["line"] == 8 and diag["code"] == "SS101"
    assert (
        "(50, 784)" in diag["message"]
        and "(None, 28, 28, 1)" in diag["message"]
        and "file header" in diag["message"]
    )
    assert diag["fixes"][0]["edits"][0]["new_text"] == "X_train.reshape(-1, 28, 28, 1)"


def test_shapes_come_from_headers_not_data(project: Path) -> None:
    text = (project / "train.py").read_text()
    analysis = analyze(
        text, Options(KERAS_3, ProjectResolver(str(project / "train.py"), str(project)))
    )
    shapes = {s.name: s.description for s in analysis.symbols}
    assert shapes["X_train"] == "array(50, 784), float32"
    assert shapes["model"] == "sequential model 'sequential'"
    # the .npz members are right, so evaluate is clean; only the fit line errs
    assert [f.span.line for f in analysis.findings if f.severity == "error"] == [7]


def test_missing_files_and_modules_mean_silence(project: Path) -> None:
    (project / "train_x.npy").unlink()
    (project / "models.py").unlink()
    text = (project / "train.py").read_text()
    analysis = analyze(
        text, Options(KERAS_3, ProjectResolver(str(project / "train.py"), str(project)))
    )
    assert analysis.findings == []


def test_modules_are_parsed_never_imported(project: Path) -> None:
    sentinel = project / "imported.flag"
    (project / "models.py").write_text(
        f"open({str(sentinel)!r}, 'w').write('x')\n" + (FIXTURE / "models.py").read_text()
    )
    text = (project / "train.py").read_text()
    analyze(text, Options(KERAS_3, ProjectResolver(str(project / "train.py"), str(project))))
    assert not sentinel.exists() and "models" not in sys.modules
