"""Incremental analysis must equal a fresh analysis, after every edit of every kind.

An `Analyzer` keeps the previous version's parse and statement journals; these tests edit
programs at random (seeded) the way people type and undo, and after each edit compare its
result with `analyze` on the same text, field by field: findings and their fixes, layer
tables, hover symbols, call summaries, model summaries.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import gc
import pickle
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from shapesense import Options, analyze, replay
from shapesense.analysis import Analyzer
from shapesense.cancel import Cancelled, Token
from shapesense.ipython_syntax import to_python
from shapesense.keras.versions import KERAS_2, KERAS_3
from shapesense.reparse import (
    _common_prefix,
    _common_suffix,
    _piece,
    parse_reusing,
    text_ranges,
)
from shapesense.source import Parsed, SourceText, node_lines

from bench.workload import script
from tests.cases import PROGRAM_CASES, PROGRAM_HEAD
from tests.oracle.generator import generate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def narrowed_looks_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replaying a journal looks only at the inputs that may differ from the previous run's
    at that point (replay.Changes); in every test here, each such answer must be the answer of
    looking at all of its inputs."""
    full = replay.can_replay

    def both(
        interp: Any, journal: Any, max_calls: int, changes: replay.Changes | None = None
    ) -> bool:
        answer = full(interp, journal, max_calls, changes)
        if changes is not None:
            assert answer == full(interp, journal, max_calls), (journal.node.lineno, changes)
        return answer

    monkeypatch.setattr(replay, "can_replay", both)

# Programs written to reach what a journal must capture: models changed by later statements,
# functions called by name and through lists, branches, loops, automatic layer names, Input
# tensors, the functional API, numpy imported late, decorators, semicolons and a docstring.
TRICKY = '''"""Docstring: fixes that add an import go after it."""
import keras
from keras import layers
L = layers


def build(units, dims=8):
    m = keras.Sequential([keras.Input(shape=(dims,)), L.Dense(units), L.Dense(3)])
    m.compile(loss="categorical_crossentropy")
    return m


def train(m, x, y):
    m.fit(x, y)
    return m


model = keras.Sequential()
model.add(L.Dense(16, input_shape=(8,)))
model.add(L.Dense(3, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
import numpy as np
X = np.random.rand(64, 8)
y = np.random.randint(0, 3, 64)
model.fit(X, y); model.evaluate(X, y)
model.compile(loss="categorical_crossentropy")
model.fit(X, y)
other = build(4)
train(other, X, keras.utils.to_categorical(y, 3))
steps = [build, train]
for f in steps:
    f(other, X, y)
if X.shape[0] > 10:
    Z = X.reshape(-1, 4, 2)
else:
    Z = X
batches = []
for i in range(3):
    batches.append(X[i])
del batches
inp = keras.Input(shape=(8,))
hidden = L.Dense(5)(inp)
out = L.Dense(2)(hidden)
functional = keras.Model(inp, out)
functional.compile(loss="mse")
functional.fit(X, np.zeros((64, 2)))
functional.predict(np.zeros((4, 9)))
nested = keras.Sequential([model, L.Dense(1)])
nested.compile(loss="mse")
nested.fit(X, np.zeros((64, 1)))
model.add(L.Dense(2))
nested.fit(X, np.zeros((64, 1)))
'''

EDITS = ("digit", "digit", "delete", "duplicate", "blank", "comment", "truncate", "swap")
EDITS += ("rename", "rename", "undo", "indent")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


UNICODE = """import numpy as np  # données 🙂
import keras
données = np.random.rand(32, 5)
étiquettes = np.random.randint(0, 2, 32)
modèle = keras.Sequential([keras.Input(shape=(5,)), keras.layers.Dense(1, activation="sigmoid")])
modèle.compile(loss="binary_crossentropy")
modèle.fit(données, étiquettes)
ﬁt = données.reshape(32, 5, 1)
modèle.predict(ﬁt)  # "ﬁ" is the name fi once normalised
"""


ODD = """import keras
import numpy as np
m = keras.Sequential([keras.layers.Dense(2, input_shape=(3,))])
m.add(m)
m.fit(np.zeros((4, 3)), np.zeros((4, 2)))
pair = [m, [m]]
return
after = np.zeros((2, 2))
"""


def _odd_breaks(text: str) -> str:
    """`text` with a character str.splitlines breaks at (and LSP does not) in a comment after
    every third line, in the docstring, and a form feed (whitespace to Python) before code."""
    lines = text.split("\n")
    chars = "\x0c\x0b\x1c\x1d\x1e\x85\u2028\u2029"
    for index in range(len(lines) - 1, 0, -3):
        lines.insert(index, f"# note {chars[index % len(chars)]} here")
    lines = [line.replace("Docstring:", "Doc\u2028string\x0c:") for line in lines]
    return "\n".join("\x0c" + line if line.startswith("model.fit") else line for line in lines)


def _programs() -> list[tuple[str, str]]:
    programs = [("tricky", TRICKY), ("workload", script(300)), ("unicode", UNICODE), ("odd", ODD)]
    programs += [
        ("crlf", TRICKY.replace("\n", "\r\n")),
        ("lone_cr", UNICODE.replace("\n", "\r", 3)),
        ("odd_breaks", _odd_breaks(TRICKY)),
        ("odd_breaks_crlf", _odd_breaks(UNICODE).replace("\n", "\r\n")),
    ]
    programs += [(name, PROGRAM_HEAD + body) for name, body, *_ in PROGRAM_CASES]
    programs += [(p.name, p.read_text()) for p in sorted((ROOT / "examples").glob("*.py"))]
    programs += [(f"generated_{i}", generate(7, i).source) for i in range(40)]
    return programs


def _edit(text: str, rng: random.Random, history: list[str]) -> tuple[str, str]:
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    kind = rng.choice(EDITS)
    if kind == "digit":
        digits = [m.start() for m in re.finditer(r"\d", text)]
        if digits:
            pos = rng.choice(digits)
            return text[:pos] + str(rng.randrange(10)) + text[pos + 1 :], kind
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "blank":
        lines.insert(at, "")
    elif kind == "comment":
        lines[at] = lines[at] + "  # note"
    elif kind == "truncate":
        lines[at] = lines[at][: rng.randrange(len(lines[at]) + 1)]
    elif kind == "swap" and at + 1 < len(lines):
        lines[at], lines[at + 1] = lines[at + 1], lines[at]
    elif kind == "rename":
        names = sorted(set(IDENTIFIER.findall(text)))
        found = list(IDENTIFIER.finditer(lines[at]))
        if names and found:
            m = rng.choice(found)
            lines[at] = lines[at][: m.start()] + rng.choice(names) + lines[at][m.end() :]
    elif kind == "undo" and history:
        return rng.choice(history), kind
    elif kind == "indent":
        lines[at] = "    " + lines[at]
    return "\n".join(lines), kind


def _compare(name: str, edits: list[str], incremental: object, fresh: object) -> None:
    assert incremental == fresh, f"{name}: incremental result differs after edits {edits}"


@pytest.mark.parametrize(("name", "text"), _programs(), ids=[n for n, _ in _programs()])
def test_incremental_equals_fresh_after_random_edits(name: str, text: str) -> None:
    rng = random.Random(name)
    for major in (3, 2):
        options = Options(KERAS_3 if major == 3 else KERAS_2)
        analyzer = Analyzer(options)
        history: list[str] = []
        edits: list[str] = []
        current = text
        _compare(name, edits, analyzer.analyze(current), analyze(current, options))
        for _ in range(14):
            history.append(current)
            current, kind = _edit(current, rng, history)
            edits.append(kind)
            _compare(name, edits, analyzer.analyze(current), analyze(current, options))
        analyzer.close()


