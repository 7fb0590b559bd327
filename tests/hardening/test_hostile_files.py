"""Hostile files through `shapesense check`, as the hostile-input campaign found them (issue 14).

Each test creates its files, runs the real CLI in a subprocess, and holds: no traceback, one
finding on the bad file that tells the truth, the other files still checked, and the exit status
the README promises (1 when an error is reported). The subprocess timeout is a hang guard only.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# A model fed data of the wrong width: the error that must still be found next to hostile input.
WRONG_WIDTH = (
    "import numpy as np\n"
    "import keras\n"
    "m = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])\n"
    "m.fit(np.zeros((8, 5)), np.zeros(8))\n"
)
FIT_LINE = 4  # 1-based line of the fit call in WRONG_WIDTH


def check(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("shapesense", path=str(Path(sys.executable).parent))  # the installed entry point, as users run it
    base = [exe] if exe else [sys.executable, "-m", "shapesense"]
    cmd = [*base, "check", "--keras-version", "3", *args]
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}
    )


def findings(proc: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert "Traceback" not in proc.stderr, proc.stderr
    diagnostics: list[dict[str, object]] = json.loads(proc.stdout)["diagnostics"]
    return diagnostics


def codes_at(diagnostics: list[dict[str, object]], name: str) -> list[tuple[object, object]]:
    return [(d["code"], d["line"]) for d in diagnostics if str(d["path"]).endswith(name)]


def test_a_2200_digit_literal_is_checked_with_the_rest_of_the_file(tmp_path: Path) -> None:
    big = "9" * 2200  # valid Python; str() of a product of two of them raises ValueError
    (tmp_path / "big.py").write_text(
        f"units = {big}\nimport keras\nkeras.Sequential([keras.Input(shape=({big},)), keras.layers.Dense({big})])\n"
        + WRONG_WIDTH
    )
    proc = check("--format", "json", str(tmp_path / "big.py"))
    assert codes_at(findings(proc), "big.py") == [("SS102", FIT_LINE + 3)]
    assert proc.returncode == 1


def test_a_4000_hex_digit_shape_does_not_hide_the_real_error(tmp_path: Path) -> None:
    (tmp_path / "hex.py").write_text(
        f"import numpy as np\nx = np.zeros((0x{'f' * 4000}, 3))\nprint(x.shape)\n" + WRONG_WIDTH
    )
    proc = check("--format", "json", str(tmp_path / "hex.py"))
    assert codes_at(findings(proc), "hex.py") == [("SS102", FIT_LINE + 3)]
    assert proc.returncode == 1


def test_a_deeply_nested_notebook_is_one_finding_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "deep.ipynb").write_text('{"cells": ' + "[" * 2000 + "]" * 2000 + "}")
    assert (tmp_path / "deep.ipynb").stat().st_size < 4200
    (tmp_path / "wrong.py").write_text(WRONG_WIDTH)
    proc = check("--format", "json", str(tmp_path))
    diagnostics = findings(proc)
    assert codes_at(diagnostics, "deep.ipynb") == [("SS004", 1)]
    assert "nested too deeply" in str(diagnostics[0]["message"])
    assert codes_at(diagnostics, "wrong.py") == [("SS102", FIT_LINE)]
    assert proc.returncode == 1


def test_a_symlink_loop_is_unreadable_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.py").symlink_to(tmp_path / "b.py")
    (tmp_path / "b.py").symlink_to(tmp_path / "a.py")
    (tmp_path / "up").symlink_to(tmp_path)  # a directory loop: not followed
    (tmp_path / "wrong.py").write_text(WRONG_WIDTH)
    proc = check(str(tmp_path))
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    for name in ("a.py", "b.py"):
        assert (
            f"{tmp_path / name}:1:1: error SS002 Cannot read file: Too many levels of symbolic links"
            in lines
        )
    assert any(line.startswith(f"{tmp_path / 'wrong.py'}:4:7: error SS102") for line in lines)
    assert lines[-1] == "Checked 3 files: 3 errors, 0 other findings."
    assert proc.returncode == 1


def test_a_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.py")  # opened for reading, it would wait for a writer forever
    (tmp_path / "ok.py").write_text("x = 1\n")
    proc = check(str(tmp_path))
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.stdout.splitlines() == [
        f"{tmp_path / 'x.py'}:1:1: warning SS002 Not a regular file (a FIFO): not checked",
        "Checked 2 files: 0 errors, 1 other finding.",
    ]
    assert proc.returncode == 0  # a warning: nothing in the user's code is wrong


def test_a_symlink_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "z.py").symlink_to("/dev/zero")  # a read would never end
    proc = check(str(tmp_path / "z.py"))
    assert proc.stdout.splitlines()[0] == (
        f"{tmp_path / 'z.py'}:1:1: warning SS002 Not a regular file (a character device): not checked"
    )
    assert proc.returncode == 0


def test_what_is_read_is_capped_and_said(tmp_path: Path) -> None:
    from shapesense.files import MAX_FILE_BYTES

    with open(tmp_path / "huge.py", "wb") as huge:  # sparse: costs no disk
        huge.truncate(MAX_FILE_BYTES + 1)
    (tmp_path / "wrong.py").write_text(WRONG_WIDTH)
    proc = check(str(tmp_path))
    lines = proc.stdout.splitlines()
    assert (
        f"{tmp_path / 'huge.py'}:1:1: error SS002 File is larger than 10 MB: not checked" in lines
    )
    assert any(line.startswith(f"{tmp_path / 'wrong.py'}:4:7: error SS102") for line in lines)
    assert proc.returncode == 1


def test_a_non_utf8_file_name_with_a_strict_ascii_stdout(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.py")  # not UTF-8: decoded with surrogate escapes
    (tmp_path / name).write_text(WRONG_WIDTH)
    for output in ("text", "json", "sarif"):
        proc = check("--format", output, str(tmp_path), env={"PYTHONIOENCODING": "ascii:strict"})
        assert "Traceback" not in proc.stderr, proc.stderr
        # SARIF names files by file:// URI, whose bytes are percent-encoded.
        assert ("caf%E9.py" if output == "sarif" else "caf\\udce9.py") in proc.stdout
        assert proc.returncode == 1
    text = check(str(tmp_path), env={"PYTHONIOENCODING": "ascii:strict"}).stdout
    assert text.startswith(f"{tmp_path}/caf\\udce9.py:4:7: error SS102")


@pytest.mark.parametrize(
    "text, place",
    [
        (WRONG_WIDTH.replace("import keras\n", "import keras  # a\0b\n"), (2, 18)),
        ("x = '''a\0\nb'''\n" + WRONG_WIDTH, (1, 9)),
    ],
    ids=["in-a-comment", "in-a-string"],
)
def test_a_nul_byte_is_reported_where_it_is_and_the_rest_is_checked(
    tmp_path: Path, text: str, place: tuple[int, int]
) -> None:
    """Python refuses a file with a NUL byte. Before: the whole file went unchecked while the
    message said the rest was checked. Now the line is cut at the NUL and the rest is checked."""
    (tmp_path / "nul.py").write_text(text)
    proc = check("--format", "json", str(tmp_path / "nul.py"))
    first, *rest = findings(proc)
    assert (first["code"], first["line"], first["column"]) == ("SS001", *place)
    assert first["message"] == (
        "Syntax error: source code cannot contain null bytes. The rest of the file is still checked."
    )
    assert [d["code"] for d in rest] == ["SS102"]  # ... and it is
    assert proc.returncode == 1


def test_a_pep263_latin1_file_is_read_as_python_reads_it(tmp_path: Path) -> None:
    text = "# -*- coding: latin-1 -*-\ns = 'café'\n" + WRONG_WIDTH
    (tmp_path / "latin.py").write_bytes(text.encode("latin-1"))
    proc = check("--format", "json", str(tmp_path / "latin.py"))
    assert codes_at(findings(proc), "latin.py") == [("SS102", FIT_LINE + 2)]
    assert proc.returncode == 1


def test_a_wrong_coding_declaration_is_not_checked_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "bogus.py").write_bytes(b"# coding: no-such-codec\nx = 1\n")
    (tmp_path / "undeclared.py").write_bytes("x = 'caf\xe9'\n".encode("latin-1"))
    proc = check(str(tmp_path))
    lines = proc.stdout.splitlines()
    assert any("bogus.py:1:1: error SS003 unknown encoding" in line for line in lines), lines
    assert (
        f"{tmp_path / 'undeclared.py'}:1:1: error SS003 File is not valid UTF-8 (byte 8): not checked"
        in lines
    )
    assert proc.returncode == 1
