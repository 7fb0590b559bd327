"""keras/installed.py finds a distribution's version and folder as importlib.metadata does,
without importing it (a sixth of a cold `shapesense check`)."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from shapesense.keras import installed


def _metadata(name: str, paths: list[str] | None) -> tuple[str, str] | None:
    found = (
        metadata.distributions(name=name)
        if paths is None
        else metadata.distributions(name=name, path=paths)
    )
    for dist in found:
        return str(dist.version), str(dist.locate_file(""))
    return None


def test_every_installed_distribution_is_found_as_importlib_metadata_finds_it() -> None:
    names = sorted({d.metadata["Name"] for d in metadata.distributions() if d.metadata["Name"]})
    assert len(names) > 50  # tensorflow, keras and their dependencies at least
    for name in [*names, "keras", "tf-keras", "tf_keras", "tensorflow-cpu", "no-such-dist"]:
        # this environment's path is plain folders: NotPlain would fail the test
        assert installed.find(name, None) == _metadata(name, None), name


def _info(folder: Path, child: str, text: str, filename: str = "METADATA") -> None:
    (folder / child).mkdir(parents=True)
    (folder / child / filename).write_text(text)


PLAIN = "Metadata-Version: 2.1\nName: tf_keras\nVersion: 2.21.0\n"


@pytest.mark.parametrize(
    ("child", "filename", "text", "plain"),
    [
        ("Tf_Keras-2.21.0.dist-info", "METADATA", PLAIN, True),
        ("tf.keras-2.1.dist-info", "METADATA", "Name: a\nversion:\t2.1 \n\nVersion: 9\n", True),
        ("tf_keras.egg-info", "PKG-INFO", "Metadata-Version: 1.0\nVersion: 2.3\n", True),
        ("tf_keras-2.4.dist-info", "METADATA", "", False),  # no version
        ("tf_keras-2.5.dist-info", "METADATA", "Summary: a\n  folded\nVersion: 2.5\n", False),
        ("tf_keras-2.6.dist-info", "METADATA", "Name: tf-keras\n\nVersion: 2.6\n", False),
    ],
)
def test_a_folder_on_the_path_is_read_as_importlib_metadata_reads_it(
    tmp_path: Path, child: str, filename: str, text: str, plain: bool
) -> None:
    _info(tmp_path / "site", child, text, filename)
    _info(tmp_path / "later", "tf_keras-9.9.dist-info", "Name: tf-keras\nVersion: 9.9\n")
    paths = [str(tmp_path / "missing"), str(tmp_path / "site"), str(tmp_path / "later")]
    if not plain:  # a folded header, or no Version header: the email parser decides
        with pytest.raises(installed.NotPlain):
            installed.find("tf-keras", paths)
        return
    found = installed.find("tf-keras", paths)
    assert found == _metadata("tf-keras", paths)
    assert found is not None and found[1] == str(tmp_path / "site")


def test_a_zip_or_an_egg_on_the_path_is_left_to_importlib_metadata(tmp_path: Path) -> None:
    (tmp_path / "lib.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    with pytest.raises(installed.NotPlain):
        installed.find("keras", [str(tmp_path / "lib.zip")])
    (tmp_path / "x-1.0.egg").mkdir()
    with pytest.raises(installed.NotPlain):
        installed.find("keras", [str(tmp_path / "x-1.0.egg")])
    assert installed.find("keras", [str(tmp_path / "nothing here")]) is None


def test_the_version_is_read_without_importing_importlib_metadata() -> None:
    code = (
        "import sys; from shapesense.keras.versions import detect_with_origin; "
        "print(detect_with_origin().origin); print('importlib.metadata' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0].startswith("keras ")
    assert out[1] == "False"


def test_an_undecodable_metadata_file_is_no_version_as_before(tmp_path: Path) -> None:
    from shapesense.keras.versions import _dist

    (tmp_path / "tf_keras-2.1.dist-info").mkdir()
    (tmp_path / "tf_keras-2.1.dist-info" / "METADATA").write_bytes(b"Version: \xff\xfe\n")
    with pytest.raises(UnicodeDecodeError):  # what importlib.metadata meets too
        _metadata("tf-keras", [str(tmp_path)])
    assert _dist("tf-keras", [str(tmp_path)]) is None


@pytest.mark.parametrize(("version", "minor"), [("3.12.0", 12), ("3.15.1", 15), ("2.15.0", None)])
def test_the_installed_keras_gives_its_minor_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: str, minor: int | None
) -> None:
    """Keras 3's words depend on its minor version (keras/versions.py `incompatible`)."""
    from shapesense.keras.versions import LEGACY_ENV, detect_with_origin

    monkeypatch.delenv(LEGACY_ENV, raising=False)
    _info(
        tmp_path,
        f"keras-{version}.dist-info",
        f"Metadata-Version: 2.1\nName: keras\nVersion: {version}\n",
    )
    found = detect_with_origin("auto", [str(tmp_path)]).keras
    assert (found.major, found.minor) == (3 if version[0] == "3" else 2, minor)
