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
    # the batched pipeline; the unbatched one, whose (20, 3) elements Keras takes as whole
    # batches (rank 2 for an LSTM); the mapped batched one (its lambda runs on the element); the
    # grayscale images
    assert errors == [(8, "SS102"), (9, "SS101"), (10, "SS102"), (14, "SS102")]


def _locate(project: Path, importer: str, module: str, level: int = 0) -> str | None:
    found = ProjectResolver(str(project / importer), str(project)).module_source(module, level)
    return None if found is None else Path(found[0]).relative_to(project).as_posix()


def test_finder_src_layout_packages_and_namespaces(tmp_path: Path) -> None:
    (tmp_path / "src" / "pkg" / "nn").mkdir(parents=True)
    (tmp_path / "src" / "pkg" / "__init__.py").write_text("")
    (tmp_path / "src" / "pkg" / "nn" / "layers.py").write_text("UNITS = 4\n")  # nn: namespace
    (tmp_path / "scripts" / "deep").mkdir(parents=True)
    (tmp_path / "scripts" / "helpers.py").write_text("")
    (tmp_path / "scripts" / "deep" / "run.py").write_text("")
    assert _locate(tmp_path, "scripts/deep/run.py", "pkg") == "src/pkg/__init__.py"
    assert _locate(tmp_path, "scripts/deep/run.py", "pkg.nn.layers") == "src/pkg/nn/layers.py"
    assert (
        _locate(tmp_path, "scripts/deep/run.py", "helpers") == "scripts/helpers.py"
    )  # a folder above
    assert _locate(tmp_path, "scripts/deep/run.py", "pkg.missing") is None
    assert (
        _locate(tmp_path, "scripts/deep/run.py", "networkx") is None
    )  # installed, not the project's


def test_finder_relative_imports(tmp_path: Path) -> None:
    (tmp_path / "app" / "train").mkdir(parents=True)
    for name in ("app/__init__.py", "app/common.py", "app/train/__init__.py", "app/train/data.py"):
        (tmp_path / name).write_text("")
    importer = "app/train/main.py"
    assert _locate(tmp_path, importer, "data", level=1) == "app/train/data.py"
    assert _locate(tmp_path, importer, "", level=1) == "app/train/__init__.py"
    assert _locate(tmp_path, importer, "common", level=2) == "app/common.py"
    assert _locate(tmp_path, importer, "nothing", level=2) is None


def test_finder_never_follows_a_standard_library_name(tmp_path: Path) -> None:
    # a project file named like a standard module is never searched for, nor read
    (tmp_path / "statistics.py").write_text("import numpy as np\nX = np.zeros((3, 7))\n")
    (tmp_path / "shapes.py").write_text("import numpy as np\nX = np.zeros((3, 7))\n")
    assert _locate(tmp_path, "train.py", "statistics") is None
    assert _locate(tmp_path, "train.py", "shapes") == "shapes.py"
    text = "from statistics import X\nfrom shapes import X as Y\nW = Y\nV = X\n"
    analysis = analyze(text, Options(KERAS_3, ProjectResolver(str(tmp_path / "train.py"))))
    shapes = {s.name: s.description for s in analysis.symbols}
    assert shapes.get("W") == "array(3, 7), float64" and "array" not in shapes.get("V", "")


def test_finder_ignores_compiled_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.hardening.compiled import build_extension

    monkeypatch.syspath_prepend(str(tmp_path))  # as `python -m` from the project would have it
    sentinel = tmp_path / "loaded.flag"
    build_extension("fastops", tmp_path, sentinel, tmp_path)
    (tmp_path / "fastops.pyi").write_text("X: int\n")  # stubs are not the module either
    text = "import fastops\nfrom fastops import X\nimport numpy as np\nY = np.zeros((2, 3))\n"
    analyze(text, Options(KERAS_3, ProjectResolver(str(tmp_path / "train.py"))))
    assert _locate(tmp_path, "train.py", "fastops") is None
    assert not sentinel.exists() and "fastops" not in sys.modules


def test_related_places_are_never_lines_of_another_module(tmp_path: Path) -> None:
    """An array made in data.py (a global, or a function's result) reaches fit in train.py:
    the finding says where it came from in words, but points at no line of train.py for it
    (data.py's line 8 and line 5 would have been shown as train.py's)."""
    (tmp_path / "data.py").write_text(
        "import numpy as np\n\n\ndef load():\n    return np.random.rand(10, 5)\n\n\n"
        "X = np.random.rand(10, 5)\n"
    )
    source = (
        "import numpy as np\nimport keras\nfrom data import X, load\n\n"
        "model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])\n"
        'model.compile("adam", "mse")\nmodel.fit(X, np.zeros(10))\nmodel.fit(load(), np.zeros(10))\n'
    )
    main = tmp_path / "train.py"
    main.write_text(source)
    options = Options(KERAS_3, ProjectResolver(str(main), str(tmp_path)))
    errors = [f for f in analyze(source, options).findings if f.severity == "error"]
    assert [f.span.line for f in errors] == [6, 7]
    for error in errors:
        assert "comes from np.random.rand(10, 5)" in error.message
        assert [r.message for r in error.related] == [
            "layer 'dense' defined here",
            "model 'sequential' defined here",
        ]
