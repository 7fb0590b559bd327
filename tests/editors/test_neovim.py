"""A real editor: headless Neovim (Debian's 0.7.2) drives `shapesense serve` over stdio."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.editor
HERE = Path(__file__).parent
EXAMPLES = HERE.parent.parent / "examples"


def run_neovim(tmp_path: Path, example: str, mode: str, **extra: str) -> dict:
    nvim = shutil.which("nvim")
    if nvim is None:
        if os.environ.get("CI"):
            pytest.fail("Neovim is required in CI (apt-get install neovim)")
        pytest.skip("Neovim is not installed")
    target = tmp_path / example
    shutil.copy(EXAMPLES / example, target)
    report = tmp_path / "report.json"
    env = dict(
        os.environ,
        SHAPESENSE_FILE=str(target),
        SHAPESENSE_MODE=mode,
        SHAPESENSE_REPORT=str(report),
        SHAPESENSE_PYTHON=sys.executable,
        **extra,
    )
    proc = subprocess.run(
        [nvim, "--headless", "--clean", "-u", str(HERE / "neovim_check.lua")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # hang guards (the waits inside: 120 s each), never a speed limit
    )
    data = json.loads(report.read_text()) if report.exists() else {}
    assert proc.returncode == 0, (proc.returncode, data, proc.stderr[-2000:])
    data["path"] = target
    return data


def test_squiggle_and_hover_on_seed_lstm(tmp_path: Path) -> None:
    data = run_neovim(tmp_path, "seed_lstm.py", "hover", SHAPESENSE_HOVER_AT="LSTM(")
    text = (EXAMPLES / "seed_lstm.py").read_text().splitlines()
    assert "model_rnn.fit(X_train_rnn_bad" in text[data["error_line"]]
    assert "(None, 20, 5)" in data["hover"]


def test_quick_fix_on_flattened_images(tmp_path: Path) -> None:
    data = run_neovim(tmp_path, "flattened_images.py", "fix")
    assert "reshape" in data["action"]
    fixed = data["path"].read_text()
    assert "model.fit(X.reshape(-1, 28, 28, 1), y, epochs=1)" in fixed
    check = subprocess.run(
        [sys.executable, "-m", "shapesense", "check", str(data["path"])],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout
