"""The core's layout holds: no import circle inside the core or through the language server,
no library name in the interpreter, no core file a newcomer cannot hold (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from shapesense import analyze

PACKAGE = Path(__file__).resolve().parents[1] / "server" / "shapesense"
MAX_CORE_LINES = 700


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of the package -> the package's modules it imports, wherever the import is
    written: at the top, inside a function, or under `if TYPE_CHECKING:` (a circle of types is
    a circle of ideas). A parent package's `__init__` is not counted (it imports nothing)."""
    modules = {_module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")
                base = base[: len(base) - node.level + 1] if node.level else []
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    found.add(sub if sub in modules else target)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from .sub import b\n")
    (package / "sub" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..c import C\n"
    )
    (package / "c.py").write_text("def f():\n    from . import a\n")
    (package / "d.py").write_text("from . import c\n")
    assert cycles(import_graph(package)) == [["pkg.a", "pkg.c", "pkg.sub.b"]]


def _without(graph: dict[str, set[str]], *packages: str) -> dict[str, set[str]]:
    return {
        name: {t for t in targets if not t.startswith(packages)}
        for name, targets in graph.items()
        if not name.startswith(packages)
    }


def test_no_import_cycle_inside_the_core() -> None:
    """The core: everything but the adapters (lsp/, output/)."""
    assert cycles(_without(import_graph(), "shapesense.lsp", "shapesense.output")) == []


def test_no_import_cycle_anywhere() -> None:
    """The whole package, adapters included. lsp/: the feature modules
    import the server object (lsp/language_server.py), which never imports them; only
    lsp/server.py wires them. The analysis process is allowed to the audit hook by an audit
    event, not by importing startup.py (whose `main` leads to the server). output/: the formats
    import output/results.py, not the package that lists them."""
    assert cycles(import_graph()) == []


def test_the_interpreter_names_no_library() -> None:
    """Library knowledge lives in libraries/: the interpreter asks the registry."""
    words = re.compile(r"\b(numpy|keras|tensorflow|sklearn|tf_keras|pandas)\b")
    for path in (PACKAGE / "interpret.py", PACKAGE / "expressions.py"):
        code = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")
        ]
        named = [line for line in code if words.search(line.split("#")[0])]
        assert named == [], f"{path.name} names a library: {named[:3]}"


def test_no_core_file_is_too_long_to_hold() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if "lsp" not in p.parts and "output" not in p.parts]
    long = {
        p.relative_to(PACKAGE).as_posix(): n
        for p in core
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_CORE_LINES
    }
    assert long == {}


def test_a_library_api_is_one_registered_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """ARCHITECTURE.md's recipe: a model registered by qualified name is used for every import
    style of that name, with no edit to the interpreter; its result reaches hover."""
    from shapesense.libraries.registry import REGISTRY
    from shapesense.session import Session
    from shapesense.values import Array, Value

    def read_fake(
        session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
    ) -> Value:
        return Array((None, 7), "float64", ("`read_fake()`",), session.src.span(node))

    monkeypatch.setattr(REGISTRY, "_exact", {**REGISTRY._exact})
    monkeypatch.setattr(REGISTRY, "_found", {})
    REGISTRY.function("fakelib.io.read_fake")(read_fake)
    for spelling in (
        "import fakelib\nX = fakelib.io.read_fake()",
        "from fakelib.io import read_fake as r\nX = r()",
    ):
        (symbol,) = [s for s in analyze(spelling + "\n").symbols if s.name == "X"]
        assert symbol.description == "array(None, 7), float64"
