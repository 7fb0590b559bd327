"""Formats for programs and CI: json, json-lines, GitHub workflow commands, GitLab code
quality, JUnit XML."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from ..findings import CallInfo, Finding
from ..rules import RULES, rule_url
from .results import FileResult, Place, Run


def _position(place: Place) -> dict[str, Any]:
    out: dict[str, Any] = {
        "line": place.line,
        "column": place.column,
        "end_line": place.end_line,
        "end_column": place.end_column,
    }
    if place.cell is not None:
        out["cell"] = place.cell
    return out


def diagnostic(result: FileResult, finding: Finding, place: Place) -> dict[str, Any]:
    fixes = []
    for fix in finding.fixes:
        edits = [
            {**_position(p), "new_text": e.new_text}
            for e in fix.edits
            if (p := result.place(e.span)) is not None
        ]
        if len(edits) == len(fix.edits):
            fixes.append({"title": fix.title, "edits": edits})
    return {
        "path": result.path,
        **_position(place),
        "severity": finding.severity,
        "code": finding.code,
        "message": finding.full_message,
        "fixes": fixes,
        "url": rule_url(finding.code),
    }


def _keras(run: Run) -> list[dict[str, Any]]:
    return [{"version": k.keras.major, "origin": k.origin} for k in run.keras]


def call_entry(result: FileResult, call: CallInfo, place: Place) -> dict[str, Any]:
    """A fit/evaluate/predict call: checked, partly checked or not, and why not."""
    reasons = []
    for reason in call.reasons:
        entry: dict[str, Any] = {"code": reason.code, "message": reason.message}
        if reason.key:
            entry["key"] = reason.key
        cause = result.place(reason.span) if reason.span is not None else None
        if cause is not None:
            entry["cause"] = _position(cause)
        reasons.append(entry)
    return {
        "path": result.path,
        **_position(place),
        "call": call.name,
        "status": call.status,
        "checked": list(call.trace),
        "reasons": reasons,
    }


def json_document(run: Run) -> str:
    diagnostics = [diagnostic(r, f, p) for r in run.results for f, p in r.placed()]
    calls = [
        call_entry(r, c, p)
        for r in run.results
        for c in r.calls
        if (p := r.place(c.span)) is not None
    ]
    document = {"version": 1, "keras": _keras(run), "diagnostics": diagnostics, "calls": calls}
    return json.dumps(document, indent=2)


def json_lines(run: Run) -> str:
    return "\n".join(json.dumps(diagnostic(r, f, p)) for r in run.results for f, p in r.placed())


# --- GitHub workflow commands ------------------------------------------------------------------
# https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions

GITHUB_LEVEL = {"error": "error", "warning": "warning", "information": "notice", "hint": "notice"}


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def github(run: Run) -> str:
    lines = []
    for result in run.results:
        for finding, place in result.placed():
            cell = f"cell {place.cell}: " if place.cell is not None else ""
            props = (
                f"file={_gh_property(result.path)},line={place.line},col={place.column},"
                f"endLine={place.end_line},endColumn={place.end_column},"
                f"title={_gh_property(finding.code + ' ' + RULES[finding.code].name)}"
                if finding.code in RULES
                else f"file={_gh_property(result.path)},line={place.line},col={place.column}"
            )
            message = _gh_data(f"{cell}{finding.full_message}")
            lines.append(f"::{GITHUB_LEVEL[finding.severity]} {props}::{message}")
    return "\n".join(lines)


# --- GitLab code quality -----------------------------------------------------------------------
# https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format

GITLAB_SEVERITY = {"error": "major", "warning": "minor", "information": "info", "hint": "info"}


def gitlab(run: Run) -> str:
    issues = []
    seen: set[str] = set()
    for result in run.results:
        path = _relative(result.path)
        for finding, place in result.placed():
            key = f"{path}\0{finding.code}\0{finding.message}\0{place.cell}"
            fingerprint = hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()
            while fingerprint in seen:  # the same finding twice in one file stays two issues
                fingerprint = hashlib.md5(fingerprint.encode(), usedforsecurity=False).hexdigest()
            seen.add(fingerprint)
            cell = f"cell {place.cell}: " if place.cell is not None else ""
            issues.append(
                {
                    "type": "issue",
                    "check_name": finding.code,
                    "description": f"{finding.code} {cell}{finding.message}",
                    "categories": ["Bug Risk"],
                    "severity": GITLAB_SEVERITY[finding.severity],
                    "fingerprint": fingerprint,
                    "location": {
                        "path": path,
                        "positions": {
                            "begin": {"line": place.line, "column": place.column},
                            "end": {"line": place.end_line, "column": place.end_column},
                        },
                    },
                }
            )
    return json.dumps(issues, indent=2)


def _relative(path: str) -> str:
    try:
        return os.path.relpath(path).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return path


# --- JUnit XML ---------------------------------------------------------------------------------


def junit(run: Run) -> str:
    import xml.etree.ElementTree as ET  # only for this format

    suites = ET.Element("testsuites", name="shapesense")
    for result in run.results:
        placed = result.placed()
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=result.path,
            tests=str(max(1, len(placed))),
            failures=str(len(placed)),
            errors="0",
        )
        if not placed:
            ET.SubElement(suite, "testcase", name="shapesense", classname=result.path)
        for finding, place in placed:
            cell = f"cell {place.cell}:" if place.cell is not None else ""
            where = f"{cell}{place.line}:{place.column}"
            case = ET.SubElement(
                suite, "testcase", name=f"{finding.code} at {where}", classname=result.path
            )
            failure = ET.SubElement(case, "failure", message=finding.message, type=finding.severity)
            failure.text = f"{result.path}:{where}: {finding.code} {finding.full_message}"
    suites.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
    suites.set("failures", str(sum(int(s.get("failures", "0")) for s in suites)))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")
