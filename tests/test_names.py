"""ShapeSense names models and layers as Keras does (tests/cases_names.py, measured rows)."""

from __future__ import annotations

import re

import pytest

from .cases import PROGRAM_HEAD
from .cases_names import NAME_CASES
from .helpers import run

_MODEL = re.compile(r"model '(.*)'$")


def _named(source: str, keras: int) -> dict[str, str]:
    """variable -> `model name: its rows' names` (its summary) and variable -> model name."""
    analysis = run(source, keras)
    rows = {m.name: ", ".join(row[0] for row in m.rows) for m in analysis.models}
    out = {}
    for symbol in analysis.symbols:
        found = _MODEL.search(symbol.description)
        if found:
            name = found.group(1)
            out[symbol.name] = name
            out[symbol.name + ":"] = f"{name}: {rows.get(name, '')}"
    return out


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize(
    ("label", "body", "k3", "k2"), NAME_CASES, ids=[case[0] for case in NAME_CASES]
)
def test_names_are_keras_names(
    label: str, body: str, k3: dict[str, str], k2: dict[str, str], keras: int
) -> None:
    named = _named(PROGRAM_HEAD + body, keras)
    for variable, expected in (k3 if keras == 3 else k2).items():
        got = named.get(variable + ":" if ":" in expected else variable)
        assert got == expected, variable


@pytest.mark.parametrize(("keras", "quoted"), [(3, "'functional_1'"), (2, '"model"')])
def test_keras_text_quotes_the_model_by_its_name(keras: int, quoted: str) -> None:
    """Keras's own words name the model as Keras named it (after a Sequential, in Keras 3)."""
    src = PROGRAM_HEAD + (
        "a = keras.Sequential([keras.Input((3,)), L.Dense(2)])\n"
        "i = keras.Input((3,))\n"
        "b = keras.Model(i, L.Dense(1)(i))\n"
        "b.predict(np.zeros((2, 5)))\n"
    )
    [finding] = [f for f in run(src, keras).findings if f.severity == "error"]
    assert f"layer {quoted}" in (finding.keras_message or ""), finding.keras_message
    assert quoted.strip("'\"") in finding.message


AFTER_CLEAR = (
    "a = keras.Sequential([keras.Input((3,)), L.Dense(2)])\n"
    "keras.backend.clear_session()\n"
    "b = keras.Sequential([keras.Input((3,)), L.Rescaling(1.0), L.Dense(2)])\n"
)


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize("body", [AFTER_CLEAR, NAME_CASES[3][1]], ids=["clear", "adds"])
def test_names_after_an_edit_are_a_fresh_analysis_names(body: str, keras: int) -> None:
    """Statements replayed after an edit (a layer written on each line in turn) count the
    names as a fresh analysis does: clear_session is never replayed (the count of a name
    first taken before it, in the edit, would not be reset)."""
    from shapesense import Options, analyze
    from shapesense.analysis import Analyzer
    from shapesense.keras.versions import KerasVersion

    lines = (PROGRAM_HEAD + body).splitlines(keepends=True)
    analyzer = Analyzer(Options(KerasVersion(keras)))
    analyzer.analyze("".join(lines))
    for at in range(3, len(lines) + 1):
        for text in (
            "".join([*lines[:at], "extra = L.Rescaling(2.0)\n", *lines[at:]]),
            "".join(lines),
        ):
            fresh = analyze(text, Options(KerasVersion(keras)))
            again = analyzer.analyze(text)
            assert [(m.name, m.rows) for m in again.models] == [
                (m.name, m.rows) for m in fresh.models
            ], (at, text)
