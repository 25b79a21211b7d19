"""Jaro similarity. Same functions and arguments as
``rapidfuzz.distance.Jaro``: every form, the distance and similarity too,
is a float in [0, 1], and ``score_cutoff`` must be in [0, 1]."""

from ._generate import metric_functions

distance, similarity, normalized_distance, normalized_similarity = metric_functions(
    "jaro",
    "Jaro {form} of s1 and s2 (see rapidfuzz.distance.Jaro).",
    float_valued=True,
    module=__name__,
)

__all__ = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