def _statement_dump(parsed: Parsed) -> str:
    """The tree with its statements at the text's lines (kept ones carry virtual lines)."""
    tree = copy.deepcopy(parsed.tree)
    if parsed.lines is not None:
        for stmt in tree.body:
            first = node_lines(stmt)[0]
            ast.increment_lineno(stmt, parsed.lines.line(first) - first)
    return ast.dump(tree, include_attributes=True)


def test_common_lines_compared_by_runs_equal_line_by_line() -> None:
    """parse_reusing finds the edited lines comparing runs of lines: the answer is the
    first and last lines that differ, as comparing one line at a time finds them."""
    rng = random.Random(22)
    for _ in range(3000):
        a = [str(rng.randrange(3)) for _ in range(rng.randrange(300))]
        b = list(a)
        for _ in range(rng.randrange(3)):  # lines added, changed, removed
            kind, at = rng.randrange(3), rng.randrange(len(b) + 1)
            if kind == 0 or not b:
                b.insert(at, "x")
            elif kind == 1:
                b[min(at, len(b) - 1)] = "y"
            else:
                del b[min(at, len(b) - 1)]
        pairs = zip(a, b, strict=False)
        lo = next((i for i, (x, y) in enumerate(pairs) if x != y), min(len(a), len(b)))
        assert _common_prefix(a, b) == lo
        limit = min(len(a), len(b)) - lo
        tail = next((i for i in range(limit) if a[-1 - i] != b[-1 - i]), limit)
        assert _common_suffix(a, b, limit) == tail


def test_piece_found_by_bisection_equals_a_walk_over_every_statement() -> None:
    """The lines parsed again: the edited ones widened to every statement sharing a line with
    them (found by bisection), as a walk over all statements until nothing changes finds them;
    statements share lines (`a = 1; b = 2`), an insertion (lo == hi) widens only to one that
    spans it."""
    rng = random.Random(23)
    for _ in range(3000):
        ranges: list[tuple[int, int]] = []
        line = rng.randrange(3)
        for _ in range(rng.randrange(40)):
            first = line if ranges and rng.random() < 0.2 else line + rng.randrange(3)
            ranges.append((first, first + rng.choice((0, 0, 1, 4))))
            line = ranges[-1][1] + (0 if rng.random() < 0.2 else 1)
        lo = rng.randrange(line + 3)
        hi = lo + rng.choice((0, 0, 1, rng.randrange(6)))
        start, end = lo, hi
        changed = True
        while changed:
            changed = False
            for first, last in ranges:
                if first < end and last >= start and (first < start or last + 1 > end):
                    start, end = min(start, first), max(end, last + 1)
                    changed = True
        assert _piece(ranges, lo, hi) == (start, end), (ranges, lo, hi)


@pytest.mark.parametrize(("name", "text"), _programs()[:12], ids=[n for n, _ in _programs()[:12]])
def test_reparsed_tree_equals_a_fresh_parse(name: str, text: str) -> None:
    rng = random.Random(name + "parse")
    source = SourceText(text)
    previous = (source, source.parse())
    history: list[str] = []
    for _ in range(40):
        history.append(previous[0].text)
        changed, _kind = _edit(previous[0].text, rng, history)
        new_source = SourceText(changed)
        reparsed = parse_reusing(previous, new_source)
        fresh = new_source.parse()
        assert _statement_dump(reparsed) == _statement_dump(fresh)
        assert (reparsed.error is None) == (fresh.error is None)
        # each statement's text lines, carried over from the previous version's
        assert text_ranges(reparsed) == [node_lines(stmt) for stmt in fresh.tree.body]
        previous = (new_source, reparsed)


