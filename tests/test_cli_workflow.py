"""Configuration files, which files a run reads, --python, stdin, --diff and --fix, through the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_cli import EXAMPLES, NOTEBOOK, check

SEED = EXAMPLES / "seed_lstm.py"
FLAT = EXAMPLES / "flattened_images.py"


def codes(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, str, int]]:
    rows = json.loads(proc.stdout)["diagnostics"]
    return [(Path(r["path"]).name, r["code"], r["line"]) for r in rows]


def test_pyproject_select_ignore_per_file_and_severity(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.shapesense]\nkeras-version = "2"\n'
        'per-file-ignores = { "tests/**" = ["SS102"] }\nseverity = { SS101 = "warning" }\n'
    )
    (tmp_path / "tests").mkdir()
    shutil.copy(SEED, tmp_path / "tests" / "test_seed.py")
    shutil.copy(SEED, tmp_path / "seed.py")
    shutil.copy(FLAT, tmp_path / "flat.py")
    proc = check("--output-format", "json", ".", cwd=tmp_path)
    assert codes(proc) == [("flat.py", "SS101", 14), ("seed.py", "SS102", 17)]
    severities = [r["severity"] for r in json.loads(proc.stdout)["diagnostics"]]
    assert severities == ["warning", "error"]
    assert f"Keras 2 (from keras-version in {tmp_path / 'pyproject.toml'})" in proc.stderr
    # shapesense.toml in a sub-folder wins there; the command line wins over both.
    (tmp_path / "tests" / "shapesense.toml").write_text('ignore = ["SS1"]\n')
    assert codes(check("--output-format", "json", ".", cwd=tmp_path))[-1][0] == "seed.py"
    cli = ("--select", "SS102", "--ignore", "SS110")
    assert codes(check("--output-format", "json", *cli, ".", cwd=tmp_path)) == [
        ("seed.py", "SS102", 17),
        ("test_seed.py", "SS102", 17),
    ]


def test_unknown_keys_and_bad_values_are_reported_with_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "shapesense.toml"
    config.write_text('select = ["SS1"]\n\nkeras_version = "3"\nignore = "SS110"\n')
    shutil.copy(SEED, tmp_path / "seed.py")
    proc = check("seed.py", cwd=tmp_path)
    assert f"{config}:3: unknown key `keras_version` (ignored)" in proc.stderr
    assert f"{config}:4: `ignore` should be a list of codes" in proc.stderr
    assert proc.returncode == 1  # the rest of the configuration still applies


def test_exclude_and_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.shapesense]\nextend-exclude = ["legacy_*.py"]\n'
    )
    for name in ("generated/a.py", "legacy_b.py", "ok.py", "sub/c.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(SEED, tmp_path / name)
    proc = check("--output-format", "json", cwd=tmp_path)  # no path: the current folder
    assert [name for name, _, _ in codes(proc)] == ["ok.py", "c.py"]
    # Named on the command line, an excluded file is checked, unless --force-exclude.
    assert codes(check("--output-format", "json", "legacy_b.py", cwd=tmp_path))
    forced = check("--force-exclude", "legacy_b.py", cwd=tmp_path)
    assert "legacy_b.py: skipped, excluded by the configuration" in forced.stderr
    (tmp_path / "pyproject.toml").write_text("[tool.shapesense]\nrespect-gitignore = false\n")
    assert len(codes(check("--output-format", "json", cwd=tmp_path))) == 4


def test_paths_that_are_not_python(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("hello")
    shutil.copy(SEED, tmp_path / "seed.py")
    proc = check("empty", "notes.txt", "gone.py", "seed.py", cwd=tmp_path)
    assert "shapesense: empty: no Python files or notebooks found" in proc.stderr
    assert "shapesense: notes.txt: skipped, not a Python file or notebook" in proc.stderr
    assert "shapesense: no such file or directory: gone.py" in proc.stderr
    assert "seed.py:17:15: error SS102" in proc.stdout  # the others are still checked
    assert proc.returncode == 2  # a path that does not exist is a usage error


def test_jobs_rejects_nonsense() -> None:
    for bad in ("-1", "many", "100000"):
        proc = check("--jobs", bad, str(SEED))
        assert proc.returncode == 2 and "--jobs" in proc.stderr, bad


def test_help_explains_options_exit_codes_and_rule_pages() -> None:
    proc = check("--help")
    assert proc.returncode == 0
    for needle in (
        "--output-format",
        "--python",
        "--fix",
        "--diff",
        "--stdin-filename",
        "exit status",
        "2  usage error",
        "rule pages:",
        "SSxxx.md",
        "noqa",
    ):
        assert needle in proc.stdout, needle


def _fake_environment(tmp_path: Path, package: str, version: str) -> Path:
    """A real venv (python -m venv) with one package's metadata installed by hand."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    (site,) = venv.glob("lib/python3*/site-packages")
    info = site / f"{package.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n")
    return venv / "bin" / "python"


def test_python_decides_the_keras_version_and_the_run_says_so(tmp_path: Path) -> None:
    python = _fake_environment(tmp_path, "keras", "2.15.0")
    proc = check("--python", str(python), str(SEED))
    assert "checking against Keras 2 (keras 2.15.0 in " in proc.stderr
    assert "(--python))" in proc.stderr
    assert 'Input 0 of layer "sequential" is incompatible' in proc.stdout  # Keras 2's words
    # The same from the configuration file, relative to it.
    (tmp_path / "shapesense.toml").write_text('python = "venv/bin/python"\n')
    shutil.copy(SEED, tmp_path / "seed.py")
    proc = check("seed.py", cwd=tmp_path)
    assert "checking against Keras 2 (keras 2.15.0" in proc.stderr
    assert f"python in {tmp_path / 'shapesense.toml'}" in proc.stderr


def test_nothing_installed_is_said_and_a_bad_python_is_a_usage_error(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "v")], check=True)
    proc = check("--python", str(tmp_path / "v" / "bin" / "python"), str(SEED))
    assert "Keras 3 (assumed: no keras, tensorflow or tf-keras installed in" in proc.stderr
    bad = check("--python", str(tmp_path / "nope"), str(SEED))
    assert bad.returncode == 2 and "--python: no Python interpreter at" in bad.stderr


def test_debian_dist_packages_and_pyenv_shims_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pyenv's own shims export PYENV_VERSION to what they run (pytest included): the user's
    # shell does not, so the test starts without it.
    monkeypatch.delenv("PYENV_VERSION", raising=False)
    from shapesense.keras.interpreter import search_path

    debian = Path("/usr/bin/python3")
    if debian.exists() and Path("/usr/lib/python3/dist-packages").is_dir():
        assert "/usr/lib/python3/dist-packages" in search_path(str(debian))[1]
    # A pyenv layout: the shim is a script; the version comes from .python-version.
    root = tmp_path / "pyenv"
    (root / "shims").mkdir(parents=True)
    (root / "shims" / "python").write_text("#!/bin/sh\nexit 1\n")
    site = root / "versions" / "3.12.1" / "lib" / "python3.12" / "site-packages"
    site.mkdir(parents=True)
    (root / "versions" / "3.12.1" / "bin").mkdir()
    (root / "versions" / "3.12.1" / "bin" / "python").write_text("")
    project = tmp_path / "project"
    project.mkdir()
    (project / ".python-version").write_text("3.12.1\n")
    exe, paths = search_path(str(root / "shims" / "python"), str(project))
    assert exe == str(root / "versions" / "3.12.1" / "bin" / "python") and paths == [str(site)]


