"""Oracle tests need real Keras. Locally they are opt-in (-m oracle); in CI they must run:
with CI set, a missing TensorFlow is a failure, never a silent skip."""

from __future__ import annotations

import importlib.util
import os

import pytest

from .run import POOL


def _require_tensorflow() -> None:
    if (
        importlib.util.find_spec("tensorflow") is None
        or importlib.util.find_spec("tf_keras") is None
    ):
        message = "the oracle needs tensorflow-cpu==2.21.0 and tf-keras==2.21.0 (pip install -e '.[oracle]')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session", params=[3, 2], ids=["keras3", "keras2"])
def keras_worker(request: pytest.FixtureRequest):
    _require_tensorflow()
    worker = POOL.take(request.param)
    yield worker
    POOL.give_back(worker)  # the generated sample, in the same process, runs on it next


@pytest.hookimpl(trylast=True)  # after pytest groups the rows by Keras version
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The generated sample first: it runs for minutes on two Keras processes of its own, and
    under `-n 2` the table rows then share the cores with it instead of running before it."""
    items.sort(key=lambda item: not item.name.startswith("test_generated_sample"))