def top_statements_run(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The lines of the top-level statements interpreted from here on (not replayed)."""
    from shapesense.interpret import Interpreter

    executed: list[int] = []
    original: Callable[..., None] = Interpreter.exec_stmt

    def counting(self: Interpreter, stmt: ast.stmt, *args: object) -> None:
        if self.depth == 0 and self.journal is not None and self.journal.node is stmt:
            executed.append(stmt.lineno)
        original(self, stmt, *args)

    monkeypatch.setattr(Interpreter, "exec_stmt", counting)
    return executed


def test_unchanged_statements_are_replayed_not_rerun(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of it all: a one-character edit re-interprets only what depends on it."""
    text = script(400)
    analyzer = Analyzer()
    analyzer.analyze(text)
    executed = top_statements_run(monkeypatch)
    edited = text.replace("X_3 = np.random.rand(200, 28, 28)", "X_3 = np.random.rand(200, 28, 27)")
    result = analyzer.analyze(edited)
    assert result == analyze(edited)
    statements = len(ast.parse(edited).body)
    assert 0 < len(executed) <= 6, executed  # X_3's line, its reshape, fit, evaluate
    assert statements > 100


def _live_ast_nodes() -> int:
    gc.collect()
    return sum(isinstance(o, ast.AST) for o in gc.get_objects())


def test_a_finished_analysis_leaves_nothing_alive() -> None:
    """Caches keyed by statement nodes must let the nodes go (a weak key its value refers to
    never would)."""
    text = script(120)
    analyze(text)
    before = _live_ast_nodes()
    for i in range(5):
        analyze(text + f"\nextra_{i} = 1\n")
        analyzer = Analyzer()
        analyzer.analyze(text)
        analyzer.analyze(text.replace("28, 28)", "28, 27)", 1))
        analyzer.close()
    assert _live_ast_nodes() == before


# --- edits that move lines: statements below are replayed in the lines they were parsed at --

NOTEBOOK_CELLS = [
    "import numpy as np\nimport tensorflow as tf\nX = np.random.rand(150, 20, 3)\n",
    "%matplotlib inline\ny = np.random.randint(0, 2, 150)\nmodel = tf.keras.Sequential([\n"
    "    tf.keras.layers.LSTM(32, input_shape=(20, 5)),\n    tf.keras.layers.Dense(1),\n])\n"
    "model.compile('adam', 'binary_crossentropy')\n",
    "!nvidia-smi\nhistory = model.fit(X, y, epochs=1)\nmodel.predict(X[:3])\n",
]


def _notebook(cells: list[str]) -> str:
    """The cells as the language server joins them for the core (lsp/state.py)."""
    return "\n".join(to_python(cell.rstrip("\r\n")).python for cell in cells)


def _moving_edits(text: str, anchor: str, indent: str = "") -> list[str]:
    """Enter at the end of the line starting with `anchor`, a statement typed on the new line
    key by key (half-typed states included), Backspace back over it, the blank line deleted,
    Enter twice, one of the two blank lines deleted, then the text as it was."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(anchor)) + 1
    typed = indent + "extra = X[:, :2] * 2"

    def with_line(line: str | None, count: int = 1) -> str:
        added = [] if line is None else [line] * count
        return "\n".join([*lines[:at], *added, *lines[at:]])

    states = [with_line(indent)]
    states += [with_line(typed[:n]) for n in range(len(indent) + 1, len(typed) + 1, 3)]
    states += [with_line(typed), with_line(indent), with_line(None)]
    states += [with_line("", 2), with_line(""), text]
    return states


# A subclassed model whose `call` stops: its reason names the line where (in the message).
SUBCLASSED = """import numpy as np
import tensorflow as tf
from tensorflow import keras
class Net(keras.Model):
    def call(self, x):
        return tf.gather(x, [0, 1], axis=1)
net = Net()
net.compile(loss="mse")
net.fit(np.zeros((4, 3)), np.zeros((4, 1)))
"""

MOVING_LINE_CASES = [
    ("top", TRICKY, "import keras", ""),
    ("above a subclassed model", SUBCLASSED, "import tensorflow", ""),
    ("middle", TRICKY, "model.fit(X, y); model.evaluate(X, y)", ""),
    ("inside a function", TRICKY, "    m = keras.Sequential(", "    "),
    ("top of a notebook cell", _notebook(NOTEBOOK_CELLS), "y = np.random", ""),
    ("end of a notebook cell", _notebook(NOTEBOOK_CELLS), "model.compile(", ""),
    ("workload top", script(300), "from tensorflow import keras", ""),
]


@pytest.mark.parametrize(
    ("place", "text", "anchor", "indent"), MOVING_LINE_CASES, ids=[c[0] for c in MOVING_LINE_CASES]
)
def test_enter_and_backspace_give_the_fresh_result(
    place: str, text: str, anchor: str, indent: str
) -> None:
    for major in (3, 2):
        options = Options(KERAS_3 if major == 3 else KERAS_2)
        analyzer = Analyzer(options)
        analyzer.analyze(text)
        for step, state in enumerate(_moving_edits(text, anchor, indent)):
            _compare(place, [f"step {step}"], analyzer.analyze(state), analyze(state, options))
        analyzer.close()


def test_statements_below_enter_are_replayed_not_rerun(monkeypatch: pytest.MonkeyPatch) -> None:
    """Enter or a deleted line near the top moves every statement below: they are replayed in
    the lines they were parsed at, and their spans placed in the text's lines afterwards."""
    text = script(400)
    analyzer = Analyzer()
    analyzer.analyze(text)
    analyzer.analyze(text.replace("(200, 28, 28)", "(200, 28, 27)", 1))  # builds the journals
    executed = top_statements_run(monkeypatch)
    lines = text.split("\n")
    entered = "\n".join([*lines[:6], "", *lines[6:]])
    deleted = "\n".join([*lines[:6], *lines[8:]])  # the line after it too: X_0's reshape
    for edited in (entered, text, deleted, entered):
        executed.clear()
        result = analyzer.analyze(edited)
        assert result == analyze(edited)
        assert len(executed) <= 8, executed  # the edited statement and what reads X_0
    assert len(ast.parse(text).body) > 100


def test_lines_only_inserted_or_deleted_rerun_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Enter or a pasted comment line above a statement, and deleting them again, leave every
    statement as it was: each is replayed, none run, and the result is the fresh one."""
    text = script(400)
    analyzer = Analyzer()
    analyzer.analyze(text)
    analyzer.analyze(text.replace("(200, 28, 28)", "(200, 28, 27)", 1))  # builds the journals
    analyzer.analyze(text)
    executed = top_statements_run(monkeypatch)
    lines = text.split("\n")
    at = lines.index("# --- experiment 0") + 2  # below `X_0 = np.random...`, above its reshape
    entered = "\n".join([*lines[:at], "", *lines[at:]])
    pasted = "\n".join([*lines[:at], "# a note", *lines[at:]])
    for edited in (entered, text, pasted, entered, text):
        result = analyzer.analyze(edited)
        assert executed == [], executed
        assert result == analyze(edited)


def test_hover_below_moved_lines_finds_what_a_fresh_analysis_finds() -> None:
    """Hover tables are placed when asked: after Enter, typing and Backspace near the top,
    what is found at each position (`symbols_at`, `layers_at`) and in a range of lines
    (`layers_ending_in`, inlay hints) is what a fresh analysis finds there, also once the
    result is pickled (as the analysis process sends it)."""
    text = script(300)
    analyzer = Analyzer()
    analyzer.analyze(text)
    moved = 0
    for state in _moving_edits(text, "from tensorflow import keras"):
        incremental, fresh = analyzer.analyze(state), analyze(state)
        moved += incremental.lines is not None
        sent = pickle.loads(pickle.dumps(incremental))
        assert sent == fresh
        spans = [s.span for s in fresh.symbols] + [i.span for i in fresh.layers]
        assert len(spans) > 100
        places = {p for s in spans for p in ((s.line, s.column), (s.end_line, s.end_column - 1))}
        count = len(state.split("\n"))
        places |= {(line, 0) for line in range(count)}
        places |= {(count + k, column) for k in (0, 1) for _, column in list(places)}  # past it
        for line, column in sorted(places):
            for result in (incremental, sent):
                assert result.symbols_at(line, column) == fresh.symbols_at(line, column)
                assert result.layers_at(line, column) == fresh.layers_at(line, column)
        for first in range(0, count + 40, 37):  # an inlay request's range of lines
            last = first + 60
            shown = [i for i in fresh.layers if first <= i.span.end_line <= last]
            assert incremental.layers_ending_in(first, last) == shown
            assert sent.layers_ending_in(first, last) == shown
    assert moved >= 5  # the tables were in moved lines, placed by the position asked about
    analyzer.close()


class _CancelAt(Token):
    def __init__(self, at: int) -> None:
        super().__init__()
        self.at = at

    def check(self) -> None:
        if self.steps == self.at:
            self.cancel()
        super().check()


CUT_SHORT = [*_programs()[:8], ("subclassed", SUBCLASSED)]


@pytest.mark.parametrize(("name", "text"), CUT_SHORT, ids=[n for n, _ in CUT_SHORT])
def test_an_analysis_cut_short_leaves_the_next_one_exact(name: str, text: str) -> None:
    """A newer version cancels the analysis of the one before, at any statement: the journals
    it finished (and the previous run's for the rest) are kept, and the next result still
    equals a fresh analysis."""
    rng = random.Random(name + "cancel")
    analyzer = Analyzer()
    analyzer.analyze(text)
    history: list[str] = []
    current, edits = text, []
    for _ in range(10):
        history.append(current)
        current, kind = _edit(current, rng, history)
        edits.append(kind)
        with contextlib.suppress(Cancelled):
            analyzer.analyze(current, _CancelAt(rng.randrange(1, 60)))
        history.append(current)
        current, kind = _edit(current, rng, history)
        edits.append(kind)
        _compare(name, edits, analyzer.analyze(current), analyze(current))
    analyzer.close()


def test_after_an_analysis_cut_short_the_next_is_still_incremental(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = script(400)
    analyzer = Analyzer()
    analyzer.analyze(text)
    analyzer.analyze(text.replace("(200, 28, 28)", "(200, 28, 27)", 1))
    with pytest.raises(Cancelled):
        analyzer.analyze(text.replace("(200, 28, 28)", "(200, 28, 26)", 1), _CancelAt(3))
    executed = top_statements_run(monkeypatch)
    edited = text.replace("(200, 28, 28)", "(200, 28, 25)", 1)
    assert analyzer.analyze(edited) == analyze(edited)
    assert len(executed) <= 8, executed  # not the whole file again


def test_enter_above_values_from_the_project_s_modules(tmp_path: Path) -> None:
    """Values built in the project's other modules lose their places (they were lines of
    data.py, shown as this file's): Enter above changes nothing but this file's lines."""
    import shutil

    import numpy as np
    from shapesense.resolve import ProjectResolver

    root = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "project", root)
    np.save(root / "train_x.npy", np.zeros((50, 784), dtype=np.float32))
    np.save(root / "train_y.npy", np.zeros(50, dtype=np.int64))
    np.savez(root / "bundle.npz", x=np.zeros((20, 28, 28, 1)), y=np.zeros(20, np.int64))
    text = (root / "train.py").read_text()
    options = Options(KERAS_3, ProjectResolver(str(root / "train.py"), str(root)))
    analyzer = Analyzer(options)
    analyzer.analyze(text)
    edited = text.replace("epochs=1", "epochs=2")
    for state in (edited, "\n" + edited, "\n\n" + edited, edited):
        result = analyzer.analyze(state)
        assert result.findings and result.findings[0].related == ()
        assert result == analyze(state, options)
    analyzer.close()