def test_stdin_with_a_filename(tmp_path: Path) -> None:
    (tmp_path / "shapesense.toml").write_text('keras-version = "2"\n')
    cmd = [sys.executable, "-m", "shapesense", "check", "-", "--stdin-filename", "pipe.py"]
    proc = subprocess.run(
        cmd, input=SEED.read_text(), capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert proc.returncode == 1 and proc.stdout.startswith("pipe.py:17:15: error SS102")
    assert "Keras 2 (from keras-version in" in proc.stderr


def test_diff_then_fix(tmp_path: Path) -> None:
    target = tmp_path / "flat.py"
    shutil.copy(FLAT, target)
    before = target.read_text()
    diff = check("--diff", "flat.py", cwd=tmp_path)
    assert diff.returncode == 1 and target.read_text() == before
    assert diff.stdout.startswith("--- a/flat.py\n+++ b/flat.py\n")
    assert "+model.fit(X.reshape(-1, 28, 28, 1), y, epochs=1)" in diff.stdout
    fixed = check("--fix", "flat.py", cwd=tmp_path)
    assert fixed.returncode == 0 and "0 errors left" in fixed.stderr
    assert "X.reshape(-1, 28, 28, 1)" in target.read_text()
    assert check("flat.py", cwd=tmp_path).returncode == 0


def test_fix_on_stdin_prints_the_fixed_text() -> None:
    cmd = [sys.executable, "-m", "shapesense", "check", "--fix", "-"]
    proc = subprocess.run(cmd, input=FLAT.read_text(), capture_output=True, text=True, timeout=60)
    assert "model.fit(X.reshape(-1, 28, 28, 1), y, epochs=1)" in proc.stdout


def test_notebook_fix_in_another_cell_is_kept_in_json(tmp_path: Path) -> None:
    path = tmp_path / "train.ipynb"
    path.write_text(json.dumps(NOTEBOOK))
    (diag,) = json.loads(check("--output-format", "json", str(path)).stdout)["diagnostics"]
    (fix,) = diag["fixes"]
    assert fix["edits"][0]["cell"] == 3 and fix["edits"][0]["new_text"] == "(20, 3)"


def test_fix_in_a_notebook_changes_only_cell_sources(tmp_path: Path) -> None:
    notebook = json.loads(json.dumps(NOTEBOOK))
    notebook["cells"][1]["source"] = ["# Le modèle"]
    notebook["cells"][0]["outputs"] = [
        {"output_type": "stream", "name": "stdout", "text": ["ok\n"]}
    ]
    notebook["metadata"] = {"kernelspec": {"name": "python3", "display_name": "Python 3"}}
    path = tmp_path / "train.ipynb"
    before = json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"  # as Jupyter writes it
    path.write_text(before, encoding="utf-8")
    diff = check("--diff", "train.ipynb", cwd=tmp_path)
    assert diff.returncode == 1 and path.read_text(encoding="utf-8") == before
    assert "(20, 3)" in diff.stdout
    fixed = check("--fix", "train.ipynb", cwd=tmp_path)
    assert fixed.returncode == 0 and "0 errors left" in fixed.stderr, fixed.stderr
    after = path.read_text(encoding="utf-8")
    cells = json.loads(after)["cells"]
    assert "    tf.keras.layers.LSTM(32, input_shape=(20, 3)),\n" in cells[2]["source"]
    # Everything but the fixed cell's source is as it was, down to the bytes of the JSON.
    for cell, original in zip(cells, notebook["cells"], strict=True):
        if cell["source"] != original["source"]:
            cell["source"] = original["source"]
    restored = json.loads(after)
    restored["cells"] = cells
    assert json.dumps(restored, indent=1, ensure_ascii=False) + "\n" == before
    assert check("train.ipynb", cwd=tmp_path).returncode == 0


def test_a_python_named_by_the_repository_is_never_run(tmp_path: Path) -> None:
    sentinel = tmp_path / "SENTINEL"
    evil = tmp_path / "bin" / "python"
    evil.parent.mkdir()
    evil.write_text(f"#!/bin/sh\ntouch {sentinel}\n")
    evil.chmod(0o755)
    (tmp_path / "shapesense.toml").write_text('python = "bin/python"\n')
    shutil.copy(SEED, tmp_path / "seed.py")
    proc = check("seed.py", cwd=tmp_path)
    assert proc.returncode == 1 and not sentinel.exists()
    assert f"(python in {tmp_path / 'shapesense.toml'})" in proc.stderr


def test_fix_of_a_list_given_to_from_tensor_slices(tmp_path: Path) -> None:
    """tests/corpus/programs/tfdata/from_tensor_slices_list_not_tuple.py: tf.data stacks a list
    into one tensor (SS402 at that line); --fix writes the tuple, and the file then checks clean."""
    corpus = Path(__file__).parent / "corpus" / "programs" / "tfdata"
    shutil.copy(corpus / "from_tensor_slices_list_not_tuple.py", tmp_path / "pipeline.py")
    found = check("pipeline.py", cwd=tmp_path)
    assert found.returncode == 1 and found.stdout.startswith("pipeline.py:10:12: error SS402")
    assert "features (100, 4) and labels (100,)" in found.stdout
    fixed = check("--fix", "pipeline.py", cwd=tmp_path)
    assert fixed.returncode == 0 and "0 errors left" in fixed.stderr
    assert "from_tensor_slices((features, labels))" in (tmp_path / "pipeline.py").read_text()


def test_fix_of_sparse_labels(tmp_path: Path) -> None:
    """SS205 (the rule page's example): --fix passes the labels as an array, and the file then
    checks clean."""
    from shapesense.rules import rule_page

    page = rule_page("SS205").read_text(encoding="utf-8")
    broken = page.split("```python\n")[1].split("```")[0]
    (tmp_path / "labels.py").write_text(broken)
    found = check("labels.py", cwd=tmp_path)
    assert found.returncode == 1 and found.stdout.startswith("labels.py:10:14: error SS205")
    fixed = check("--fix", "labels.py", cwd=tmp_path)
    assert fixed.returncode == 0 and "0 errors left" in fixed.stderr
    assert "model.fit(x, y.toarray())" in (tmp_path / "labels.py").read_text()
