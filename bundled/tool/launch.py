"""Starts the ShapeSense language server for the VS Code extension.

The extension runs `python -I <this file> serve` with this folder as the working directory (see
client/src/server.ts). Isolated mode keeps the user's workspace out of the import path: neither
the working directory, nor this script's folder, nor PYTHONPATH is searched, and no PYTHON*
variable is read. This file then adds only what the chosen import strategy needs:
- useBundled: the server and its pure-Python dependencies vendored in ../libs, searched first;
- the user's own site-packages (`pip install --user`), which -I drops, when the interpreter is not
  a virtual environment: it holds installed packages (numpy), never workspace files.
It imports nothing but modules Python has already loaded at start-up before the path is set.
"""

import os
import site
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

if sys.prefix == sys.base_prefix:
    user_site = site.getusersitepackages()
    if os.path.isdir(user_site):
        site.addsitedir(user_site)
if os.environ.get("SHAPESENSE_IMPORT_STRATEGY") == "useBundled":
    sys.path.insert(0, os.path.join(os.path.dirname(HERE), "libs"))

try:
    from shapesense.startup import main
except ImportError:  # an installed shapesense older than this launcher: -I still protects it
    from shapesense.cli import main

raise SystemExit(main())
