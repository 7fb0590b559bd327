"""The user's Python environment, found without running it: its site-packages folders.

Used to read the installed Keras version from package metadata. No interpreter is started
(an editor backend must not spawn processes in the user's projects).
"""

from __future__ import annotations

from pathlib import Path


def site_packages(python: str) -> list[str]:
    """site-packages folders of the environment an interpreter path belongs to."""
    exe = Path(python)
    roots = {exe.parent.parent, exe.resolve().parent.parent}
    found: list[str] = []
    for root in roots:
        for pattern in ("lib/python3*/site-packages", "Lib/site-packages", "lib/site-packages"):
            found += [str(p) for p in sorted(root.glob(pattern)) if p.is_dir()]
    return list(dict.fromkeys(found))
