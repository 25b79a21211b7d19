"""Hamming distance: positions at which two sequences differ. Same functions
and arguments as ``rapidfuzz.distance.Hamming``.

With ``pad=True`` (the default) the length difference counts as mismatches;
with ``pad=False`` unequal lengths raise ValueError.
"""

from ._generate import metric_functions

distance, similarity, normalized_distance, normalized_similarity = metric_functions(
    "hamming",
    "Hamming {form} of s1 and s2 (see rapidfuzz.distance.Hamming).",
    keywords=[("pad", "True", "pad = pad_flag(pad)", "pad is True")],
    module=__name__,
)

__all__ = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
