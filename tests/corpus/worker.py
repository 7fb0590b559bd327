"""Runs corpus programs under real Keras: one JSON request per line on stdin, one result out.

Builds on the oracle's worker (tests/oracle/worker.py: TensorFlow imported once, keras.datasets
stubbed with zero arrays of the real shapes, the same error text). Adds what real-style code
needs: a fresh temporary cwd per program in which its `<name>.files.py` runs first; downloads
stubbed (`keras.utils.get_file` returns a path in the cwd that the files script makes;
`keras.applications` build as asked but skip loading ImageNet weights, so every check on
`weights='imagenet'` still runs); for Keras 2, `keras` imports resolve to tf_keras; and the
statements of the user's code on the traceback. The harness executes programs on purpose;
the product never does.
"""

from __future__ import annotations

import ast
import importlib
import importlib.abc
import importlib.util
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository, for tests.*

from tests.oracle import worker as oracle  # imports TensorFlow

np, tf = oracle.np, oracle.tf
STUB_WEIGHTS = "/nonexistent/shapesense-corpus-weights/"
ARCHIVES = (".tar.gz", ".tgz", ".tar", ".zip")
MODEL_CALLS = (
    "fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch",
    "fit_generator", "evaluate_generator", "predict_generator",
)  # fmt: skip
called: list[int] = []  # lines of the program that called one of MODEL_CALLS on a model


def _recording(method):
    """Notes the program line calling a model method (not Keras calling itself)."""

    def wrapper(self, *args, **kwargs):
        caller = sys._getframe(1)
        if caller.f_code.co_filename == "<program>":
            called.append(caller.f_lineno)
        return method(self, *args, **kwargs)

    return wrapper


def get_file(fname=None, origin=None, untar=False, extract=False, cache_subdir="datasets", **kw):
    """No network: model weights get a path load_weights skips; data gets `cwd/<fname>`
    (archive suffix dropped when extracted), which the program's files script made."""
    name = fname or os.path.basename(str(origin or "download"))
    if cache_subdir == "models" or name.endswith((".h5", ".keras", ".weights.h5")):
        return STUB_WEIGHTS + name
    if untar or extract:
        for suffix in ARCHIVES:
            if name.endswith(suffix):
                name = name[: -len(suffix)]
                break
    return os.path.abspath(name)


def _skip_stub_weights(load_weights):
    def wrapper(self, filepath, *args, **kwargs):
        if str(filepath).startswith(STUB_WEIGHTS):
            return None
        return load_weights(self, filepath, *args, **kwargs)

    return wrapper


class _KerasIsTfKeras(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """For Keras 2, a user's `import keras` / `from keras.layers import X` is tf_keras."""

    def find_spec(self, name, path=None, target=None):
        if name == "keras" or name.startswith("keras."):
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return importlib.import_module("tf_" + spec.name)

    def exec_module(self, module):
        pass


def install_stubs() -> None:
    oracle._install_stubs()
    if oracle.LEGACY:
        import tf_keras
        from tf_keras.src.engine import training
        from tf_keras.src.utils import data_utils

        # tf.keras.utils is tf_keras's api copy, another module object than tf_keras.utils: a
        # program's first `tf.keras.utils.get_file` would reach the network
        data_utils.get_file = tf_keras.utils.get_file = tf.keras.utils.get_file = get_file
        training.Model.load_weights = _skip_stub_weights(training.Model.load_weights)
        model_class = training.Model
        for name in [m for m in sys.modules if m == "keras" or m.startswith("keras.")]:
            del sys.modules[name]
        sys.meta_path.insert(0, _KerasIsTfKeras())
    else:
        import keras
        from keras.src.models import model
        from keras.src.utils import file_utils

        file_utils.get_file = keras.utils.get_file = get_file
        model.Model.load_weights = _skip_stub_weights(model.Model.load_weights)
        model_class = model.Model
    for name in MODEL_CALLS:
        if hasattr(model_class, name):
            setattr(model_class, name, _recording(getattr(model_class, name)))


def statement_ranges(tree: ast.AST, line: int) -> tuple[int, int] | None:
    """The innermost statement containing `line`."""
    best: tuple[int, int] | None = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt) or node.end_lineno is None:
            continue
        inside = node.lineno <= line <= node.end_lineno
        if inside and (best is None or node.end_lineno - node.lineno <= best[1] - best[0]):
            best = (node.lineno, node.end_lineno)
    return best


def run_program(source: str, setup: str | None) -> dict:
    tree = ast.parse(source)
    home = os.getcwd()
    workdir = tempfile.mkdtemp(prefix="corpus-")
    os.chdir(workdir)
    random.seed(0)
    np.random.seed(0)
    tf.random.set_seed(0)
    result: dict = {"raised": False}
    called.clear()
    signal.alarm(600)  # a hang guard: a busy machine may take minutes, a hang takes forever
    try:
        if setup is not None:
            try:
                exec(compile(setup, "<files>", "exec"), {"__name__": "__main__"})
            except Exception as exc:
                return {"raised": True, "type": "SetupError", "message": repr(exc)[:300]}
        try:
            exec(compile(source, "<program>", "exec"), {"__name__": "__main__"})
        except Exception as exc:
            frames = [
                f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<program>"
            ]
            stack = [statement_ranges(tree, f.lineno) for f in frames if f.lineno]
            result = {
                "raised": True,
                "type": type(exc).__name__,
                "message": oracle.core(exc)[:300],
                "line": frames[-1].lineno if frames else None,
                "statements": [list(s) for s in stack if s],
            }
    finally:
        signal.alarm(0)
        os.chdir(home)
        shutil.rmtree(workdir, ignore_errors=True)
    calls = {statement_ranges(tree, line) for line in called}
    result["calls"] = sorted(list(c) for c in calls if c)
    return result


def main() -> None:
    results = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    signal.signal(signal.SIGALRM, oracle._timeout)
    install_stubs()
    from importlib.metadata import version

    keras = version("tf-keras") if oracle.LEGACY else version("keras")
    versions = {"tensorflow": tf.__version__, "keras": keras}
    print(json.dumps({"ready": True, **versions}), file=results, flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            result = run_program(request["source"], request.get("setup"))
        except BaseException as exc:  # the harness must survive anything a program does
            result = {"raised": True, "type": type(exc).__name__, "message": oracle.core(exc)}
        result["id"] = request["id"]
        tf.keras.backend.clear_session()
        print(json.dumps(result), file=results, flush=True)
    os._exit(0)  # threads a program left behind (data loaders) must not keep the worker alive


if __name__ == "__main__":
    main()
