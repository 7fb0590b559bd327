# `python -m shapesense`: Python has put the working directory first on the import path; startup
# removes it (and PYTHONPATH) before any other module is imported. The package __init__ imports
# nothing, and `.startup` is found inside this package, never on the path.
from .startup import main

raise SystemExit(main())
