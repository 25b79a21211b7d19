"""Prefix similarity: the length of the common prefix; the distance is
``max(len1, len2)`` minus it. Same functions and arguments as
``rapidfuzz.distance.Prefix``."""

from ._generate import metric_functions

distance, similarity, normalized_distance, normalized_similarity = metric_functions(
    "prefix",
    "Prefix {form} of s1 and s2 (see rapidfuzz.distance.Prefix).",
    module=__name__,
)

__all__ = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
