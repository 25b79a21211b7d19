"""Small pure-Python reference implementations of the metrics, written
from their definitions and used as oracles by the property tests."""

from __future__ import annotations

from typing import Sequence


def levenshtein(a: Sequence, b: Sequence, weights=(1, 1, 1)) -> int:
    """Weighted Levenshtein distance (insertion, deletion, substitution)."""
    ins, dele, sub = weights
    prev = [j * ins for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        cur = [i * dele] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + dele, cur[j - 1] + ins, prev[j - 1] + (0 if ca == cb else sub))
        prev = cur
    return prev[-1]


def lcs(a: Sequence, b: Sequence) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def indel(a: Sequence, b: Sequence) -> int:
    return len(a) + len(b) - 2 * lcs(a, b)


def hamming(a: Sequence, b: Sequence) -> int:
    """Mismatches, counting the length difference (pad=True)."""
    return sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))


def levenshtein_maximum(len1: int, len2: int, weights=(1, 1, 1)) -> int:
    ins, dele, sub = weights
    maximum = len1 * dele + len2 * ins
    if len1 >= len2:
        return min(maximum, len2 * sub + (len1 - len2) * dele)
    return min(maximum, len1 * sub + (len2 - len1) * ins)
