"""Images read from files by PIL and OpenCV, with the shapes the code asks for.

A file's own size is never read: an image is (height, width) unknown until the code resizes
it. PIL: `Image.open(p)` has an unknown mode (so `np.array(img)` has an unknown rank) until
`.convert("L" | "RGB" | ...)`; `.resize((w, h))` gives height h and width w (PIL's order).
OpenCV: `cv2.imread(p)` is (h, w, 3) uint8, `cv2.IMREAD_GRAYSCALE` (h, w); `cv2.resize(img,
(w, h))`; `cv2.cvtColor` to or from gray changes the channel axis.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .. import silence
from ..session import Session
from ..shapes import Dim
from ..values import UNKNOWN, Array, Const, Ref, Seq, Value, as_array_shape, const_int
from .registry import REGISTRY, FunctionModel, InPlace

# PIL modes: the channel axis np.array gives (None: no channel axis)
MODE_CHANNELS: dict[str, int | None] = {
    "L": None,
    "1": None,
    "P": None,
    "I": None,
    "F": None,
    "LA": 2,
    "RGB": 3,
    "RGBA": 4,
    "CMYK": 4,
    "YCbCr": 3,
}


@dataclass(frozen=True)
class PilImage(Value):
    """A PIL image: its size when the code set it, its mode when known."""

    height: Dim = None
    width: Dim = None
    mode: str | None = None
    trace: tuple[str, ...] = ()

    def then(self, what: str, **changes: object) -> PilImage:
        fields = {"height": self.height, "width": self.width, "mode": self.mode} | changes
        return PilImage(trace=(*self.trace, what)[-6:], **fields)  # type: ignore[arg-type]


def pil_array(image: PilImage, dtype: str = "uint8") -> Value:
    """np.array(image): (height, width) and the mode's channels; unknown for an unknown mode."""
    if image.mode not in MODE_CHANNELS:  # L gives (h, w), RGB (h, w, 3): the rank is unknown
        what = image.trace[0].strip("`") if image.trace else "Image.open(...)"
        return silence.unknown(silence.DATA_FROM_FILE, what, None, "PIL.Image.open")
    channels = MODE_CHANNELS[image.mode]
    shape = (image.height, image.width) + (() if channels is None else (channels,))
    return Array(shape, dtype, image.trace)


REGISTRY.arrays[PilImage] = pil_array
REGISTRY.kind(PilImage)


@REGISTRY.function("PIL.Image.open")
def image_open(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    return PilImage(trace=(f"`{session.src.segment(node, 50)}`",))


@REGISTRY.method(PilImage, "convert")
def convert(
    session: Session,
    image: PilImage,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    mode = args[0] if args else kwargs.get("mode", UNKNOWN)
    if not (isinstance(mode, Const) and isinstance(mode.value, str)):
        return image.then("convert", mode=None)
    return image.then(f"convert({mode.value!r})", mode=mode.value)


@REGISTRY.method(PilImage, "resize")
def resize(
    session: Session,
    image: PilImage,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """img.resize((width, height)): PIL's size is width first."""
    size = as_array_shape(args[0] if args else kwargs.get("size", UNKNOWN))
    if size is None or len(size) != 2:
        return image.then("resize", height=None, width=None)
    width, height = size
    return image.then(f"resize(({width}, {height}))", height=height, width=width)


@REGISTRY.method(PilImage, "copy", "load_image", "filter", "rotate")
def same_image(
    session: Session,
    image: PilImage,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    if method == "rotate" and kwargs.get("expand", Const(False)) != Const(False):
        return image.then("rotate", height=None, width=None)
    return image


@REGISTRY.method(PilImage, "thumbnail")
def thumbnail(
    session: Session,
    image: PilImage,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """img.thumbnail(size) shrinks in place, keeping the aspect: the size is unknown."""
    return InPlace(Const(None), image.then("thumbnail", height=None, width=None))


def _attribute(session: Session, image: PilImage, attr: str) -> Value:
    if attr == "size" and type(image.width) is int and type(image.height) is int:
        return Seq((Const(image.width), Const(image.height)))
    if attr == "mode" and image.mode is not None:
        return Const(image.mode)
    return UNKNOWN


REGISTRY.attributes[PilImage] = _attribute


# --- OpenCV --------------------------------------------------------------------------------

IMREAD = {"IMREAD_COLOR": 1, "IMREAD_GRAYSCALE": 0, "IMREAD_UNCHANGED": -1}
GRAY = {"COLOR_BGR2GRAY", "COLOR_RGB2GRAY", "COLOR_BGRA2GRAY", "COLOR_RGBA2GRAY"}
SAME = {"COLOR_BGR2RGB", "COLOR_RGB2BGR", "COLOR_BGR2HSV", "COLOR_RGB2HSV", "COLOR_BGR2LAB"}
TO_COLOR = {"COLOR_GRAY2RGB", "COLOR_GRAY2BGR"}


def _flag(value: Value) -> str | int | None:
    """A cv2 constant as its name (cv2.IMREAD_GRAYSCALE), or a literal int."""
    if isinstance(value, Ref) and value.name.startswith("cv2."):
        return value.name[4:]
    return const_int(value)


def imread(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    flag = _flag(args[1] if len(args) > 1 else kwargs.get("flags", Const(1)))
    flag = IMREAD.get(flag, flag) if isinstance(flag, str) else flag
    trace = (f"`{session.src.segment(node, 50)}`",)
    if flag == 1:
        return Array((None, None, 3), "uint8", trace, session.src.span(node))
    if flag == 0:
        return Array((None, None), "uint8", trace, session.src.span(node))
    return UNKNOWN  # IMREAD_UNCHANGED: the file's own channels


def cv_resize(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """cv2.resize(img, (width, height)): width first, as PIL."""
    image = args[0] if args else kwargs.get("src", UNKNOWN)
    size = as_array_shape(args[1] if len(args) > 1 else kwargs.get("dsize", UNKNOWN))
    if not isinstance(image, Array) or len(image.shape) not in (2, 3) or size is None:
        return UNKNOWN
    if len(size) != 2 or not all(type(d) is int and d > 0 for d in size):
        return UNKNOWN  # (0, 0) with fx=, fy=: scaled from the file's size
    width, height = size
    return image.step((height, width, *image.shape[2:]), f"cv2.resize to ({width}, {height})")


def cvt_color(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    image = args[0] if args else kwargs.get("src", UNKNOWN)
    code = _flag(args[1] if len(args) > 1 else kwargs.get("code", UNKNOWN))
    if not isinstance(image, Array) or not isinstance(code, str):
        return UNKNOWN
    if code in SAME and len(image.shape) == 3:
        return image.step(image.shape, f"cv2.cvtColor {code}")
    if code in GRAY and len(image.shape) == 3:
        return image.step(image.shape[:2], f"cv2.cvtColor {code}")
    if code in TO_COLOR and len(image.shape) == 2:
        return image.step((*image.shape, 3), f"cv2.cvtColor {code}")
    return UNKNOWN


OPENCV: dict[str, FunctionModel] = {"imread": imread, "resize": cv_resize, "cvtColor": cvt_color}


@REGISTRY.family("cv2")
def _opencv(name: str) -> FunctionModel | None:
    return OPENCV.get(name[4:])
