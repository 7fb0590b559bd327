"""ShapeSense: catch Keras input-shape mistakes before the code runs."""

from .analysis import Options, analyze
from .findings import Analysis, Finding, Fix, Span, TextEdit

__version__ = "0.1.0"
__all__ = ["Analysis", "Finding", "Fix", "Options", "Span", "TextEdit", "__version__", "analyze"]
