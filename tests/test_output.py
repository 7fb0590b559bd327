"""Every `--output-format`, `-o`, `--exit-zero`, `--statistics`, colour and rule links."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from shapesense.rules import RULES, rule_url

from .test_cli import EXAMPLES, NOTEBOOK, check

SCHEMA = Path(__file__).parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
SEED = str(EXAMPLES / "seed_lstm.py")


def test_concise_is_one_line_per_finding() -> None:
    proc = check("--output-format", "concise", SEED)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1 and len(lines) == 2
    assert lines[0].startswith(f"{SEED}:17:15: error SS102 Layer 'lstm' (LSTM) of model")
    assert "Keras:" not in proc.stdout and "    fix:" not in proc.stdout


def test_json_lines() -> None:
    proc = check("--output-format", "json-lines", SEED, str(EXAMPLES / "flattened_images.py"))
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["code"], r["line"]) for r in rows] == [("SS102", 17), ("SS101", 14)]
    assert rows[0]["url"] == rule_url("SS102")


def test_github_annotations() -> None:
    proc = check("--output-format", "github", SEED)
    (line,) = proc.stdout.splitlines()
    assert line.startswith(
        f"::error file={SEED},line=17,col=15,endLine=17,endColumn=30,title=SS102 input-axis::"
    )
    assert "%0AKeras: Dimensions must be equal" in line  # newlines escaped


def test_gitlab_code_quality(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "seed.py")
    proc = check("--output-format", "gitlab", "seed.py", cwd=tmp_path)
    (issue,) = json.loads(proc.stdout)
    assert issue["check_name"] == "SS102" and issue["severity"] == "major"
    assert issue["location"]["path"] == "seed.py"
    assert issue["location"]["positions"]["begin"] == {"line": 17, "column": 15}
    assert len(issue["fingerprint"]) == 32


def test_junit(tmp_path: Path) -> None:
    clean = tmp_path / "clean.py"
    clean.write_text("x = 1\n")
    proc = check("--output-format", "junit", SEED, str(clean))
    root = ET.fromstring(proc.stdout)
    assert root.tag == "testsuites" and root.get("failures") == "1" and root.get("tests") == "2"
    seed, ok = root.findall("testsuite")
    (failure,) = seed.findall("testcase/failure")
    assert "SS102" in (failure.text or "") and ok.find("testcase/failure") is None


def test_sarif_is_valid_and_complete(tmp_path: Path) -> None:
    notebook = tmp_path / "train.ipynb"
    notebook.write_text(json.dumps(NOTEBOOK))
    proc = check("--output-format", "sarif", SEED, str(notebook))
    sarif = json.loads(proc.stdout)
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text()))
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == set(RULES)
    for code, rule in rules.items():
        assert rule["helpUri"] == rule_url(code)
        assert rule["fullDescription"]["text"] and rule["help"]["markdown"].startswith(f"# {code}")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    seed, cell = run["results"]
    assert seed["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        Path(SEED).as_uri()
    )
    assert cell["properties"] == {"cell": 5} and cell["message"]["text"].startswith("(cell 5)")
    assert cell["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_output_file_exit_zero_and_statistics(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    proc = check("--output-format", "json", "-o", str(out), "--exit-zero", SEED)
    assert proc.returncode == 0 and proc.stdout == ""
    assert json.loads(out.read_text())["diagnostics"][0]["code"] == "SS102"
    stats = check("--statistics", SEED, str(EXAMPLES / "flattened_images.py"))
    assert stats.returncode == 1
    assert stats.stdout.splitlines()[:2] == [
        "     1  SS101  input-rank  (1 fixable)",
        "     1  SS102  input-axis",  # the seed example: no fix keeps its other fit working
    ]
    as_json = json.loads(check("--statistics", "--output-format", "json", SEED).stdout)
    assert as_json["codes"] == [{"code": "SS102", "name": "input-axis", "count": 1, "fixable": 0}]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, **extra}


def test_colour_and_rule_links_follow_force_color_and_no_color() -> None:
    import subprocess
    import sys

    def run(**extra: str) -> str:
        cmd = [sys.executable, "-m", "shapesense", "check", SEED]
        return subprocess.run(cmd, capture_output=True, text=True, env=_env(**extra)).stdout

    coloured = run(FORCE_COLOR="1")
    assert "\x1b[31merror\x1b[0m" in coloured
    assert f"\x1b]8;;{rule_url('SS102')}\x1b\\SS102\x1b]8;;\x1b\\" in coloured
    assert "\x1b" not in run(FORCE_COLOR="1", NO_COLOR="1")
    assert "\x1b" not in run()  # not a terminal


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_the_keras_used_is_in_the_report(fmt: str) -> None:
    proc = check("--output-format", fmt, "--keras-version", "2", SEED)
    assert "checking against Keras 2 (from --keras-version 2)" in proc.stderr
    data = json.loads(proc.stdout)
    if fmt == "json":
        assert data["keras"] == [{"version": 2, "origin": "from --keras-version 2"}]
    else:
        notes = data["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
        assert notes[0]["message"]["text"] == "checked against Keras 2 (from --keras-version 2)"


SILENT = """import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras


class Net(keras.Model):
    def call(self, x):
        return tf.numpy_function(np.sort, [x], tf.float32)


df = pd.read_csv("data.csv")
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
model.compile(loss="mse")
model.fit(np.zeros((4, 3)), np.zeros((4, 1)))
model.fit(df.values, np.zeros((4, 1)))
net = Net()
net.predict(np.zeros((4, 3)))
"""


def test_statistics_prints_the_coverage_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "silent.py").write_text(SILENT)
    (tmp_path / "seed.py").write_text(Path(SEED).read_text())
    proc = check("--statistics", str(tmp_path))
    lines = proc.stdout.splitlines()
    assert lines[0] == "     1  SS102  input-axis"
    assert lines[2:] == [
        "Coverage: 5 fit/evaluate/predict calls found: 3 checked, 0 partly checked, 2 not checked",
        "Not fully checked, by reason (the most frequent construct):",
        "     1  data-from-file  (pandas.read_csv)",
        "     1  subclassed-model  (class Model)",
        "Models: 3 found: 2 fully derived, 0 partly, 1 not derived",
    ]
    tables = json.loads(check("--statistics", "--output-format", "json", str(tmp_path)).stdout)
    assert tables["calls"] == [
        {"status": "checked", "count": 3},
        {"status": "partial", "count": 0},
        {"status": "unchecked", "count": 2},
    ]
    assert [(r["code"], r["count"]) for r in tables["reasons"]] == [
        ("data-from-file", 1),
        ("subclassed-model", 1),
    ]
    assert tables["reasons"][0]["example"].endswith(
        'silent.py:16: x `df.values` comes from `pd.read_csv("data.csv")`: its shape depends on the file'
    )
    assert tables["models"] == [
        {"status": "full", "count": 2},
        {"status": "partial", "count": 0},
        {"status": "none", "count": 1},
    ]


def test_json_carries_each_call_status_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "silent.py"
    path.write_text(SILENT)
    document = json.loads(check("--output-format", "json", str(path)).stdout)
    calls = document["calls"]
    assert [(c["line"], c["call"], c["status"]) for c in calls] == [
        (15, "sequential.fit", "checked"),
        (16, "sequential.fit", "unchecked"),
        (18, "net.predict", "unchecked"),
    ]
    assert calls[0]["reasons"] == [] and "model input (None, 3)" in calls[0]["checked"][0]
    (reason,) = calls[2]["reasons"]
    assert reason["code"] == "subclassed-model"
    assert reason["message"].startswith("model `net` is an instance of class `Net`")
    assert reason["message"].endswith(
        "a subclassed model whose `call` could not be followed"
        " (line 9: `tf.numpy_function(np.sort, [x], tf.float32)`)"
    )
    assert reason["cause"]["line"] == 7  # class Net


def test_explain_silence_flag_reports_ss300(tmp_path: Path) -> None:
    path = tmp_path / "silent.py"
    path.write_text(SILENT)
    assert "SS300" not in check("--output-format", "concise", str(path)).stdout
    proc = check("--explain-silence", "--output-format", "concise", str(path))
    lines = [line for line in proc.stdout.splitlines() if "SS300" in line]
    assert [line.split(":")[1] for line in lines] == ["16", "18"]
    assert proc.returncode == 0  # information, not an error
