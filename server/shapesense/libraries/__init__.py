"""Library models, one module per library, each registering what it handles (registry.py).

Importing this package registers them all. Families of names are asked in the order their
modules are imported here: a name under `keras.layers` is a layer before anything else.
"""

# isort: off
from . import numpy_arrays  # noqa: F401
from . import numpy  # noqa: F401
from . import python_str  # noqa: F401
from . import builtins  # noqa: F401
from . import tf_data  # noqa: F401
from . import generators  # noqa: F401
from . import tfds  # noqa: F401
from . import keras_datasets  # noqa: F401
from . import tf_ops  # noqa: F401
from . import keras_layers  # noqa: F401
from . import keras_models  # noqa: F401
from . import keras_subclasses  # noqa: F401
from . import keras_op_functions  # noqa: F401
from . import keras_applications  # noqa: F401
from . import keras_data  # noqa: F401
from . import imaging  # noqa: F401
from . import keras_image  # noqa: F401
from . import keras_text  # noqa: F401
from . import pandas  # noqa: F401
from . import pandas_functions  # noqa: F401
from . import sklearn  # noqa: F401
from . import unknowns  # noqa: F401

# isort: on
from .registry import MODEL_ERRORS, REGISTRY

__all__ = ["MODEL_ERRORS", "REGISTRY"]
