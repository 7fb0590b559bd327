"""Measure the names real Keras gives a keras.applications backbone, and write the table
ShapeSense names them from (server/shapesense/keras/application_names.json).

    nice python -m tests.oracle.application_names            # both versions, every backbone

Per backbone and version, built with `weights=None` and its defaults in a fresh session
(`clear_session`): the model's name, and the automatic names its construction uses up (Keras's
per-session counts: the Input it makes, `rescaling`, `normalization`...), so that a layer made
after it is named as Keras names it: with its top (`uses`) and with include_top=False
(`uses_without_top`; a top's pooling layer may be named automatically). MobileNet and MobileNetV2 put alpha and the input's rows in
their name: keras_applications.py spells that rule (mobilenet.py, mobilenet_v2.py in both
Keras versions). tests/oracle/test_application_names.py re-checks it against real Keras.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

TABLE = (
    Path(__file__).resolve().parents[2]
    / "server"
    / "shapesense"
    / "keras"
    / "application_names.json"
)


def _keras(version: str) -> Any:
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    if version == "2":
        os.environ["TF_USE_LEGACY_KERAS"] = "1"
        import tf_keras as keras
    else:
        import keras
    return keras


def counts(version: str) -> dict[str, int]:
    """Keras's per-session name counts, as they stand."""
    if version == "2":
        from tf_keras.src import backend

        # tf_keras keys a layer's count by (name scope, name), an Input's by its prefix
        out = {}
        for key, count in backend.get_default_graph_uid_map().items():
            if isinstance(key, tuple):
                if key[0]:
                    continue  # a name in a scope: none ShapeSense counts
                key = key[1]
            out[key] = count
        return out
    from keras.src.backend.common import global_state

    return dict(global_state.get_global_attribute("object_name_uids", {}) or {})


# counted names that are no layer's or model's (tensors, variables, random seeds, graphs)
NOT_LAYERS = {"keras_tensor", "variable", "seed_generator", "scratch_graph"}


def measure(version: str, names: list[str], top: bool) -> dict[str, dict[str, Any]]:
    keras = _keras(version)
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        keras.backend.clear_session()
        try:
            model = getattr(keras.applications, name)(weights=None, include_top=top)
        except ValueError as exc:  # a size it needs given: not measured without it
            print(version, name, exc, file=sys.stderr)
            continue
        uses = {k: n for k, n in counts(version).items() if k not in NOT_LAYERS}
        out[name] = {"name": model.name, "uses": uses}
        print(version, name, top, out[name]["name"], file=sys.stderr)
    return out


def backbones() -> list[str]:
    from shapesense.libraries.keras_applications import table

    return sorted({name for rows in table().values() for name in rows})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", choices=("2", "3"))
    parser.add_argument("--no-top", action="store_true")
    args = parser.parse_args()
    if args.version:  # one version per process: Keras 2 and 3 do not share one
        json.dump(measure(args.version, backbones(), not args.no_top), sys.stdout)
        return
    table: dict[str, dict[str, dict[str, Any]]] = {}
    for version in ("2", "3"):
        for top in (True, False):
            command = [sys.executable, "-m", "tests.oracle.application_names"]
            command += ["--version", version, *([] if top else ["--no-top"])]
            found = subprocess.run(command, check=True, capture_output=True, text=True)
            for name, row in json.loads(found.stdout).items():
                entry = table.setdefault(version, {}).setdefault(name, {"name": row["name"]})
                entry["uses" if top else "uses_without_top"] = row["uses"]
    TABLE.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
