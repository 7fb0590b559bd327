"""The core's one public entry point: source text in, findings and shape tables out."""

from __future__ import annotations

from dataclasses import replace

from . import coverage
from .cancel import Token
from .findings import Analysis, Finding, Span
from .fixes import import_position
from .interpret import Interpreter
from .options import INTERNAL_ERROR, REFUSED_ON_CPU, Options
from .program_fixes import keep_program_fixes
from .relocate import Relocation
from .reparse import parse_reusing, text_ranges
from .replay import run as run_module
from .source import Parsed, SourceText
from .suppress import apply as apply_suppressions
from .suppress import may_suppress


def analyze(text: str, options: Options | None = None) -> Analysis:
    """Analyse one Python source text. Never raises on any input; never runs the code."""
    analyzer = Analyzer(options, incremental=False)
    try:
        return analyzer.analyze(text)
    finally:
        analyzer.close()


class Analyzer:
    """Analyses successive versions of one document. With `incremental`, a new version reuses
    the parse of the lines that did not change and replays the top-level statements whose
    inputs did not change (`reparse.py`, `replay.py`): the result is the same as a fresh one."""

    def __init__(self, options: Options | None = None, incremental: bool = True) -> None:
        self.options = options or Options()
        self.incremental = incremental
        self._previous: tuple[SourceText, Parsed] | None = None
        self._interp: Interpreter | None = None
        self._context: object = None
        self._rechecks: dict[str, Analyzer] = {}  # one per fix being re-checked, by its key
        self._relocation: Relocation | None = None  # the last one: its placed objects reused

    def analyze(self, text: str, token: Token | None = None) -> Analysis:
        """Never raises on any input; never runs the code. Raises `Cancelled` once `token`
        is cancelled (keeping the previous version and the journals finished, to be checked
        and replayed by the next version)."""
        result = Analysis(keras_version=self.options.keras.major)
        try:
            source = SourceText(text)
            parsed = parse_reusing(self._previous, source)
        except (RecursionError, MemoryError, ValueError) as exc:
            self.close()
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
        source.map = parsed.lines  # statements that moved keep their lines (reparse.py)
        interp = self._interpreter(source, parsed)
        interp.token = token
        try:  # Cancelled passes through: the journals kept are whole ones (replay.py)
            run_module(interp, record=self.incremental)
        except RecursionError:
            interp.records.clear()  # pathological nesting: keep what was found before it
        except Exception as exc:  # a bug of ours must never take the editor or CI down with it
            interp.records.clear()
            result.findings.append(_internal_error(exc))
        finally:
            interp.token = None
        if parsed.lines is not None and interp.children:
            # Values made by the project's other modules carry spans of those files, which
            # this text's line map must not move: analysed again from a plain parse.
            self.close()
            return self.analyze(text, token)
        moved = None if parsed.lines is None else Relocation(parsed.lines, self._relocation)
        self._relocation = moved if self.incremental else None
        result.findings += interp.findings if moved is None else moved.findings(interp.findings)
        result.layer_table = list(interp.layer_infos.values())
        result.symbol_table = interp.symbols
        result.lines = parsed.lines  # the tables are placed when asked
        result.calls = interp.calls
        try:
            result.models = interp.summaries()
            built = coverage.built_models(list(interp.models.values()))
            if moved is not None:  # the calls too: in the text's order from here on
                built = [moved.coverage(model) for model in built]
            result.model_coverage = built
        except Exception as exc:  # the findings stand even if the tables for hover cannot be made
            result.findings.append(_internal_error(exc))
        if moved is not None:
            moved.tables(result)
        try:
            result.model_coverage += coverage.called_models(result.calls)
        except Exception as exc:
            result.findings.append(_internal_error(exc))
        if self.options.explain_silence:
            result.findings += coverage.findings(result.calls)
        if self.options.device == "cpu-without-onednn":  # those kernels refuse them: Keras raises
            result.findings = [
                replace(f, severity="error") if f.code == REFUSED_ON_CPU else f
                for f in result.findings
            ]
        result.files_read = frozenset(interp.files_read)
        result.findings.sort(key=lambda f: (f.span.line, f.span.column, f.code))
        if self.options.rules is not None:
            result.findings = self.options.rules.apply(result.findings)
        # The statements' first lines, where directives are looked for: not made for a fresh
        # analysis of a file without any (most files); an incremental one keeps them anyway.
        starts = None
        if self.incremental or may_suppress(text):
            starts = [first for first, _ in text_ranges(parsed)]
        result.findings = apply_suppressions(
            result.findings, text, self.options.report_unused_suppressions, starts
        )
        if self.options.whole_program_fixes and result.syntax_ok:
            used: set[str] = set()
            # Cancelled passes through: each fix's analyzer keeps what it finished, as this does
            result.findings = keep_program_fixes(
                text,
                result.findings,
                lambda key, edited: self._recheck(key, edited, used, token),
            )
            for key in set(self._rechecks) - used:
                self._rechecks.pop(key).close()
        if self.incremental and parsed.error is None:
            # The last version that parsed is the base for the next: while a line is half
            # typed, each keystroke then parses that line, not the whole file.
            self._previous = (source, parsed)
        return result

    def _interpreter(self, source: SourceText, parsed: Parsed) -> Interpreter:
        # Fixes that add `import numpy` are placed after the docstring: a journal assumes it stays.
        context = import_position(parsed.tree, source)
        if self._interp is None:
            self._interp = Interpreter(
                source, parsed.tree, self.options.keras, self.options.resolver
            )
        else:
            self._interp.restart(source, parsed.tree)
            if context != self._context:
                self._interp.records.clear()
        self._context = context
        return self._interp

    def _recheck(self, key: str, edited: str, used: set[str], token: Token | None) -> list[Finding]:
        """The findings of the file with one fix applied. While a document is edited, each fix
        keeps its own incremental analyzer: the next version re-checks only what changed."""
        plain = replace(self.options, whole_program_fixes=False)
        if not self.incremental:
            once = Analyzer(plain, incremental=False)
            try:
                return once.analyze(edited, token).findings
            finally:
                once.close()
        used.add(key)
        analyzer = self._rechecks.get(key)
        if analyzer is None:
            analyzer = self._rechecks[key] = Analyzer(plain, incremental=True)
        return analyzer.analyze(edited, token).findings

    def close(self) -> None:
        """Free everything kept for the next version."""
        for analyzer in self._rechecks.values():
            analyzer.close()
        self._rechecks.clear()
        if self._interp is not None:
            self._interp.dispose()
        self._interp = None
        self._previous = None
        self._relocation = None


def _internal_error(exc: Exception) -> Finding:
    return Finding(
        Span(0, 0, 0, 0),
        "information",
        INTERNAL_ERROR,
        f"ShapeSense could not finish analysing this file (internal error: {type(exc).__name__}: {exc}). Please report it.",
    )


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
