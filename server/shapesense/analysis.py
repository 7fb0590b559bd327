"""The core's one public entry point: source text in, findings and shape tables out."""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Analysis, Finding, Span
from .interpret import Interpreter
from .keras.versions import KERAS_3, KerasVersion
from .resolve import Resolver
from .source import SourceText

INTERNAL_ERROR = "SS000"  # the fuzz tests treat this code as a crash


@dataclass(frozen=True)
class Options:
    keras: KerasVersion = KERAS_3
    resolver: Resolver | None = None  # project modules and array files; None: this text alone


def analyze(text: str, options: Options | None = None) -> Analysis:
    """Analyse one Python source text. Never raises on any input; never runs the code."""
    options = options or Options()
    result = Analysis(keras_version=options.keras.major)
    try:
        source = SourceText(text)
        parsed = source.parse()
    except (RecursionError, MemoryError, ValueError) as exc:
        result.findings.append(
            Finding(
                Span(0, 0, 0, 0),
                "error",
                "SS001",
                f"Could not parse this file: {type(exc).__name__}",
            )
        )
        result.syntax_ok = False
        return result
    if parsed.error is not None:
        result.syntax_ok = False
        result.findings.append(_syntax_finding(parsed.error, source))
    interp = Interpreter(source, parsed.tree, options.keras, options.resolver)
    try:
        interp.run()
    except RecursionError:
        pass  # pathological nesting: keep what was found before it
    except Exception as exc:  # a bug of ours must never take the editor or CI down with it
        result.findings.append(
            Finding(
                Span(0, 0, 0, 0),
                "information",
                INTERNAL_ERROR,
                f"ShapeSense could not finish analysing this file (internal error: {type(exc).__name__}: {exc}). Please report it.",
            )
        )
    result.findings += interp.findings
    result.layers = list(interp.layer_infos.values())
    result.symbols = interp.symbols
    result.calls = interp.calls
    result.models = interp.summaries()
    interp.dispose()
    result.findings.sort(key=lambda f: (f.span.line, f.span.column, f.code))
    return result


def _syntax_finding(error: SyntaxError, source: SourceText) -> Finding:
    line = max((error.lineno or 1) - 1, 0)
    text = source.lines[line] if line < len(source.lines) else ""
    column = min(max((error.offset or 1) - 1, 0), len(text))
    end = len(text) if text else column
    return Finding(
        Span(line, column, line, max(end, column)),
        "error",
        "SS001",
        f"Syntax error: {error.msg}. The rest of the file is still checked.",
    )
