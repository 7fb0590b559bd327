"""Every rule code has a page, and each page's examples do what the page says: the reported
example is reported with that code (Keras 2 and 3), the fixed one is not."""

from __future__ import annotations

import re

import pytest
from shapesense import Options, analyze
from shapesense.keras.versions import KerasVersion
from shapesense.rules import RULES, rule_page

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_code_has_a_page_with_the_sections(code: str) -> None:
    text = rule_page(code).read_text(encoding="utf-8")
    assert text.startswith(f"# {code}: {RULES[code].name}\n")
    for section in ("## What Keras does", "## Fixes offered", "## Keras 2 and Keras 3"):
        assert section in text, (code, section)


@pytest.mark.parametrize("code", sorted(RULES))
@pytest.mark.parametrize("keras", [2, 3])
def test_the_examples_are_reported_and_fixed(code: str, keras: int) -> None:
    blocks = BLOCK.findall(rule_page(code).read_text(encoding="utf-8"))
    if not blocks:
        assert code in ("SS000", "SS002", "SS003", "SS004")  # file-level: no program shows it
        return
    broken, fixed = blocks
    if keras not in RULES[code].keras:  # Keras of this version runs the example
        assert code not in [f.code for f in analyze(broken, Options(KerasVersion(keras))).findings]
        return
    options = Options(KerasVersion(keras), report_unused_suppressions=True, explain_silence=True)
    assert code in [f.code for f in analyze(broken, options).findings]
    assert code not in [f.code for f in analyze(fixed, options).findings]


def test_the_rules_index_lists_every_code_with_its_summary() -> None:
    index = (rule_page("SS000").parent.parent / "rules.md").read_text(encoding="utf-8")
    for code, rule in RULES.items():
        assert f"| [{code}](rules/{code}.md) | {rule.name} | {rule.summary} |" in index, code
