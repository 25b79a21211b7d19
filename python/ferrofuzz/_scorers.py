"""Maps ferrofuzz's Python scorer functions to the library's ``ffz_scorer``."""

from __future__ import annotations

from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from ._native import ffi, lib
from . import fuzz
from .distance import (
    DamerauLevenshtein,
    Hamming,
    Indel,
    Jaro,
    JaroWinkler,
    LCSseq,
    Levenshtein,
    OSA,
    Postfix,
    Prefix,
)
from .distance._params import DEFAULT_PREFIX_WEIGHT, pad_flag, prefix_weight_value, weights_pointer

_FORMS = {
    "distance": lib.FFZ_FORM_DISTANCE,
    "similarity": lib.FFZ_FORM_SIMILARITY,
    "normalized_distance": lib.FFZ_FORM_NORMALIZED_DISTANCE,
    "normalized_similarity": lib.FFZ_FORM_NORMALIZED_SIMILARITY,
}

# scorer function -> (metric id, form id, names of the keyword parameters it takes)
NATIVE: Dict[Callable[..., Any], Tuple[int, int, Tuple[str, ...]]] = {}
for _module, _metric, _params in (
    (Levenshtein, lib.FFZ_METRIC_LEVENSHTEIN, ("weights",)),
    (Indel, lib.FFZ_METRIC_INDEL, ()),
    (Hamming, lib.FFZ_METRIC_HAMMING, ("pad",)),
    (LCSseq, lib.FFZ_METRIC_LCS_SEQ, ()),
    (OSA, lib.FFZ_METRIC_OSA, ()),
    (DamerauLevenshtein, lib.FFZ_METRIC_DAMERAU_LEVENSHTEIN, ()),
    (Jaro, lib.FFZ_METRIC_JARO, ()),
    (JaroWinkler, lib.FFZ_METRIC_JARO_WINKLER, ("prefix_weight",)),
    (Prefix, lib.FFZ_METRIC_PREFIX, ()),
    (Postfix, lib.FFZ_METRIC_POSTFIX, ()),
):
    for _form_name, _form in _FORMS.items():
        NATIVE[getattr(_module, _form_name)] = (_metric, _form, _params)

# Metrics whose every form is a float (rapidfuzz's Jaro and JaroWinkler).
FLOAT_VALUED = {lib.FFZ_METRIC_JARO, lib.FFZ_METRIC_JARO_WINKLER}

# The fuzz scorers have one form: a 0-100 score, higher is better.
for _name, _metric in (
    ("ratio", lib.FFZ_METRIC_FUZZ_RATIO),
    ("partial_ratio", lib.FFZ_METRIC_FUZZ_PARTIAL_RATIO),
    ("token_sort_ratio", lib.FFZ_METRIC_FUZZ_TOKEN_SORT_RATIO),
    ("token_set_ratio", lib.FFZ_METRIC_FUZZ_TOKEN_SET_RATIO),
    ("token_ratio", lib.FFZ_METRIC_FUZZ_TOKEN_RATIO),
    ("partial_token_sort_ratio", lib.FFZ_METRIC_FUZZ_PARTIAL_TOKEN_SORT_RATIO),
    ("partial_token_set_ratio", lib.FFZ_METRIC_FUZZ_PARTIAL_TOKEN_SET_RATIO),
    ("partial_token_ratio", lib.FFZ_METRIC_FUZZ_PARTIAL_TOKEN_RATIO),
    ("WRatio", lib.FFZ_METRIC_FUZZ_WRATIO),
    ("QRatio", lib.FFZ_METRIC_FUZZ_QRATIO),
):
    NATIVE[getattr(fuzz, _name)] = (_metric, lib.FFZ_FORM_NORMALIZED_SIMILARITY, ())


class NativeScorer:
    """A scorer function resolved to an ``ffz_scorer`` the library can run."""

    __slots__ = ("struct", "integral", "higher_is_better")

    def __init__(self, struct: Any, form: int, float_valued: bool = False) -> None:
        self.struct = struct
        #: Scores are integers (distance and similarity forms of the integer
        #: metrics); otherwise they are floats, whose cutoffs rapidfuzz
        #: rounds to float32.
        self.integral = not float_valued and form in (lib.FFZ_FORM_DISTANCE, lib.FFZ_FORM_SIMILARITY)
        self.higher_is_better = form in (lib.FFZ_FORM_SIMILARITY, lib.FFZ_FORM_NORMALIZED_SIMILARITY)


def resolve(scorer: Any, scorer_kwargs: Optional[Mapping[str, Any]] = None) -> NativeScorer:
    """The native form of ``scorer``; TypeError if the library cannot run it."""
    if not callable(scorer):
        raise TypeError(f"scorer must be callable, got {type(scorer).__name__}")
    try:
        metric, form, allowed = NATIVE[scorer]
    except (KeyError, TypeError):
        raise TypeError(
            f"scorer {getattr(scorer, '__qualname__', scorer)!r} is not a ferrofuzz scorer "
            "that Index can run natively"
        ) from None
    kwargs = dict(scorer_kwargs or {})
    unknown = set(kwargs) - set(allowed)
    if unknown:
        raise TypeError(f"unexpected scorer_kwargs for this scorer: {sorted(unknown)}")
    struct = ffi.new("ffz_scorer *")
    struct.metric = metric
    struct.form = form
    weights = weights_pointer(kwargs.get("weights"))
    if weights == ffi.NULL:
        struct.weights.insertion = struct.weights.deletion = struct.weights.substitution = 1
    else:
        struct.weights = weights[0]
    struct.pad = pad_flag(kwargs.get("pad", True))
    struct.prefix_weight = prefix_weight_value(kwargs.get("prefix_weight", DEFAULT_PREFIX_WEIGHT))
    return NativeScorer(struct, form, metric in FLOAT_VALUED)
