"""Validation of score cutoffs and metric parameters."""

from __future__ import annotations

import operator
import struct
from typing import Any, Dict

from .._native import ffi

SIZE_MAX = 2**64 - 1 if ffi.sizeof("size_t") == 8 else 2**32 - 1


def int_cutoff(value: Any) -> int:
    """An integer cutoff or hint: a non-negative number, truncated."""
    if isinstance(value, (str, bytes, bytearray)):
        raise TypeError(f"score_cutoff must be a number, not {type(value).__name__}")
    try:
        as_int = int(value)
        negative = value < 0
    except (TypeError, ValueError, OverflowError):
        raise TypeError(f"score_cutoff must be a finite number, not {value!r}") from None
    if negative:
        raise ValueError(f"score_cutoff must be >= 0, got {value!r}")
    return min(as_int, SIZE_MAX)


_FLOAT32 = struct.Struct("f")


def as_float32(value: float) -> float:
    """``value`` rounded to the nearest single-precision float.

    rapidfuzz compares normalized scores with their cutoff rounded to single
    precision (checked against rapidfuzz 3.14: with this rounding ferrofuzz
    agrees on every boundary case, without it on none), so ferrofuzz's
    Python API does the same to give identical results. The C API takes
    cutoffs as given.
    """
    return _FLOAT32.unpack(_FLOAT32.pack(value))[0]


def normalized_cutoff(value: Any) -> float:
    """A normalized cutoff or hint: a number in [0, 1], rounded as rapidfuzz
    rounds it (see :func:`as_float32`)."""
    if isinstance(value, (str, bytes, bytearray)):
        raise TypeError(f"score_cutoff must be a number, not {type(value).__name__}")
    try:
        as_float = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"score_cutoff must be a number, not {type(value).__name__}") from None
    if not 0.0 <= as_float <= 1.0:
        raise ValueError(f"score_cutoff has to be in the range 0.0 - 1.0, got {value!r}")
    return as_float32(as_float)


DEFAULT_WEIGHTS = (1, 1, 1)
_weights_cache: Dict[Any, Any] = {DEFAULT_WEIGHTS: ffi.NULL}


def weights_pointer(weights: Any) -> Any:
    """An ``ffz_levenshtein_weights *`` for (insertion, deletion, substitution).

    None and (1, 1, 1) give NULL, the library's default.
    """
    if weights is None or weights is DEFAULT_WEIGHTS:
        return ffi.NULL
    if type(weights) is tuple:
        cached = _weights_cache.get(weights)
        if cached is not None:
            return cached
    try:
        insertion, deletion, substitution = weights
    except (TypeError, ValueError):
        raise ValueError(
            f"weights must be a tuple of three costs (insertion, deletion, substitution), got {weights!r}"
        ) from None
    costs = []
    for cost in (insertion, deletion, substitution):
        try:
            as_int = int(cost) if isinstance(cost, float) else operator.index(cost)
        except TypeError:
            raise TypeError(f"weights must be integers, got {weights!r}") from None
        if as_int < 0 or as_int > SIZE_MAX:
            raise ValueError(f"weights must be non-negative integers, got {weights!r}")
        costs.append(as_int)
    pointer = ffi.NULL if tuple(costs) == DEFAULT_WEIGHTS else ffi.new("ffz_levenshtein_weights *", costs)
    if type(weights) is tuple and len(_weights_cache) < 256:
        _weights_cache[weights] = pointer
    return pointer


def pad_flag(pad: Any) -> bool:
    return bool(pad)


DEFAULT_PREFIX_WEIGHT = 0.1


def prefix_weight_value(prefix_weight: Any) -> float:
    """JaroWinkler's ``prefix_weight`` as a float. Like rapidfuzz, anything
    that is not a real number is a TypeError; the library checks the range
    [0, 1] (ValueError; NaN passes, as in rapidfuzz)."""
    if type(prefix_weight) is float:
        return prefix_weight
    if prefix_weight is None or isinstance(prefix_weight, (str, bytes, bytearray)):
        raise TypeError(f"must be real number, not {type(prefix_weight).__name__}")
    try:
        return float(prefix_weight)
    except (TypeError, ValueError):
        raise TypeError(f"must be real number, not {type(prefix_weight).__name__}") from None


KEYWORD_HELPERS: Dict[str, Any] = {
    "NULL": ffi.NULL,
    "DEFAULT_WEIGHTS": DEFAULT_WEIGHTS,
    "weights_pointer": weights_pointer,
    "pad_flag": pad_flag,
    "DEFAULT_PREFIX_WEIGHT": DEFAULT_PREFIX_WEIGHT,
    "prefix_weight_value": prefix_weight_value,
}
