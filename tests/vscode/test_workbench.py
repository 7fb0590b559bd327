"""The extension in the real VS Code workbench (code-server 4.100.3 + headless Chromium).

Runs tests/vscode/setup.sh (registry installs only), builds the .vsix with `npm ci && npm run
package`, installs it and drives the workbench with playwright-core. Screenshots of every
step land in test-output/vscode/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.vscode
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test-output" / "vscode"


def run(*cmd: str, **kwargs: object) -> None:
    subprocess.run(cmd, cwd=ROOT, check=True, **kwargs)  # type: ignore[call-overload]


def test_extension_in_the_workbench() -> None:
    if shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("Node is required for the workbench test")
        pytest.skip("Node is not installed")
    tools = (
        subprocess.run(
            ["bash", str(ROOT / "tests" / "vscode" / "setup.sh")],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    vsix = ROOT / "shapesense-0.1.0.vsix"
    run("npm", "ci", "--no-audit", "--no-fund")
    run("npm", "run", "package", env=dict(os.environ, PYTHON=sys.executable))
    assert vsix.exists()
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    proc = subprocess.run(
        [
            "node",
            str(ROOT / "tests" / "vscode" / "workbench.mjs"),
            tools,
            str(vsix),
            sys.executable,
            str(OUT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    steps = [
        line
        for line in proc.stdout.splitlines() + proc.stderr.splitlines()
        if line.startswith(("ok - ", "not ok - "))
    ]
    print("\n".join(steps))
    assert proc.returncode == 0, "\n".join(steps) + proc.stderr[-3000:]
    assert len([s for s in steps if s.startswith("ok - ")]) == 4
    for shot in ("1-squiggle.png", "3-hover.png", "5-fixed.png", "6-notebook.png"):
        assert (OUT / shot).stat().st_size > 10_000
