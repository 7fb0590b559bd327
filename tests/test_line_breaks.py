"""One line-break rule everywhere: `\\n`, `\\r\\n` and `\\r`, as LSP and Python's tokenizer have it.

`str.splitlines` also breaks at the characters below; one of them in a comment, a string or code
above a bad `fit` shifted its columns in the CLI, garbled its message ("`, ` has shape ...") and
dropped its quick fix (issue 14). Checked here through the CLI; `tests/lsp/test_line_breaks.py`
holds the server, incremental edits included.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from shapesense import analyze
from shapesense.lines import split_lines, split_lines_keepends

# Every character str.splitlines breaks at that LSP and Python's tokenizer do not.
ODD_BREAKS = {
    "form-feed": "\x0c",
    "vertical-tab": "\x0b",
    "file-separator": "\x1c",
    "group-separator": "\x1d",
    "record-separator": "\x1e",
    "next-line": "\x85",
    "line-separator": "\u2028",
    "paragraph-separator": "\u2029",
}
BAD_DATA = "np.zeros((8, 5))"


def program(char: str) -> str:
    """A wrong-width fit below `char` in a comment, a string and code, and on the fit's own line."""
    return (
        f"# a comment with {char} inside\n"
        "import numpy as np\n"
        "import keras\n"
        f"y = 1{char}\n"  # code: Python's own syntax error, except for a form feed
        f"note = 'a string with {char} inside'\n"
        "m = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])\n"
        f"s = '{char}'; m.fit({BAD_DATA}, np.zeros(8))  # {char}\n"
    )


def apply_as_an_editor(text: str, edits: list[dict[str, object]]) -> str:
    """1-based line/column edits applied to lines split at \\n only (this program has no other)."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e["line"], e["column"]), reverse=True):
        first, last = int(edit["line"]) - 1, int(edit["end_line"]) - 1  # type: ignore[call-overload]
        head = lines[first][: int(edit["column"]) - 1]  # type: ignore[call-overload]
        tail = lines[last][int(edit["end_column"]) - 1 :]  # type: ignore[call-overload]
        lines[first : last + 1] = (head + str(edit["new_text"]) + tail).split("\n")
    return "\n".join(lines)


def test_the_helper_splits_only_at_lsp_line_breaks() -> None:
    text = "a\x0cb\r\nc\u2028d\re\x85f\n\ng"
    assert split_lines(text) == ["a\x0cb", "c\u2028d", "e\x85f", "", "g"]
    assert split_lines_keepends(text) == ["a\x0cb\r\n", "c\u2028d\r", "e\x85f\n", "\n", "g"]
    for plain in ("", "a", "a\n", "a\r\nb\r\n", "\n\n", "a\rb"):
        assert split_lines(plain) == plain.splitlines()
        assert split_lines_keepends(plain) == plain.splitlines(keepends=True)


def test_positions_messages_and_fixes_through_the_cli(tmp_path: Path) -> None:
    for name, char in ODD_BREAKS.items():
        (tmp_path / f"{name}.py").write_text(program(char))
    exe = shutil.which("shapesense", path=str(Path(sys.executable).parent))
    base = [exe] if exe else [sys.executable, "-m", "shapesense"]
    proc = subprocess.run(
        [*base, "check", "--keras-version", "3", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard only
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    by_file: dict[str, list[dict[str, object]]] = {}
    for diagnostic in json.loads(proc.stdout)["diagnostics"]:
        by_file.setdefault(Path(diagnostic["path"]).stem, []).append(diagnostic)
    for name, char in ODD_BREAKS.items():
        text = program(char)
        fit_line = text.split("\n")[6]
        column = fit_line.index(BAD_DATA) + 1
        found = by_file[name]
        syntax = [(d["code"], d["line"], d["column"]) for d in found if d["code"] == "SS001"]
        assert syntax == ([] if char == "\x0c" else [("SS001", 4, 6)]), name
        (error,) = [d for d in found if d["code"] == "SS102"]
        place = (error["line"], error["column"], error["end_line"], error["end_column"])
        assert place == (7, column, 7, column + len(BAD_DATA)), name
        assert str(error["message"]).startswith(
            "Layer 'dense' (Dense) of model 'sequential' expects input (None, 4), but receives (8, 5)"
        ), name
        fixes = error["fixes"]
        assert isinstance(fixes, list) and fixes, f"{name}: the quick fix was dropped"
        fixed = apply_as_an_editor(text, fixes[0]["edits"])
        assert "SS102" not in [f.code for f in analyze(fixed).findings], (name, fixed)


def test_fix_writes_each_edit_on_its_line(tmp_path: Path) -> None:
    """`check --fix` applied edits to lines split with str.splitlines: below a form feed the
    new input shape went one line too high."""
    for name, char in ODD_BREAKS.items():
        (tmp_path / f"{name}.py").write_text(program(char).replace(f"y = 1{char}\n", ""))
    exe = shutil.which("shapesense", path=str(Path(sys.executable).parent))
    base = [exe] if exe else [sys.executable, "-m", "shapesense"]
    proc = subprocess.run(
        [*base, "check", "--keras-version", "3", "--fix", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard only
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    for name, char in ODD_BREAKS.items():
        before = program(char).replace(f"y = 1{char}\n", "")
        after = (tmp_path / f"{name}.py").read_text()
        assert after == before.replace("shape=(4,)", "shape=(5,)"), name


def test_a_suppression_goes_on_the_line_it_names() -> None:
    from shapesense.suppress import disable_edit

    for name, char in ODD_BREAKS.items():
        text = program(char)
        edit = disable_edit(text, 6, "SS102")
        assert edit is not None, name
        line = text.split("\n")[6]
        place = (edit.span.line, edit.span.column, edit.span.end_column)
        assert place == (6, len(line.rstrip()), len(line)), name


# Where str.splitlines is right: text that is not source positions.
SPLITLINES_ALLOWED = {
    "output/text.py",  # the first line of a message
    "discover.py",  # .gitignore patterns
    "keras/interpreter.py",  # pyvenv.cfg
    "lsp/documents.py",  # names pygls's use of it, in its docstring
}


def test_no_other_line_split_in_the_server() -> None:
    """Code that came later used str.splitlines on source again (--fix, suppressions): each
    split of source text goes through lines.py."""
    server = Path(__file__).resolve().parent.parent / "server" / "shapesense"
    offenders = []
    for path in sorted(server.rglob("*.py")):
        name = path.relative_to(server).as_posix()
        if name in SPLITLINES_ALLOWED or name == "lines.py":
            continue
        for number, line in enumerate(path.read_text().split("\n"), 1):
            code = line.split("#")[0]
            if ".splitlines(" in code:
                offenders.append(f"{name}:{number}: {line.strip()}")
    assert offenders == []
