"""``ferrofuzz.fuzz``: rapidfuzz's ``fuzz`` scorers on the Rust core.

Same functions, arguments and results as ``rapidfuzz.fuzz`` (3.x). Each
scorer takes ``(s1, s2, *, processor=None, score_cutoff=None)`` and returns
a float in [0, 100]; a score below ``score_cutoff`` is returned as 0, and
``None`` for either string gives 0.0. ``processor`` is applied to both
strings before scoring.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ._convert import to_units
from ._errors import check
from ._native import ffi, lib
from .distance._generate import pair_function

_SCORERS = (
    ("ratio", "fuzz_ratio", "The normalized Indel similarity of s1 and s2 times 100 (see rapidfuzz.fuzz.ratio)."),
    (
        "partial_ratio",
        "fuzz_partial_ratio",
        "The best ratio of the shorter string against a same-length substring of the longer one, or a "
        "shorter prefix or suffix of it (see rapidfuzz.fuzz.partial_ratio).",
    ),
    (
        "token_sort_ratio",
        "fuzz_token_sort_ratio",
        "ratio of the strings with their whitespace-separated tokens sorted (see rapidfuzz.fuzz.token_sort_ratio).",
    ),
    (
        "token_set_ratio",
        "fuzz_token_set_ratio",
        "Compares the common and the differing distinct tokens (see rapidfuzz.fuzz.token_set_ratio).",
    ),
    (
        "token_ratio",
        "fuzz_token_ratio",
        "The larger of token_sort_ratio and token_set_ratio (see rapidfuzz.fuzz.token_ratio).",
    ),
    (
        "partial_token_sort_ratio",
        "fuzz_partial_token_sort_ratio",
        "partial_ratio of the strings with their tokens sorted (see rapidfuzz.fuzz.partial_token_sort_ratio).",
    ),
    (
        "partial_token_set_ratio",
        "fuzz_partial_token_set_ratio",
        "100 if the strings share a token, else partial_ratio of the differing tokens "
        "(see rapidfuzz.fuzz.partial_token_set_ratio).",
    ),
    (
        "partial_token_ratio",
        "fuzz_partial_token_ratio",
        "The larger of partial_token_sort_ratio and partial_token_set_ratio "
        "(see rapidfuzz.fuzz.partial_token_ratio).",
    ),
    ("WRatio", "fuzz_wratio", "A weighted combination of the other ratios (see rapidfuzz.fuzz.WRatio)."),
    ("QRatio", "fuzz_qratio", "ratio, except that an empty string scores 0 (see rapidfuzz.fuzz.QRatio)."),
)

_functions = {name: pair_function(name, shim, doc, module=__name__) for name, shim, doc in _SCORERS}
ratio = _functions["ratio"]
partial_ratio = _functions["partial_ratio"]
token_sort_ratio = _functions["token_sort_ratio"]
token_set_ratio = _functions["token_set_ratio"]
token_ratio = _functions["token_ratio"]
partial_token_sort_ratio = _functions["partial_token_sort_ratio"]
partial_token_set_ratio = _functions["partial_token_set_ratio"]
partial_token_ratio = _functions["partial_token_ratio"]
WRatio = _functions["WRatio"]
QRatio = _functions["QRatio"]
del _functions


class ScoreAlignment:
    """A score and where it was found: ``s1[src_start:src_end]`` scored
    against ``s2[dest_start:dest_end]``. Behaves like rapidfuzz's class:
    mutable, indexable and iterable as a 5-sequence, equal to any
    5-sequence with the same values, unhashable."""

    __slots__ = ("score", "src_start", "src_end", "dest_start", "dest_end")

    def __init__(self, score: float, src_start: int, src_end: int, dest_start: int, dest_end: int) -> None:
        self.score = score
        self.src_start = src_start
        self.src_end = src_end
        self.dest_start = dest_start
        self.dest_end = dest_end

    def _values(self) -> tuple:
        return (self.score, self.src_start, self.src_end, self.dest_start, self.dest_end)

    def __len__(self) -> int:
        return 5

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values())

    def __getitem__(self, i: int) -> Any:
        if isinstance(i, slice):
            raise TypeError("'slice' object cannot be interpreted as an integer")
        values = self._values()
        if not -5 <= i < 5:
            raise IndexError("ScoreAlignment index out of range")
        return values[i]

    def __eq__(self, other: object) -> bool:
        try:
            if len(other) != 5:  # type: ignore[arg-type]
                return False
            return all(a == b for a, b in zip(self._values(), other))  # type: ignore[call-overload]
        except TypeError:
            return False

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"ScoreAlignment(score={self.score}, src_start={self.src_start}, src_end={self.src_end}, "
            f"dest_start={self.dest_start}, dest_end={self.dest_end})"
        )


def partial_ratio_alignment(
    s1: Any, s2: Any, *, processor: Any = None, score_cutoff: Optional[float] = None
) -> Optional[ScoreAlignment]:
    """partial_ratio and where the best alignment was found, or None when
    the score is below ``score_cutoff`` or a string is None (see
    rapidfuzz.fuzz.partial_ratio_alignment)."""
    if s1 is None or s2 is None:
        return None
    if processor is not None:
        s1 = processor(s1)
        s2 = processor(s2)
    p1, n1, k1 = to_units(s1, "s1")
    p2, n2, k2 = to_units(s2, "s2")
    cutoff = 0.0 if score_cutoff is None else score_cutoff
    b1 = ffi.from_buffer(p1) if n1 else ffi.NULL
    b2 = ffi.from_buffer(p2) if n2 else ffi.NULL
    a = ffi.new("ffz_str *", (b1, n1, k1))
    b = ffi.new("ffz_str *", (b2, n2, k2))
    out = ffi.new("ffz_score_alignment *")
    check(lib.ffz_fuzz_partial_ratio_alignment(a[0], b[0], cutoff, out))
    if out.score < cutoff:
        return None
    return ScoreAlignment(out.score, out.src_start, out.src_end, out.dest_start, out.dest_end)


__all__ = [
    "QRatio",
    "ScoreAlignment",
    "WRatio",
    "partial_ratio",
    "partial_ratio_alignment",
    "partial_token_ratio",
    "partial_token_set_ratio",
    "partial_token_sort_ratio",
    "ratio",
    "token_ratio",
    "token_set_ratio",
    "token_sort_ratio",
]
