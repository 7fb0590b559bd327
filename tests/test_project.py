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


def test_tf_data_pipelines() -> None:
    src = """
import numpy as np
import tensorflow as tf
X = np.random.rand(100, 20, 3)
y = np.random.randint(0, 2, 100)
ds = tf.data.Dataset.from_tensor_slices((X, y)).shuffle(100).batch(16).prefetch(2)
model = tf.keras.Sequential([tf.keras.layers.LSTM(8, input_shape=(20, 5)), tf.keras.layers.Dense(1, activation='sigmoid')])
model.compile('adam', 'binary_crossentropy')
model.fit(ds, epochs=1)
model.fit(tf.data.Dataset.from_tensor_slices((X, y)), epochs=1)
model.fit(ds.map(lambda a, b: (a, b)), epochs=1)
images = tf.keras.utils.image_dataset_from_directory('data/', image_size=(64, 64), color_mode='grayscale')
cnn = tf.keras.Sequential([tf.keras.Input(shape=(64, 64, 3)), tf.keras.layers.Conv2D(4, 3), tf.keras.layers.Flatten(), tf.keras.layers.Dense(2)])
cnn.compile('adam', 'sparse_categorical_crossentropy')
cnn.fit(images, epochs=1)
"""
    errors = [(f.span.line, f.code) for f in analyze(src).findings if f.severity == "error"]
    # the batched pipeline and the grayscale images; unbatched and mapped datasets stay silent
    assert errors == [(8, "SS102"), (14, "SS102")]
