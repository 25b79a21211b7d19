"""Damerau-Levenshtein distance (unrestricted): insertions, deletions,
substitutions and transpositions of adjacent characters. Same functions and
arguments as ``rapidfuzz.distance.DamerauLevenshtein``."""

from ._generate import metric_functions

distance, similarity, normalized_distance, normalized_similarity = metric_functions(
    "damerau_levenshtein",
    "DamerauLevenshtein {form} of s1 and s2 (see rapidfuzz.distance.DamerauLevenshtein).",
    module=__name__,
)

__all__ = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
