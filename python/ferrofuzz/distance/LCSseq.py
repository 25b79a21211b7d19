"""Longest common subsequence: the similarity is the LCS length, the
distance ``max(len1, len2)`` minus it. Same functions and arguments as
``rapidfuzz.distance.LCSseq``."""

from ._alignment import indel_editops as editops, indel_opcodes as opcodes
from ._generate import metric_functions

distance, similarity, normalized_distance, normalized_similarity = metric_functions(
    "lcs_seq",
    "LCSseq {form} of s1 and s2 (see rapidfuzz.distance.LCSseq).",
    module=__name__,
)

__all__ = ["distance", "similarity", "normalized_distance", "normalized_similarity", "editops", "opcodes"]
