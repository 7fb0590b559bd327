"""Single images as code reads them: Keras's load_img + img_to_array, PIL's Image.open + resize
+ np.array, OpenCV's imread + resize + cvtColor. The shapes are what those libraries give
(PIL and OpenCV take (width, height); Keras's target_size is (height, width); np.array of a
grayscale PIL image has no channel axis, img_to_array adds one)."""

from __future__ import annotations

import pytest

from .helpers import errors, run, shape_of

HEAD = """import numpy as np
import cv2
from PIL import Image
from tensorflow.keras.preprocessing.image import load_img, img_to_array
path = input()
"""


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ("img_to_array(load_img(path, target_size=(64, 32)))", "(64, 32, 3)"),
        (
            'img_to_array(load_img(path, color_mode="grayscale", target_size=(64, 32)))',
            "(64, 32, 1)",
        ),
        ('img_to_array(load_img(path, color_mode="rgba", target_size=(8, 8)))', "(8, 8, 4)"),
        ("img_to_array(load_img(path))", "(None, None, 3)"),  # the file's size is not read
        ('np.array(load_img(path, color_mode="grayscale", target_size=(64, 32)))', "(64, 32)"),
        ('np.array(Image.open(path).convert("RGB").resize((32, 64)))', "(64, 32, 3)"),
        ('np.asarray(Image.open(path).resize((32, 64)).convert("L"), dtype="float32")', "(64, 32)"),
        ("np.array(Image.open(path).resize((32, 64)))", None),  # mode unknown: rank unknown
        ("cv2.imread(path)", "(None, None, 3)"),
        ("cv2.resize(cv2.imread(path), (32, 64))", "(64, 32, 3)"),
        ("cv2.resize(cv2.imread(path, cv2.IMREAD_GRAYSCALE), (32, 64))", "(64, 32)"),
        ("cv2.resize(cv2.imread(path, 0), dsize=(32, 64))", "(64, 32)"),
        ("cv2.cvtColor(cv2.resize(cv2.imread(path), (32, 64)), cv2.COLOR_BGR2RGB)", "(64, 32, 3)"),
        ("cv2.cvtColor(cv2.resize(cv2.imread(path), (32, 64)), cv2.COLOR_BGR2GRAY)", "(64, 32)"),
        ("cv2.imread(path, cv2.IMREAD_UNCHANGED)", None),  # the file's own channels
        ("cv2.resize(cv2.imread(path), (0, 0), fx=0.5, fy=0.5)", None),
    ],
)
def test_image_shapes(expression: str, shape: str | None) -> None:
    assert shape_of(f"{HEAD}r = {expression}\n", "r") == shape


PREDICT = (
    HEAD
    + """from tensorflow import keras
model = keras.Sequential([keras.Input((64, 64, 3)), keras.layers.Conv2D(4, 3),
                          keras.layers.Flatten(), keras.layers.Dense(2)])
image = {image}
model.predict({x})
"""
)


@pytest.mark.parametrize(
    ("image", "x", "lines"),
    [
        # the classic: one image without the batch axis
        ("img_to_array(load_img(path, target_size=(64, 64)))", "image", [9]),
        ("img_to_array(load_img(path, target_size=(64, 64)))", "np.expand_dims(image, 0)", []),
        ("img_to_array(load_img(path, target_size=(64, 64)))", "image[np.newaxis, ...]", []),
        ("img_to_array(load_img(path, target_size=(64, 64)))", "image.reshape(1, 64, 64, 3)", []),
        ("cv2.resize(cv2.imread(path), (64, 64))", "np.array([image])", []),
        ("cv2.resize(cv2.imread(path), (32, 64))", "np.array([image])", [9]),  # 64 x 32
        ("img_to_array(load_img(path))", "np.expand_dims(image, 0)", []),  # size unknown
    ],
)
def test_one_image_into_a_model(image: str, x: str, lines: list[int]) -> None:
    source = PREDICT.format(image=image, x=x)
    assert [f.span.line for f in errors(source)] == lines
    assert [f.span.line for f in errors(source, keras=2)] == lines


def test_an_image_of_unknown_mode_says_why() -> None:
    source = (
        HEAD.replace("path = input()\n", "")
        + """from tensorflow import keras
model = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Flatten(), keras.layers.Dense(2)])
model.predict(np.array(Image.open("a.png").resize((8, 8)))[None])
"""
    )
    (call,) = run(source).calls
    assert call.status == "unchecked"
    assert call.reasons[0].code == "data-from-file"
    assert 'Image.open("a.png")' in call.reasons[0].message
