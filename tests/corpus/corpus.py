"""The corpus: programs in real users' style, and how ShapeSense's findings on them are judged.

Each program `programs/<topic>/<name>.py` (or `.ipynb`) may have a sibling `<name>.files.py`
that makes, in a fresh temporary folder, the files the program reads. ShapeSense checks only
the program, in that folder, as `shapesense check` would; real Keras runs it there
(`tests/corpus/run.py`). `truth.json` holds what real Keras did.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from shapesense import Options, analyze
from shapesense.coverage import per_call
from shapesense.findings import CallInfo, Reason
from shapesense.keras.versions import KerasVersion
from shapesense.notebooks import Notebook
from shapesense.resolve import ProjectResolver

HERE = Path(__file__).parent
PROGRAMS = HERE / "programs"
TRUTH = HERE / "truth.json"
SETUP_SUFFIX = ".files.py"
HEADER = re.compile(r"^#\s*(Reproduces|Style|Intent):\s*(.*)$", re.M)


@dataclass(frozen=True)
class Program:
    name: str  # path under programs/, e.g. "pandas/read_csv_values.py"
    path: Path
    source: str  # for a notebook: its code cells as one program, as ShapeSense reads them
    setup: str | None  # the sibling files script, if any
    header: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def broken(self) -> bool:
        return not self.header.get("Intent", "").strip().lower().startswith("works")


def load_programs(root: Path = PROGRAMS) -> list[Program]:
    programs = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".py", ".ipynb") or path.name.endswith(SETUP_SUFFIX):
            continue
        text = path.read_text(encoding="utf-8")
        source = Notebook.from_json(text).source if path.suffix == ".ipynb" else text
        setup_path = path.with_name(path.stem + SETUP_SUFFIX)
        setup = setup_path.read_text(encoding="utf-8") if setup_path.exists() else None
        header = {key: value.strip() for key, value in HEADER.findall(source)}
        programs.append(Program(path.relative_to(root).as_posix(), path, source, setup, header))
    return programs


def load_truth(path: Path = TRUTH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def make_files(program: Program, folder: Path) -> None:
    """Run the program's files script in `folder` (our own test code, on purpose)."""
    if program.setup is None:
        return
    home = os.getcwd()
    os.chdir(folder)
    try:
        exec(compile(program.setup, str(program.path), "exec"), {"__name__": "__main__"})
    finally:
        os.chdir(home)


# Misses no call explains (codes of the report only, not of the product).
CHECKED_NOT_MODELLED = "checked-not-modelled"  # the call was checked; this error is not modelled
NOT_AT_A_CALL = "not-at-a-call"  # raised while building the model, or in numpy, sklearn...


@dataclass
class Judgement:
    program: Program
    keras: int
    truth: dict
    errors: list[tuple[int, str, str]]  # (1-based line, code, message) of each SS error
    checked_lines: list[int]  # 1-based lines of the fit/evaluate/predict calls SS checked
    verdict: str  # caught / missed / false-error / clean
    call_infos: list[CallInfo] = field(default_factory=list)  # one per call ShapeSense found
    keras_lines: list[str] = field(default_factory=list)  # each error's Keras line, as `errors`

    @property
    def calls(self) -> list[list[int]]:
        return self.truth.get("calls", [])

    @property
    def calls_checked(self) -> int:
        return sum(any(a <= line <= b for line in self.checked_lines) for a, b in self.calls)

    def reason(self) -> Reason | None:
        """Why ShapeSense was silent where Keras raised: the reason it gives for the call on
        Keras's traceback (the outermost statement first); else why no call explains it."""
        if not self.truth.get("raised"):
            return None
        statements = self.truth.get("statements") or []
        for first, last in statements:
            for call in self.call_infos:
                if first <= call.span.line + 1 <= last:
                    if call.status != "checked" and call.reasons:
                        return call.reasons[0]
                    what = f"`{call.name}` was checked: ShapeSense does not model this {self.truth.get('type')}"
                    return Reason(CHECKED_NOT_MODELLED, what, call.span)
        what = f"Keras raised at line {self.truth.get('line')}, not in a fit/evaluate/predict call ShapeSense follows"
        return Reason(NOT_AT_A_CALL, what)


def _checked(trace: tuple[str, ...]) -> bool:
    """A call counts as checked when ShapeSense knew both the data and what the model takes:
    its hover shows x (or each input) against the model's input."""
    return any(line.startswith(("x `", "input ")) and " → " in line for line in trace)


def _within(line: int, statements: list[list[int]]) -> bool:
    return any(a <= line <= b for a, b in statements)


def judge(program: Program, keras: int, truth: dict) -> Judgement:
    """ShapeSense on one program in one Keras version, against what real Keras did there."""
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        folder = Path(tmp)
        make_files(program, folder)
        copy = folder / program.path.name
        copy.write_text(program.path.read_text(encoding="utf-8"), encoding="utf-8")
        options = Options(KerasVersion(keras), ProjectResolver(str(copy), str(folder)))
        analysis = analyze(program.source, options)
    errors = [
        (f.span.line + 1, f.code, f.message) for f in analysis.findings if f.severity == "error"
    ]
    checked = [call.span.line + 1 for call in analysis.calls if _checked(call.trace)]
    infos = per_call(analysis.calls)
    if not truth.get("raised"):
        verdict = "false-error" if errors else "clean"
    elif not errors:
        verdict = "missed"
    else:
        statements = truth.get("statements") or []
        right_place = all(_within(line, statements) for line, _, _ in errors)
        verdict = "caught" if right_place else "false-error"
    keras_lines = [f.keras_message for f in analysis.findings if f.severity == "error"]
    return Judgement(program, keras, truth, errors, checked, verdict, infos, keras_lines)
