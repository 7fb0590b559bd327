"""Names: aliases Keras exports for a class, the functional merge forms, default layer names."""

from __future__ import annotations

import functools

ALIASES = {
    "MaxPool1D": "MaxPooling1D",
    "MaxPool2D": "MaxPooling2D",
    "MaxPool3D": "MaxPooling3D",
    "AvgPool1D": "AveragePooling1D",
    "AvgPool2D": "AveragePooling2D",
    "AvgPool3D": "AveragePooling3D",
    "GlobalAvgPool1D": "GlobalAveragePooling1D",
    "GlobalAvgPool2D": "GlobalAveragePooling2D",
    "GlobalMaxPool1D": "GlobalMaxPooling1D",
    "GlobalMaxPool2D": "GlobalMaxPooling2D",
    "Convolution1D": "Conv1D",
    "Convolution2D": "Conv2D",
    "Convolution3D": "Conv3D",
    "Deconvolution2D": "Conv2DTranspose",
    "SeparableConvolution2D": "SeparableConv2D",
}

# The function forms: keras.layers.concatenate([a, b], axis=1) and friends.
MERGE_FUNCTIONS = {
    "concatenate": "Concatenate",
    "add": "Add",
    "subtract": "Subtract",
    "multiply": "Multiply",
    "average": "Average",
    "maximum": "Maximum",
    "minimum": "Minimum",
    "dot": "Dot",
}


def canonical_name(class_name: str) -> str:
    return ALIASES.get(class_name, class_name)


@functools.lru_cache(maxsize=1024)
def snake_case(class_name: str) -> str:
    """Keras's default layer name: Conv2D -> conv2d, MaxPooling2D -> max_pooling2d."""
    out = []
    for i, ch in enumerate(class_name):
        if (
            ch.isupper()
            and i > 0
            and (
                class_name[i - 1].islower()
                or (i + 1 < len(class_name) and class_name[i + 1].islower())
            )
        ):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)
