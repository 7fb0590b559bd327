"""Measure the layer real Keras names when a keras.applications backbone meets images of
another channel count, and write the table ShapeSense names it from
(server/shapesense/keras/application_stems.json).

    nice python -m tests.oracle.application_stems            # both versions, every backbone

Keras checks the channels at the backbone's first convolution (its stem: ResNet50's
`conv1_conv`, VGG16's `block1_conv1`), after the layers before it (ResNet50 pads 3 pixels
on each side: 64x64 images reach `conv1_conv` as 70x70). Per backbone and version, built with
`weights=None, include_top=False` on 3 channels, then called on 1-channel images of two sizes
(the backbone's model-level input check squeezes a trailing 1, so they reach the stem): the
layer its ValueError names, and how many pixels rows and columns gain before it (`pad`; kept
only when both sizes agree); a stem named automatically (`conv2d`: its number depends on the
layers made before) is left out. Backbones that take 1-channel images (EfficientNet, ConvNeXt: a
Normalization broadcasts them to 3) have no row. tests/oracle/test_names.py re-checks rows
against real Keras.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from .application_names import _keras, backbones

TABLE = (
    Path(__file__).resolve().parents[2]
    / "server"
    / "shapesense"
    / "keras"
    / "application_stems.json"
)
# `Input 0 of layer "conv1_conv"` (Keras 2), `Input 0 with name 'None' of layer 'conv1_conv'`
REFUSAL = re.compile(
    r"""Input 0 (?:with name '[^']*' )?of layer ["']([^"']+)["'] is incompatible with the layer: """
    r"expected axis -1 of input shape to have value 3, but received input with shape "
    r"\(\d+, (\d+), (\d+), 1\)"
)


def _sizes(version: str, name: str) -> tuple[int, ...]:
    """Two image sizes the backbone takes (NASNet in Keras 3 only its default: one)."""
    from shapesense.libraries.keras_applications import table

    row = table().get(version, {}).get(name, {})
    bare = row.get("bare_input") or []
    if bare and all(type(d) is int for d in bare[:2]):
        return (int(bare[0]),)
    least = max(int(row.get("min_size") or 32), 75)
    return (least + 21, least + 53)


def measure(version: str, names: list[str]) -> dict[str, dict[str, Any]]:
    import numpy as np

    keras = _keras(version)
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        keras.backend.clear_session()
        sizes = _sizes(version, name)
        try:
            shape = (sizes[0], sizes[0], 3) if len(sizes) == 1 else (None, None, 3)
            model = getattr(keras.applications, name)(
                weights=None, include_top=False, input_shape=shape
            )
        except (ValueError, AttributeError) as exc:
            print(version, name, exc, file=sys.stderr)
            continue
        found: list[tuple[str, int]] = []
        for size in sizes:
            try:
                model(np.zeros((1, size, size, 1), "float32"))
            except ValueError as exc:
                match = REFUSAL.search(" ".join(str(exc).split()))
                if match is None or match.group(2) != match.group(3):
                    print(version, name, size, str(exc)[:300], file=sys.stderr)
                    break
                found.append((match.group(1), int(match.group(2)) - size))
            else:
                break  # it takes 1 channel
        if len(found) == len(sizes) and len(set(found)) == 1:
            out[name] = {"stem": found[0][0], "pad": found[0][1]}
        print(version, name, found, file=sys.stderr)
    return out


def named_by_keras(table: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """The rows whose stem has a name of its own: an automatic one (InceptionV3's `conv2d`)
    depends on the layers the session made before the backbone, and is left out."""
    from shapesense.libraries.keras_application_names import table as names

    out: dict[str, Any] = {}
    for version, rows in table.items():
        for name, row in rows.items():
            uses = names().get(version, {}).get(name, {})
            automatic = {*uses.get("uses", {}), *uses.get("uses_without_top", {})}
            if row["stem"] not in automatic:
                out.setdefault(version, {})[name] = row
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", choices=("2", "3"))
    args = parser.parse_args()
    if args.version:  # one version per process: Keras 2 and 3 do not share one
        json.dump(measure(args.version, backbones()), sys.stdout)
        return
    command = [sys.executable, "-m", "tests.oracle.application_stems", "--version"]
    runs = {v: subprocess.Popen([*command, v], stdout=subprocess.PIPE, text=True) for v in "23"}
    table = named_by_keras({v: json.loads(run.communicate()[0]) for v, run in runs.items()})
    TABLE.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
