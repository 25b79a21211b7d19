"""Jaro-Winkler similarity: Jaro, boosted by the common prefix (at most 4
characters) times ``prefix_weight`` (default 0.1, in [0, 1]). Same
functions and arguments as ``rapidfuzz.distance.JaroWinkler``: every form
is a float in [0, 1]."""

from ._generate import metric_functions

distance, similarity, normalized_distance, normalized_similarity = metric_functions(
    "jaro_winkler",
    "JaroWinkler {form} of s1 and s2 (see rapidfuzz.distance.JaroWinkler).",
    keywords=[(
        "prefix_weight", "DEFAULT_PREFIX_WEIGHT",
        "prefix_weight = prefix_weight_value(prefix_weight)",
        "prefix_weight is DEFAULT_PREFIX_WEIGHT",
    )],
    float_valued=True,
    module=__name__,
)

__all__ = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
