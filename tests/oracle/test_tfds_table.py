"""The tfds.load table (server/shapesense/libraries/tfds.py) against tensorflow-datasets' own
builders: each dataset's `_info()` declares its features and supervised keys in code, so the
input's shape and dtype and the label's class count are read offline, nothing downloaded."""

from __future__ import annotations

import os

import pytest
from shapesense.libraries.tfds import DATASETS

pytestmark = pytest.mark.oracle


@pytest.fixture(scope="module")
def tfds():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        import tensorflow_datasets
    except ImportError:
        message = "tensorflow-datasets is not installed (pip install -e '.[oracle]')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return tensorflow_datasets


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_the_row_is_what_the_builder_declares(tfds, tmp_path, name: str) -> None:
    entry = DATASETS[name]
    info = tfds.builder_cls(name)(data_dir=str(tmp_path))._info()
    x_key, y_key = info.supervised_keys
    x, y = info.features[x_key], info.features[y_key]
    assert tuple(x.shape) == tuple(entry.shape)
    assert {"string": "str"}.get(x.dtype.name, x.dtype.name) == entry.dtype
    assert y.num_classes == entry.classes
