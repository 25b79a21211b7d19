"""Distance metrics, mirroring ``rapidfuzz.distance``."""

from . import Hamming, Indel, Levenshtein

__all__ = ["Hamming", "Indel", "Levenshtein"]
