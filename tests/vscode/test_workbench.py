"""The extension in the real VS Code workbench (code-server 4.100.3 + headless Chromium).

Runs tests/vscode/setup.sh (registry installs only), builds the .vsix with `npm ci && npm run
package`, checks what the package holds, installs it and drives the workbench with
playwright-core (workbench.mjs lists the steps). Screenshots of every step land in
test-output/vscode/; README.md and client/README.md show some of them (docs/images/).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
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
    with zipfile.ZipFile(vsix) as package:
        names = package.namelist()
        readme = package.read("extension/readme.md").decode()
    assert len(names) < 400, len(names)
    # the bundled libraries and the checker (about 3.0 MB unpacked on 2026-12-02, as the
    # catalog grew): the bound catches node_modules, .tools or tests slipping in (tens of MB)
    assert sum(info.file_size for info in zipfile.ZipFile(vsix).infolist()) < 4_000_000
    assert not [n for n in names if "jedi" in n or "parso" in n or n.endswith((".map", ".pyc"))]
    assert "extension/client/images/icon.png" in names and "extension/changelog.md" in names
    assert "## Settings" in readme and "](docs/" not in readme  # links made absolute
    # The workbench is driven through its UI: a keystroke that lands before the editor has focus
    # fails a step by timing, not by the extension. One more run is allowed, and printed; the
    # second run must pass every step.
    for attempt in (1, 2):
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
                str(ROOT),
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
        print(f"workbench run {attempt}:", "\n".join(steps), sep="\n")
        if proc.returncode == 0:
            break
    assert proc.returncode == 0, "\n".join(steps) + proc.stderr[-3000:]
    assert len([s for s in steps if s.startswith("ok - ")]) == 9
    for shot in (
        "1-squiggle.png",
        "3-hover.png",
        "5-fixed.png",
        "6-notebook.png",
        "7-language-status.png",
        "9-module-edited.png",
        "10-readme.png",
        "11-multi-root-keras2.png",
        "12-multi-root-keras3.png",
        "14-restricted-mode.png",
    ):
        assert (OUT / shot).stat().st_size > 10_000
