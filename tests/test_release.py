"""One version for the Python package and the extension; PyPI-ready metadata (sdist and wheel
built and checked with twine); the pre-commit hook run by pre-commit itself.

The last two need PyPI (an isolated build, the hook's own environment): marked `packaging`,
run by .ci/run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import shapesense

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def test_one_version_everywhere() -> None:
    package = json.loads((ROOT / "package.json").read_text())
    assert package["version"] == shapesense.__version__
    assert f"--out shapesense-{shapesense.__version__}.vsix" in package["scripts"]["package"]
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"## [{shapesense.__version__}]" in changelog
    # pyproject.toml takes the version from shapesense.__version__, nowhere else.
    assert re.search(r'^dynamic = \["version"\]', (ROOT / "pyproject.toml").read_text(), re.M)


@pytest.mark.packaging
def test_sdist_and_wheel_pass_twine_check(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    built = sorted(out.iterdir(), key=lambda p: p.suffix)  # the sdist (.gz), the wheel (.whl)
    assert [p.suffix for p in built] == [".gz", ".whl"], built
    twine = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, built)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert twine.returncode == 0, twine.stdout + twine.stderr
    with zipfile.ZipFile(built[1]) as wheel:
        names = wheel.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = wheel.read(metadata).decode()
    assert f"Version: {shapesense.__version__}" in meta
    assert "License-Expression: MIT" in meta and "Project-URL: Repository," in meta
    assert "shapesense/docs/rules/SS108.md" in names and any(n.endswith("LICENSE") for n in names)


@pytest.mark.packaging
def test_pre_commit_hook(tmp_path: Path) -> None:
    """`pre-commit try-repo` installs the hook from this repository into its own environment
    and runs it on a project's files: a bad notebook and script fail it, a clean one passes."""
    project = tmp_path / "project"
    project.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    shutil.copy(EXAMPLES / "seed_lstm.py", project / "seed.py")
    (project / "notes.txt").write_text("not python\n")
    subprocess.run(["git", "add", "."], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=project, check=True)
    env = {**__import__("os").environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(ROOT),
                "shapesense",
                "--all-files",
            ],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=1200,
            env=env,
        )

    run = try_repo()
    assert run.returncode == 1, run.stdout + run.stderr
    assert "seed.py:17:15: error SS102" in run.stdout
    (project / "seed.py").write_text("x = 1\n")
    subprocess.run([*git, "commit", "-qam", "fixed"], cwd=project, check=True)
    run = try_repo()
    assert run.returncode == 0, run.stdout + run.stderr
