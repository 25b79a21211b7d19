"""Indel distance: insertions and deletions only (``len1 + len2 - 2*LCS``).
Same functions and arguments as ``rapidfuzz.distance.Indel``."""

from ._alignment import indel_editops as editops, indel_opcodes as opcodes
from ._generate import metric_functions

distance, similarity, normalized_distance, normalized_similarity = metric_functions(
    "indel",
    "Indel {form} of s1 and s2 (see rapidfuzz.distance.Indel).",
    module=__name__,
)

__all__ = ["distance", "similarity", "normalized_distance", "normalized_similarity", "editops", "opcodes"]
