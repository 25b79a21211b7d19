"""Levenshtein distance: insertions, deletions and substitutions, optionally
weighted. Same functions and arguments as ``rapidfuzz.distance.Levenshtein``.

``weights=(insertion, deletion, substitution)`` sets the costs (default
(1, 1, 1)). ``score_hint`` is an expected bound on the result that can make
the computation faster; it never changes the result.
"""

from ._alignment import levenshtein_editops as editops, levenshtein_opcodes as opcodes
from ._generate import metric_functions

distance, similarity, normalized_distance, normalized_similarity = metric_functions(
    "levenshtein",
    "Levenshtein {form} of s1 and s2 (see rapidfuzz.distance.Levenshtein).",
    keywords=[("weights", "DEFAULT_WEIGHTS", "weights = NULL if weights is DEFAULT_WEIGHTS else weights_pointer(weights)", "weights is DEFAULT_WEIGHTS")],
    has_hint=True,
    module=__name__,
)

__all__ = ["distance", "similarity", "normalized_distance", "normalized_similarity", "editops", "opcodes"]
