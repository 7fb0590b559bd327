"""A compiled extension module built with the C compiler, whose only job is to say it was loaded.

It writes `sentinel` when the shared library is loaded at all (a constructor run by dlopen) and
again when Python initialises it as a module. The test that needs one is skipped, saying why,
on a machine without a C compiler or Python's headers.
"""

from __future__ import annotations

import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

SOURCE = """
#include <Python.h>
#include <stdio.h>
static void ran(void) {
    FILE *f = fopen("%(sentinel)s", "w");
    if (f) { fputs("ran", f); fclose(f); }
}
__attribute__((constructor)) static void on_load(void) { ran(); }
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "%(name)s", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_%(name)s(void) { ran(); return PyModule_Create(&def); }
"""


def build_extension(name: str, folder: Path, sentinel: Path, scratch: Path) -> Path:
    """Build `name`.<EXT_SUFFIX> (e.g. .cpython-311-x86_64-linux-gnu.so) into `folder`."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    include = sysconfig.get_paths()["include"]
    if compiler is None or not (Path(include) / "Python.h").is_file():
        pytest.skip("no C compiler or no Python.h: the compiled-module payload cannot be built")
    source = scratch / f"{name}.c"
    source.write_text(SOURCE % {"sentinel": sentinel, "name": name})
    target = folder / (name + sysconfig.get_config_var("EXT_SUFFIX"))
    subprocess.run(
        [compiler, "-shared", "-fPIC", f"-I{include}", str(source), "-o", str(target)],
        check=True,
        timeout=120,
    )
    return target
