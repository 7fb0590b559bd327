"""What statements hold, found by walking them, not by running them: the defs a top-level
statement holds (each is checked even if never called), whether a loop's body leaves it
early, the names a statement assigns (interpret.py asks)."""

from __future__ import annotations

import ast
import weakref

from .source import SourceText

_defs_cache: weakref.WeakKeyDictionary[ast.stmt, list[ast.FunctionDef | ast.AsyncFunctionDef]] = (
    weakref.WeakKeyDictionary()
)


def function_defs_in(
    stmt: ast.stmt, source: SourceText
) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The defs of one top-level statement, remembered while its node lives (reparse.py keeps
    the nodes of unchanged statements). The statement itself is not stored in its own entry:
    a weak key its value refers to would never be freed. `source`: the text `stmt` was parsed
    from; each def has its own `def` in it, so most statements need no walk."""
    if not hasattr(stmt, "body") and not hasattr(stmt, "cases"):  # holds no statement
        return []  # most statements of a module: no cache entry to look up
    own = [stmt] if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
    inner = _defs_cache.get(stmt)
    if inner is None:
        nested = source.statement_text(stmt).count("def") > len(own)
        inner = _function_defs([stmt])[len(own) :] if nested else []
        _defs_cache[stmt] = inner
    return own + inner


def _function_defs(body: list[ast.stmt]) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Every def, however nested in statements; a walk over statements only (expressions cannot hold a def)."""
    found: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    stack = list(reversed(body))
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.append(stmt)
        for name in ("body", "orelse", "finalbody"):
            stack.extend(reversed(getattr(stmt, name, None) or []))
        for handler in getattr(stmt, "handlers", None) or []:
            stack.extend(reversed(handler.body))
        for case in getattr(stmt, "cases", None) or []:
            stack.extend(reversed(case.body))
    return found


def jumps_out(body: list[ast.stmt]) -> bool:
    """A `break` or `continue` of this loop (not of a loop inside it), or any `return`."""
    if any(isinstance(node, ast.Return) for stmt in body for node in ast.walk(stmt)):
        return True
    stack = list(body)
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, (ast.Break, ast.Continue)):
            return True
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        inner_loop = isinstance(stmt, (ast.For, ast.AsyncFor, ast.While))
        for name in ("orelse", "finalbody") if inner_loop else ("body", "orelse", "finalbody"):
            stack.extend(getattr(stmt, name, None) or [])
        for handler in getattr(stmt, "handlers", None) or []:
            stack.extend(handler.body)
        for case in getattr(stmt, "cases", None) or []:
            stack.extend(case.body)
    return False


def assigned_names(stmt: ast.stmt) -> set[str]:
    names = set()
    for node in ast.walk(stmt):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names
