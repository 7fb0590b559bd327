"""numpy_rules answers basic indexing and agreeing broadcasts without numpy (importing it is
about 0.13 s of a cold check): each answer must be numpy's, and where numpy raises, numpy is
still asked (its own message)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from shapesense import numpy_rules as npr


def _numpy_index(shape: tuple[int, ...], key: object) -> tuple[int, ...] | str:
    try:
        return tuple(np.empty(shape, dtype=np.dtype([]))[key].shape)  # type: ignore[index]
    except (IndexError, ValueError, TypeError) as exc:
        return f"error: {exc}"


def _ours(fn: object, *args: object) -> tuple[int, ...] | str:
    try:
        return tuple(fn(*args))  # type: ignore[operator]
    except npr.NumpyError as exc:
        return f"error: {exc}"


def _item(rng: random.Random) -> object:
    bound = lambda: rng.choice([None, None, rng.randint(-7, 7)])  # noqa: E731
    return rng.choice(
        [
            rng.randint(-6, 6),
            slice(bound(), bound(), rng.choice([None, None, rng.randint(-3, 3)])),
            slice(None),
            None,
            Ellipsis,
            True,
            [0, 1],
            2**70,
        ]
    )


def test_indexing_is_numpys_answer_for_thousands_of_keys() -> None:
    rng = random.Random(22)
    fast = 0
    for _ in range(20_000):
        shape = tuple(rng.randint(0, 6) for _ in range(rng.randint(0, 4)))
        items = tuple(_item(rng) for _ in range(rng.randint(0, 5)))
        key: object = items[0] if len(items) == 1 and rng.random() < 0.5 else items
        fast += npr._basic_index(shape, key) is not None
        assert _ours(npr.index, shape, key) == _numpy_index(shape, key), (shape, key)
    assert fast > 5_000  # most keys are basic: numpy was not asked for them


def test_broadcasting_is_numpys_answer() -> None:
    rng = random.Random(22)
    fast = 0
    for _ in range(5_000):
        shapes = [
            tuple(rng.choice([0, 1, 1, 2, 3]) for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(1, 3))
        ]
        fast += npr._broadcast_known(shapes) is not None
        try:
            expected: tuple[int, ...] | str = tuple(np.broadcast_shapes(*shapes))
        except ValueError as exc:
            expected = f"error: {exc}"
        assert _ours(npr.broadcast, *shapes) == expected, shapes
    assert fast > 1_000


@pytest.mark.parametrize(
    ("shape", "key"),
    [((3,), 3), ((3, 4), (0, 0, 0)), ((3,), (Ellipsis, Ellipsis)), ((3,), slice(0, 2, 0))],
)
def test_what_numpy_refuses_is_numpys_error(shape: tuple[int, ...], key: object) -> None:
    assert npr._basic_index(shape, key) is None
    with pytest.raises(npr.NumpyError):
        npr.index(shape, key)


def _numpy(op: object, shape: tuple[int, ...]) -> tuple[int, ...] | str:
    try:
        return tuple(np.shape(op(np.zeros(shape))))  # type: ignore[operator]
    except (IndexError, ValueError, TypeError, np.exceptions.AxisError) as exc:
        return f"error: {exc}"


def _axis(rng: random.Random) -> object:
    one = lambda: rng.choice([rng.randint(-5, 5), True, 1.0])  # noqa: E731
    return rng.choice([one(), one(), tuple(one() for _ in range(rng.randint(0, 3))), [0]])


def _reduced(shape: tuple[int, ...], axis: object, keepdims: bool) -> tuple[int, ...] | str:
    """numpy_rules.reduce as it was: numpy normalises the axes."""
    try:
        axes = set(np.lib.array_utils.normalize_axis_tuple(axis, len(shape)))  # type: ignore[arg-type]
    except (np.exceptions.AxisError, TypeError, ValueError) as exc:
        return f"error: {exc}"
    if keepdims:
        return tuple(1 if i in axes else d for i, d in enumerate(shape))
    return tuple(d for i, d in enumerate(shape) if i not in axes)


def test_reshape_expand_dims_and_reduce_are_numpys_answers() -> None:
    rng = random.Random(22)
    fast = 0
    for _ in range(10_000):
        shape = tuple(rng.choice([0, 1, 2, 3, 4, 6]) for _ in range(rng.randint(0, 4)))
        target = tuple(
            rng.choice([-1, -1, -2, 0, 1, 2, 3, 4, 6, 12]) for _ in range(rng.randint(0, 4))
        )
        fast += npr._reshape_known(shape, target) is not None
        expected = _numpy(lambda a, t=target: a.reshape(t), shape)
        assert _ours(npr.reshape, shape, target) == expected, (shape, target)
        axis = _axis(rng)
        expected = _numpy(lambda a, x=axis: np.expand_dims(a, x), shape)
        assert _ours(npr.expand_dims, shape, axis) == expected, (shape, axis)
        keepdims = rng.random() < 0.5
        assert _ours(npr.reduce, shape, axis, keepdims) == _reduced(shape, axis, keepdims)
    assert fast > 1_000
