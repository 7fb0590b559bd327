"""Runs programs under real Keras, one per line of JSON on stdin; one JSON result per line out.

Started with TF_USE_LEGACY_KERAS=1 for Keras 2. Imports TensorFlow once; clears the session
between programs; keras.datasets loaders return zero arrays of the real shapes (no network).
This is the test harness: it executes generated programs on purpose. The product never does.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import re
import signal
import sys
import traceback
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.filterwarnings("ignore")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

LEGACY = os.environ.get("TF_USE_LEGACY_KERAS") == "1"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SHAPES = {
    "mnist": (((60000, 28, 28), (60000,)), ((10000, 28, 28), (10000,))),
    "fashion_mnist": (((60000, 28, 28), (60000,)), ((10000, 28, 28), (10000,))),
    "cifar10": (((50000, 32, 32, 3), (50000, 1)), ((10000, 32, 32, 3), (10000, 1))),
    "cifar100": (((50000, 32, 32, 3), (50000, 1)), ((10000, 32, 32, 3), (10000, 1))),
    "boston_housing": (((404, 13), (404,)), ((102, 13), (102,))),
}
_cache: dict[str, object] = {}


def _stub(name: str):
    def load_data(*args, **kwargs):
        if name not in _cache:
            (a, b), (c, d) = SHAPES[name]
            _cache[name] = (
                (np.zeros(a, np.uint8), np.zeros(b, np.uint8)),
                (np.zeros(c, np.uint8), np.zeros(d, np.uint8)),
            )
        return _cache[name]

    return load_data


def _install_stubs() -> None:
    modules = [tf.keras.datasets]
    if LEGACY:
        import tf_keras

        modules.append(
            tf_keras.datasets
        )  # `import tf_keras`; tf.keras.datasets is tf_keras's api copy
    else:
        import keras

        modules.append(keras.datasets)
    for mod in modules:
        for name in SHAPES:
            sub = getattr(mod, name, None)
            if sub is not None:
                sub.load_data = _stub(name)


def core(exc: BaseException) -> str:
    text = ANSI.sub("", str(exc))
    parts = [
        p.strip()
        for p in text.split("\n\n")
        if p.strip()
        and not p.strip().startswith(
            (
                "Exception encountered",
                "Arguments received",
                "Call arguments received",
                "in user code",
            )
        )
    ]
    msg = parts[0] if parts else text
    for marker in ("ValueError: ", "Error: "):
        if "in user code" in text and marker in text:
            msg = text.rsplit(marker, 1)[-1].strip()
            break
    return " ".join(msg.split())[:400]


def _timeout(signum, frame):
    raise TimeoutError("program took too long")


def run_whole(source: str) -> dict:
    """Every top-level statement, each run even after an earlier one raised: which raised.
    A statement is named by its place among the statements that are not imports (a quick fix
    may add an import at the top). A statement that needs a name an earlier failure left
    undefined raises too, so it counts for the program before a fix and after it alike."""
    if LEGACY:
        source = re.sub(r"^import keras$", "import tf_keras as keras", source, flags=re.M)
    tree = ast.parse(source)
    ns: dict = {"__name__": "__main__"}
    raised: list[list] = []
    ordinal = 0
    for stmt in tree.body:
        is_import = isinstance(stmt, (ast.Import, ast.ImportFrom))
        module = ast.Module(body=[stmt], type_ignores=[])
        signal.alarm(90)
        try:
            exec(compile(module, "<program>", "exec"), ns)
        except Exception as exc:
            raised.append([ordinal, type(exc).__name__, core(exc)])
        finally:
            signal.alarm(0)
        if not is_import:
            ordinal += 1
    return {"raised": bool(raised), "raised_statements": raised}


def run(source: str) -> dict:
    if LEGACY:  # `import keras` is Keras 3 even here; a Keras 2 user's `keras` is tf_keras
        source = re.sub(r"^import keras$", "import tf_keras as keras", source, flags=re.M)
    tree = ast.parse(source)
    ranges = [(s.lineno, s.end_lineno) for s in tree.body]
    ns: dict = {"__name__": "__main__"}
    result: dict = {"raised": False}
    signal.alarm(600)  # a hang guard: a busy machine may take minutes, a hang takes forever
    try:
        exec(compile(source, "<program>", "exec"), ns)
    except Exception as exc:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<program>"]
        line = frames[-1].lineno if frames else None
        stmt = next(((a, b) for a, b in ranges if line is not None and a <= line <= b), None)
        # the top-level statement that was running (`model.fit(...)` when Keras raised inside
        # the `call` of the user's model class it ran): reported there is reported right too
        top = frames[0].lineno if frames else None
        outer = next(((a, b) for a, b in ranges if top is not None and a <= top <= b), None)
        result = {
            "raised": True,
            "type": type(exc).__name__,
            "message": core(exc),
            # TensorFlow's kernel errors come after "Graph execution error:" and the node's trace
            "detail": " ".join(ANSI.sub("", str(exc)).split())[-600:],
            "line": line,
            "statement": stmt,
            "outer_statement": outer,
        }
    finally:
        signal.alarm(0)
    model = ns.get("model")
    shapes = names = None
    if model is not None and not result["raised"]:
        try:
            shapes = [_fmt(layer.output.shape) for layer in model.layers]
        except Exception:
            shapes = None
        with contextlib.suppress(Exception):  # the names Keras gave: the model's and its layers'
            names = [model.name, *(layer.name for layer in model.layers)]
    result["layer_shapes"] = shapes
    result["names"] = names
    return result


def _fmt(shape) -> str:
    dims = [None if d is None else int(d) for d in tuple(shape)]
    inner = ", ".join("None" if d is None else str(d) for d in dims)
    return f"({inner},)" if len(dims) == 1 else f"({inner})"


def main() -> None:
    # Results go to a private handle; whatever TensorFlow or a program prints goes to stderr.
    results = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    signal.signal(signal.SIGALRM, _timeout)
    _install_stubs()
    print(json.dumps({"ready": True, "keras": 2 if LEGACY else 3}), file=results, flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            whole = request.get("whole")
            result = run_whole(request["source"]) if whole else run(request["source"])
        except BaseException as exc:  # the harness itself must survive anything a program does
            result = {
                "raised": True,
                "type": type(exc).__name__,
                "message": core(exc),
                "line": None,
                "statement": None,
                "layer_shapes": None,
            }
        result["id"] = request["id"]
        tf.keras.backend.clear_session()
        print(json.dumps(result), file=results, flush=True)


if __name__ == "__main__":
    main()
