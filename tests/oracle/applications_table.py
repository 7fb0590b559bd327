"""Measure every keras.applications backbone under real Keras 3 and Keras 2 and write the table
ShapeSense answers from (server/shapesense/keras/applications.json).

    nice python -m tests.oracle.applications_table            # both versions, every backbone
    nice python -m tests.oracle.applications_table --only VGG16 ResNet50   # merged into the table

Per backbone and version, with `weights=None` (nothing is downloaded):
- `default_size`, `min_size`: what the constructor passes to `imagenet_utils.obtain_input_shape`
  (recorded by wrapping it), which enforces the size and channel rules;
- `include_top=True`: the default input, output and parameter count, and the classifier's
  parameters per class (the last layer's count / 1000);
- `include_top=False` with no input shape: the feature map's channels and parameter count;
- the spatial rule: each axis of the feature map is `(size + offset) // stride + extra` (a chain
  of convolutions and poolings composes to that form), fitted on the model built with no input
  shape (`compute_output_shape`, or traced on a symbolic input where a layer has none), or else
  TensorFlow's "same" rule, checked on models built at `min_size`, 97, 200 and `default_size`;
  `spatial_checked` is False when neither fits them all
  (ShapeSense then leaves the size unknown, except at the sizes measured, kept in `measured`);
- one below the minimum size: what Keras says;
- the model's name (`model_name`: resnet-rs-50) and `top_any_size`, whether the top has the
  same parameters at another size (global pooling and Dense: MobileNetV3, RegNet, ResNetRS).
With `--rules` (builds nothing: the constructor is stopped where it calls obtain_input_shape):
`always_flatten`, `default_size_by_input`, the constructor's `parameters` (any other keyword is
a TypeError), `classes_error` (Keras's words for `classes` other than 1000 with ImageNet weights
and the top: each backbone words it its own way) and `imagenet_as` (the weights obtain_input_shape
is given for "imagenet": ResNetRS gives "imagenet-i160"..., so no ImageNet rule applies there).
Building them all takes some minutes of CPU: run it niced. tests/oracle/test_applications.py
re-checks a sample against real Keras.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

TABLE = (
    Path(__file__).resolve().parents[2] / "server" / "shapesense" / "keras" / "applications.json"
)


def _keras(version: str) -> tuple[Any, Any]:
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    if version == "2":
        os.environ["TF_USE_LEGACY_KERAS"] = "1"
        import tf_keras as keras
        from tf_keras.src.applications import imagenet_utils
    else:
        import keras
        from keras.src.applications import imagenet_utils
    return keras, imagenet_utils


def _clear(keras: Any) -> None:
    keras.backend.clear_session()


def _spatial_rule(keras: Any, model: Any, channels: int) -> tuple[int, int, int] | None:
    """(offset, stride, extra) with out = (size + offset) // stride + extra, from the model built
    on an undefined size."""

    def out(size: int) -> int:
        try:
            shape = model.compute_output_shape((1, size, size, channels))
        except NotImplementedError:  # Keras 2's MobileNetV3 and ConvNeXt: a TF op layer has no
            # shape rule, so trace the model on a symbolic input: TensorFlow's shape inference
            # through the same graph, a fraction of a second where running it on zeros at
            # 1024-2048 px took minutes (ConvNeXtBase: 862 s of CPU, 5.5 GB)
            symbolic = keras.Input(batch_shape=(1, size, size, channels))
            shape = model(symbolic).shape
            if shape[1] is None:  # inference left the size open: run it
                shape = model(np.zeros((1, size, size, channels), "float32")).shape
        return int(tuple(shape)[1])

    low, high = out(1024), out(2048)
    if high <= low:
        return None
    stride = round(1024 / (high - low))
    start = 1024
    base = out(start)
    # the first size at or after `start` where the output grows: out(jump) = out(jump - 1) + 1
    lo, hi = start, start + stride
    if out(hi) == base:
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if out(mid) == base:
            lo = mid
        else:
            hi = mid
    jump = hi
    offset = (-jump) % stride
    extra = out(jump) - (jump + offset) // stride
    return offset, stride, extra


def _apply(rule: tuple[int, int, int], size: int) -> int:
    offset, stride, extra = rule
    return (size + offset) // stride + extra


def measure(version: str, names: list[str] | None) -> dict[str, Any]:
    keras, imagenet_utils = _keras(version)
    seen: dict[str, Any] = {}
    original = imagenet_utils.obtain_input_shape

    def recording(input_shape: Any, default_size: int, min_size: int, *args: Any, **kwargs: Any):
        seen["default_size"], seen["min_size"] = default_size, min_size
        return original(input_shape, default_size, min_size, *args, **kwargs)

    imagenet_utils.obtain_input_shape = recording
    apps = keras.applications
    found = sorted(n for n in dir(apps) if n[:1].isupper() and callable(getattr(apps, n)))
    results: dict[str, Any] = {}
    for name in [n for n in names if n in found] if names else found:
        started = time.process_time()
        build = getattr(apps, name)
        row: dict[str, Any] = {"module": build.__module__.rsplit(".", 1)[-1]}
        try:
            seen.clear()
            top = build(weights=None)
            row["default_size"] = seen.get("default_size")
            row["min_size"] = seen.get("min_size")
            row["top_input"] = list(top.input_shape[1:])
            row["top_output"] = list(top.output_shape[1:])
            row["top_params"] = int(top.count_params())
            classifier = next(layer for layer in reversed(top.layers) if layer.count_params())
            row["params_per_class"] = int(classifier.count_params()) // 1000
            row["model_name"] = top.name  # the summary's row: resnet-rs-50, not resnetrs50
            del top
            _clear(keras)
            # a top of global pooling and Dense has the same weights at any size
            # (MobileNetV3, RegNet, ResNetRS): measured at another size than the default
            other = max(row["min_size"] or 32, 64) | 1
            try:
                sized = build(weights=None, input_shape=(other, other, 3))
                row["top_any_size"] = int(sized.count_params()) == row["top_params"]
                del sized
            except Exception:
                row["top_any_size"] = False
            _clear(keras)
            bare = build(weights=None, include_top=False)
            row["bare_input"] = [d for d in bare.input_shape[1:]]
            row["channels"] = int(bare.output_shape[-1])
            row["bare_params"] = int(bare.count_params())
            try:
                rule = _spatial_rule(keras, bare, 3)
            except Exception as exc:
                rule, row["rule_error"] = None, f"{type(exc).__name__}: {exc}"[:200]
            del bare
            _clear(keras)
            low = row["min_size"] or 32
            sizes = sorted({low, max(low, 97) | 1, max(low, 200), row["default_size"] or 224})
            measured: dict[str, int] = {}
            for size in sizes:
                model = build(weights=None, include_top=False, input_shape=(size, size, 3))
                measured[str(size)] = int(model.output_shape[1])
                del model
                _clear(keras)
            row["measured"] = measured
            # The rule of the model built on an undefined size, or else TensorFlow's "same"
            # rule (ceil(size / stride)): backbones that pad by the size's parity when it is known.
            candidates = [rule] if rule else []
            if rule:
                candidates.append((rule[1] - 1, rule[1], 0))
            fitting = [
                c for c in candidates if all(_apply(c, int(s)) == h for s, h in measured.items())
            ]
            row["spatial"] = list(fitting[0]) if fitting else (list(rule) if rule else None)
            row["spatial_checked"] = bool(fitting)
            try:
                build(weights=None, include_top=False, input_shape=(low - 1, low - 1, 3))
                row["below_min"] = "builds"
            except Exception as exc:
                row["below_min"] = f"{type(exc).__name__}: {exc}"[:300]
            _clear(keras)
        except Exception as exc:
            row["error"] = f"{type(exc).__name__}: {exc}"[:300]
            _clear(keras)
        row["cpu_seconds"] = round(time.process_time() - started, 1)
        print(f"keras {version} {name}: {row}", file=sys.stderr, flush=True)
        print(json.dumps({name: row}), flush=True)  # one line each: the table keeps what is done
        results[name] = row
    return results


SQUARE_SIZES = [*range(32, 513, 8), 75, 139, 299, 331]


class _Stop(Exception):
    """Raised by the recording wrapper: the arguments are known, nothing needs building."""


CLASSES = 12345  # a count no backbone has: where Keras's message shows it


def _imagenet_rules(build: Any, asked: dict[str, Any]) -> dict[str, Any]:
    """With weights="imagenet": Keras's words when `classes` is not 1000 (some backbones word
    it their own way), and the weights obtain_input_shape is given: ResNetRS passes
    "imagenet-i224"... so its ImageNet checks (3 channels, the default size) do not apply."""
    found: dict[str, Any] = {"classes_error": None, "imagenet_as": "imagenet"}
    try:
        build(weights="imagenet", include_top=True, classes=CLASSES)
    except _Stop:
        pass
    except ValueError as exc:
        found["classes_error"] = str(exc).replace(str(CLASSES), "{classes}")
    asked.clear()
    try:
        build(weights="imagenet", include_top=False)
    except _Stop:
        found["imagenet_as"] = asked.get("weights")
    return found


def constructor_rules(version: str, names: list[str] | None) -> None:
    """Per backbone, what the constructor asks of obtain_input_shape with include_top=False:
    `always_flatten` when it requires the default size anyway (NASNet does). Builds nothing."""
    keras, imagenet_utils = _keras(version)
    asked: dict[str, Any] = {}

    def recording(input_shape: Any, default_size: int, min_size: int, *args: Any, **kwargs: Any):
        flatten = kwargs.get("require_flatten", args[1] if len(args) > 1 else None)
        asked.update(default_size=default_size, min_size=min_size, always_flatten=bool(flatten))
        asked["weights"] = kwargs.get("weights", args[2] if len(args) > 2 else None)
        raise _Stop

    imagenet_utils.obtain_input_shape = recording
    apps = keras.applications
    for name in sorted(n for n in dir(apps) if n[:1].isupper() and callable(getattr(apps, n))):
        if names and name not in names:
            continue
        asked.clear()
        try:
            getattr(apps, name)(weights=None, include_top=False)
        except _Stop:
            pass
        except Exception as exc:
            asked["rules_error"] = f"{type(exc).__name__}: {exc}"[:200]
        rules = {k: v for k, v in asked.items() if k != "weights"}
        build = getattr(apps, name)
        rules["parameters"] = list(inspect.signature(build).parameters)  # others: TypeError
        if "default_size" in rules:  # obtain_input_shape is reached: nothing is downloaded
            rules.update(_imagenet_rules(build, asked))
        # MobileNet and MobileNetV2 take a square input of some sizes as their default size
        by_input = {}
        for size in SQUARE_SIZES:
            asked.clear()
            try:
                getattr(apps, name)(weights=None, include_top=False, input_shape=(size, size, 3))
            except _Stop:
                if asked.get("default_size") not in (None, rules.get("default_size")):
                    by_input[str(size)] = asked["default_size"]
            except Exception:
                continue
        rules["default_size_by_input"] = by_input
        print(json.dumps({name: rules}), flush=True)


def _write(table: dict[str, Any]) -> None:
    """Whole or not at all: a run stopped half-way leaves the last complete table."""
    partial = TABLE.with_suffix(".json.partial")
    partial.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")
    os.replace(partial, TABLE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="backbone names (merged into the table)")
    parser.add_argument("--versions", nargs="*", default=["3", "2"])
    parser.add_argument("--rules", action="store_true", help="only the constructor's rules")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        (constructor_rules if args.rules else measure)(args.worker, args.only)
        return 0
    table = json.loads(TABLE.read_text()) if TABLE.exists() else {}
    workers = {}
    for version in args.versions:  # one process per version, side by side
        command = [sys.executable, "-m", "tests.oracle.applications_table", "--worker", version]
        if args.only:
            command += ["--only", *args.only]
        if args.rules:
            command.append("--rules")
        workers[version] = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    lock = threading.Lock()

    def collect(version: str, worker: subprocess.Popen[str]) -> None:
        assert worker.stdout is not None
        for line in worker.stdout:
            if line.startswith("{"):
                with lock:  # written after each backbone: an interrupted run keeps what it did
                    for name, row in json.loads(line).items():  # key by key: a pass adds
                        entry = table.setdefault(version, {}).setdefault(name, {})
                        if not args.rules:  # a new measurement: no failure of an earlier one
                            entry.pop("rule_error", None)
                            entry.pop("error", None)
                        entry.update(row)
                    _write(table)

    readers = [threading.Thread(target=collect, args=item) for item in workers.items()]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    if failed := [v for v, worker in workers.items() if worker.wait() != 0]:
        print(f"keras {failed}: worker failed", file=sys.stderr)
        return 1
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
