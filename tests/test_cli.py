"""`shapesense check` through its real entry point (a subprocess), as CI users run it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def check(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # the entry point of the environment running the tests (a venv's, not another on PATH)
    exe = shutil.which("shapesense", path=str(Path(sys.executable).parent))
    cmd = [exe, "check", *args] if exe else [sys.executable, "-m", "shapesense", "check", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=300)  # a hang guard


def test_text_output_and_exit_code() -> None:
    proc = check(str(EXAMPLES / "seed_lstm.py"))
    assert proc.returncode == 1
    first = proc.stdout.splitlines()[0]
    assert first.startswith(
        f"{EXAMPLES / 'seed_lstm.py'}:17:15: error SS102 Layer 'lstm' (LSTM) of model 'sequential' expects input (None, 20, 5), but receives (150, 20, 3)"
    )
    assert "the data has to change" in first  # the model's input is right for line 14
    assert proc.stdout.rstrip().endswith("Checked 1 file: 1 error, 0 other findings.")


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    clean = tmp_path / "ok.py"
    clean.write_text(
        "import numpy as np\nimport keras\nm = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])\nm.fit(np.zeros((8, 4)), np.zeros(8))\n"
    )
    proc = check(str(clean))
    assert proc.returncode == 0 and "0 errors" in proc.stdout


def test_json_format_exact_shape() -> None:
    proc = check("--format", "json", str(EXAMPLES / "flattened_images.py"))
    data = json.loads(proc.stdout)
    assert data["version"] == 1
    (diag,) = data["diagnostics"]
    assert set(diag) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "severity",
        "code",
        "message",
        "fixes",
        "url",
    }
    assert (diag["line"], diag["column"], diag["end_line"], diag["end_column"]) == (14, 11, 14, 12)
    assert diag["severity"] == "error" and diag["code"] == "SS101"
    (fix,) = diag["fixes"]
    assert fix["edits"] == [
        {
            "line": 14,
            "column": 11,
            "end_line": 14,
            "end_column": 12,
            "new_text": "X.reshape(-1, 28, 28, 1)",
        }
    ]


def test_sarif_format() -> None:
    proc = check("--format", "sarif", str(EXAMPLES / "flattened_images.py"))
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "shapesense"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"SS101", "SS102", "SS202"}
    (result,) = run["results"]
    assert result["ruleId"] == "SS101" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 14
    assert (
        result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
        == "X.reshape(-1, 28, 28, 1)"
    )


def test_keras_version_flag_changes_the_keras_text() -> None:
    k2 = check("--keras-version", "2", str(EXAMPLES / "seed_lstm.py"))
    assert (
        'Input 0 of layer "sequential" is incompatible with the layer: expected shape=(None, 20, 5), found shape=(None, 20, 3)'
        in k2.stdout
    )


def test_bad_files_get_one_clear_diagnostic_each(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("def f(:\n    pass\n")
    (tmp_path / "latin1.py").write_bytes("x = 'caf\xe9'\n".encode("latin-1"))
    (tmp_path / "bad.ipynb").write_text("{not json")
    shutil.copy(EXAMPLES / "seed_lstm.py", tmp_path / "seed.py")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "skipped.py").write_text("def f(:\n")
    proc = check(str(tmp_path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    assert any("broken.py:1:" in line and "SS001 Syntax error" in line for line in lines)
    assert any("latin1.py:1:1: error SS003 File is not valid UTF-8" in line for line in lines)
    assert any("bad.ipynb:1:1: error SS004" in line for line in lines)
    assert any("seed.py:17:15: error SS102" in line for line in lines)
    assert not any("skipped.py" in line for line in lines)
    assert "Checked 4 files" in lines[-1]


def test_a_file_that_cannot_be_read_gets_ss002_and_the_rest_is_checked(tmp_path: Path) -> None:
    (tmp_path / "gone.py").symlink_to(tmp_path / "deleted-meanwhile.py")
    shutil.copy(EXAMPLES / "seed_lstm.py", tmp_path / "seed.py")
    for args in ([str(tmp_path)], [str(tmp_path / "gone.py"), str(tmp_path / "seed.py")]):
        proc = check(*args)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        lines = proc.stdout.splitlines()
        assert any(
            "gone.py:1:1: error SS002 Cannot read file: No such file or directory" in line
            for line in lines
        ), proc.stdout
        assert any("seed.py:17:15: error SS102" in line for line in lines)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert check("--format", "xml", "x.py").returncode == 2
    missing = check(str(tmp_path / "nope.py"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_parallel_jobs_give_the_same_result(tmp_path: Path) -> None:
    for i in range(12):
        shutil.copy(EXAMPLES / "seed_lstm.py", tmp_path / f"s{i}.py")
    one = check("--format", "json", str(tmp_path))
    two = check("--format", "json", "--jobs", "2", str(tmp_path))
    assert one.stdout == two.stdout and len(json.loads(two.stdout)["diagnostics"]) == 12


NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "source": [
                "import numpy as np\n",
                "import tensorflow as tf\n",
                "X = np.random.rand(150, 20, 3)\n",
                "y = np.random.randint(0, 2, 150)",
            ],
        },
        {"cell_type": "markdown", "source": ["# The model"]},
        {
            "cell_type": "code",
            "source": [
                "%matplotlib inline\n",
                "model = tf.keras.Sequential([\n",
                "    tf.keras.layers.LSTM(32, input_shape=(20, 5)),\n",
                "    tf.keras.layers.Dense(1, activation='sigmoid'),\n",
                "])\n",
                "model.compile('adam', 'binary_crossentropy')",
            ],
        },
        {"cell_type": "code", "source": "!pip install something\nprint(X.shape)"},
        {"cell_type": "code", "source": ["history = model.fit(X, y, epochs=1)"]},
    ],
    "metadata": {},
    "nbformat": 4,
    "nbformat_minor": 5,
}


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_notebook_reports_the_cell(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "train.ipynb"
    path.write_text(json.dumps(NOTEBOOK))
    proc = check("--format", fmt, str(path))
    assert proc.returncode == 1
    if fmt == "text":
        assert proc.stdout.startswith(
            f"{path}:1:21: error SS102 [cell 5] "
        )  # the 5th cell, counting markdown; the line and column in it
        # The fix edits the model's cell (3): kept, and said so.
        assert "    fix (edits cell 3): Change the model's input shape to (20, 3)" in proc.stdout
    else:
        (diag,) = json.loads(proc.stdout)["diagnostics"]
        assert (
            diag["path"] == str(path)
            and diag["cell"] == 5
            and diag["line"] == 1
            and diag["column"] == 21
        )


def test_device_cpu_makes_ss301_an_error(tmp_path: Path) -> None:
    """A channels_first Conv2D: a hint by default (exit 0); an error (exit 1) with --device
    cpu or `device = "cpu-without-onednn"` in the configuration, and --device any wins over the file."""
    program = tmp_path / "nchw.py"
    program.write_text(
        "import numpy as np\nimport keras\n"
        "model = keras.Sequential([keras.Input(shape=(3, 8, 8)), keras.layers.Conv2D(4, 3, data_format='channels_first')])\n"
        "model.predict(np.zeros((2, 3, 8, 8)))\n"
    )
    hint = check("--output-format", "concise", str(program), cwd=tmp_path)
    assert hint.returncode == 0 and "hint SS301" in hint.stdout
    error = check("--device", "cpu-without-onednn", str(program), cwd=tmp_path)
    assert error.returncode == 1 and "error SS301" in error.stdout
    assert "The Conv2D op currently only supports the NHWC tensor format" in error.stdout
    (tmp_path / "shapesense.toml").write_text('device = "cpu-without-onednn"\n')
    assert check(str(program), cwd=tmp_path).returncode == 1
    assert check("--device", "any", str(program), cwd=tmp_path).returncode == 0
    (tmp_path / "shapesense.toml").write_text('device = "gpu"\n')
    bad = check(str(program), cwd=tmp_path)
    assert bad.returncode == 0 and '`device` should be "any" or "cpu-without-onednn"' in bad.stderr
