"""Forms from published Keras programs, through the real `shapesense check` entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli import check

# Sizes read from values the analysis does not model: each is a real number in Keras, never an
# undefined axis (keras.io / tensorflow.org examples with a StandardScaler, a pandas frame, a
# gym space and a TextVectorization layer).
UNKNOWN_SIZES = {
    "scaler": (
        "from sklearn.preprocessing import StandardScaler\n"
        "X_train = StandardScaler().fit_transform(np.random.rand(20, 10))\n",
        "(X_train.shape[1],)",
    ),
    "pandas": (
        "import pandas as pd\nX_train = pd.read_csv('train.csv').values\n",
        "(X_train.shape[1],)",
    ),
    "gym": (
        "import gym\nenv = gym.make('CartPole-v1')\n",
        "env.observation_space.shape",
    ),
    "vocabulary": (
        "vectorize = keras.layers.TextVectorization()\n",
        "(vectorize.vocabulary_size(),)",
    ),
}


@pytest.mark.parametrize("form", sorted(UNKNOWN_SIZES))
def test_unknown_size_is_not_an_undefined_axis_in_keras_2(tmp_path: Path, form: str) -> None:
    head, shape = UNKNOWN_SIZES[form]
    program = tmp_path / "train.py"
    program.write_text(
        "import numpy as np\nimport keras\n" + head + "model = keras.Sequential([\n"
        f"    keras.layers.Dense(64, activation='relu', input_shape={shape}),\n"
        "    keras.layers.Dense(1),\n])\nmodel.compile('adam', 'mse')\n"
    )
    proc = check("--keras-version", "2", str(program))
    assert proc.returncode == 0, proc.stdout
    assert "0 errors, 0 other findings" in proc.stdout


def test_embedding_input_dim_is_the_vocabulary_in_keras_2(tmp_path: Path) -> None:
    program = tmp_path / "text.py"
    program.write_text(
        "import numpy as np\nimport keras\nvocab_size = 5000\n"
        "model = keras.Sequential([keras.layers.Embedding(input_dim=vocab_size, output_dim=16),\n"
        "    keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(1)])\n"
        "model.compile('adam', 'binary_crossentropy')\n"
        "model.fit(np.random.randint(0, 5000, (32, 100)), np.zeros(32))\n"
    )
    proc = check("--keras-version", "2", str(program))
    assert proc.returncode == 0, proc.stdout


# Every form IPython accepts and Python does not, one per cell, before a real error: none of
# them may be SS001, and the error's position is the cell's own (the last cell is indented,
# which IPython dedents: the column counts the indent).
IPYTHON_CELLS = [
    "import numpy as np\nimport keras\nX = np.random.rand(8, 20, 3)\ny = np.zeros(8)\n",
    "files = !ls\nx = %time len(files)\n",
    "np.zeros?\nnp.ones??\n",
    "!pip install numpy \\\n    keras\n",
    "width = (20\n%7)\n",
    "model = keras.Sequential([keras.Input(shape=(20, 5)), keras.layers.LSTM(4)])\n"
    "model.compile('adam', 'mse')\n",
    "  history = model.fit(X, y)\n  print(history)\n",
]


def _notebook(cells: list[str]) -> str:
    return json.dumps(
        {
            "cells": [{"cell_type": "code", "source": c} for c in cells],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def test_ipython_syntax_in_a_notebook_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "ipython.ipynb"
    path.write_text(_notebook(IPYTHON_CELLS))
    proc = check("--format", "json", str(path))
    (diag,) = json.loads(proc.stdout)["diagnostics"]
    assert diag["code"] == "SS102", diag
    assert (diag["cell"], diag["line"], diag["column"]) == (7, 1, 1 + len("  history = model.fit("))


def test_seed_example_offers_no_fix_that_breaks_another_fit() -> None:
    """The model's input fits the first fit: changing it for the second breaks the first."""
    proc = check(str(Path(__file__).resolve().parent.parent / "examples" / "seed_lstm.py"))
    assert proc.returncode == 1
    assert "    fix: " not in proc.stdout
    assert "No quick fix: changing the model would break its other calls" in proc.stdout


def test_notebook_places_are_cells_and_lines_not_lines_of_the_joined_source(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ipython.ipynb"
    path.write_text(_notebook(IPYTHON_CELLS))
    out = check(str(path)).stdout
    assert "line 3" not in out.splitlines()[0]  # the joined source's line of X: never in text
    assert f"    see {path}:cell 1 line 3: X created here" in out
    assert f"    see {path}:cell 6 line 1: model 'sequential' defined here" in out
