"""Optimal string alignment distance: Levenshtein plus transpositions of
adjacent characters, where no substring is edited twice. Same functions and
arguments as ``rapidfuzz.distance.OSA``."""

from ._generate import metric_functions

distance, similarity, normalized_distance, normalized_similarity = metric_functions(
    "osa",
    "OSA {form} of s1 and s2 (see rapidfuzz.distance.OSA).",
    module=__name__,
)

__all__ = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
