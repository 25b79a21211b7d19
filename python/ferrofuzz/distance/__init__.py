"""Distance metrics, mirroring ``rapidfuzz.distance``."""

from . import DamerauLevenshtein, Hamming, Indel, Jaro, JaroWinkler, LCSseq, Levenshtein, OSA, Postfix, Prefix

__all__ = [
    "DamerauLevenshtein",
    "Hamming",
    "Indel",
    "Jaro",
    "JaroWinkler",
    "LCSseq",
    "Levenshtein",
    "OSA",
    "Postfix",
    "Prefix",
]
