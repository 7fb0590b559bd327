"""SARIF 2.1.0 for code scanning: every rule with its description, default level and page;
file:// URIs; a notebook result names its cell (in the message and a logical location).
Validated against the published schema in tests/test_output.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..findings import Finding
from ..rules import RULES, rule_page, rule_url
from .results import FileResult, Place, Run

LEVEL = {"error": "error", "warning": "warning", "information": "note", "hint": "note"}
DEFAULT_LEVEL = {"SS110": "note", "SS301": "note", "SS900": "warning", "SS000": "note"}


def _uri(path: str) -> str:
    return Path(path).absolute().as_uri()


def _region(place: Place) -> dict[str, int]:
    return {
        "startLine": place.line,
        "startColumn": place.column,
        "endLine": place.end_line,
        "endColumn": place.end_column,
    }


def _result(result: FileResult, finding: Finding, place: Place) -> dict[str, Any]:
    uri = _uri(result.path)
    cell = f"(cell {place.cell}) " if place.cell is not None else ""
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(place)}
    }
    if place.cell is not None:
        location["logicalLocations"] = [{"name": f"cell {place.cell}", "kind": "module"}]
    item: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": list(RULES).index(finding.code) if finding.code in RULES else -1,
        "level": LEVEL[finding.severity],
        "message": {"text": cell + finding.full_message},
        "locations": [location],
    }
    if item["ruleIndex"] < 0:
        del item["ruleIndex"]
    if place.cell is not None:
        item["properties"] = {"cell": place.cell}
    fixes = []
    for fix in finding.fixes:
        regions = [(p, e) for e in fix.edits if (p := result.place(e.span)) is not None]
        if len(regions) != len(fix.edits):
            continue
        fixes.append(
            {
                "description": {"text": fix.title},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": _region(p),
                                "insertedContent": {"text": e.new_text},
                            }
                            for p, e in regions
                        ],
                    }
                ],
            }
        )
    if fixes:
        item["fixes"] = fixes
    return item


def _rules() -> list[dict[str, Any]]:
    rules = []
    for code, rule in RULES.items():
        page = rule_page(code)
        full = page.read_text(encoding="utf-8") if page.exists() else rule.summary
        rules.append(
            {
                "id": code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.summary},
                "help": {"text": full, "markdown": full},
                "helpUri": rule_url(code),
                "defaultConfiguration": {"level": DEFAULT_LEVEL.get(code, "error")},
            }
        )
    return rules


def sarif(run: Run) -> str:
    results = [_result(r, f, p) for r in run.results for f, p in r.placed()]
    doc = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "shapesense",
                        "version": __version__,
                        "informationUri": rule_url("SS101").rsplit("/", 1)[0] + "/",
                        "rules": _rules(),
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "toolConfigurationNotifications": [
                            {"message": {"text": f"checked against {k.describe()}"}}
                            for k in run.keras
                        ],
                    }
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=2)
