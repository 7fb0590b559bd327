"""ShapeSense: catch Keras input-shape mistakes before the code runs.

Importing this package imports nothing at all (not even `typing` or `__future__`):
`python -m shapesense` and the `shapesense` command must clean the import path in startup.py
before any module is looked up, so the public names below are loaded on first use.
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .analysis import Options, analyze
    from .findings import Analysis, Finding, Fix, Span, TextEdit

__version__ = "0.1.0"
__all__ = ["Analysis", "Finding", "Fix", "Options", "Span", "TextEdit", "__version__", "analyze"]

_HOME = {
    "Options": "analysis",
    "analyze": "analysis",
    "Analysis": "findings",
    "Finding": "findings",
    "Fix": "findings",
    "Span": "findings",
    "TextEdit": "findings",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'shapesense' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{home}", __name__), name)
