"""Single-pair cases for the metrics beyond Levenshtein and Indel:
JaroWinkler, Jaro, OSA, DamerauLevenshtein, LCSseq and Hamming, each against
rapidfuzz (and jellyfish where it has the same definition) on short names
and on 1,000-char strings; and the fuzz scorers ratio, token_sort_ratio and
WRatio against rapidfuzz.fuzz on the short names.

jellyfish's ``jaro_winkler_similarity`` and ``damerau_levenshtein_distance``
define the same metrics (DL: unrestricted); its Jaro-Winkler applies the
boost like rapidfuzz's default (prefix_weight 0.1).
"""

from __future__ import annotations

import data
from bench_distance import _ferro, _jelly, _long, _rapid, _short
from registry import Case, Impl, pairwise, register

# (metric, function, jellyfish equivalent or None)
_METRICS = [
    ("JaroWinkler", "similarity", "jaro_winkler_similarity"),
    ("Jaro", "similarity", "jaro_similarity"),
    ("OSA", "distance", None),
    ("DamerauLevenshtein", "distance", "damerau_levenshtein_distance"),
    ("LCSseq", "similarity", None),
    ("Hamming", "distance", "hamming_distance"),  # both count a length difference as mismatches
]


def _long_short(quick: bool):
    # Damerau-Levenshtein is O(N*M) in both libraries: fewer 1,000-char pairs.
    return data.long_pairs(3 if quick else 5)


for metric, fn, jelly in _METRICS:
    impls = [
        Impl("ferrofuzz", pairwise(_ferro(metric, fn))),
        Impl("rapidfuzz", pairwise(_rapid(metric, fn))),
    ]
    if jelly is not None:
        impls.append(Impl("jellyfish", pairwise(_jelly(jelly))))
    for size, inputs, what in (
        ("short", _short, "1,000 pairs of full names (~13 chars; half related, half unrelated)"),
        ("1000", _long_short if metric == "DamerauLevenshtein" else _long,
         "1,000-char random text vs a copy with ~10% edits"),
    ):
        register(
            Case(
                name=f"{metric.lower()}.{fn}/{size}",
                group="metrics",
                description=f"{metric}.{fn}, {what}",
                inputs=inputs,
                ops=len,
                unit="call",
                impls=list(impls),
            )
        )


def _fuzz(module: str, fn: str):
    def get():
        import importlib

        return getattr(importlib.import_module(module), fn)

    return get


for fn in ("ratio", "token_sort_ratio", "WRatio"):
    register(
        Case(
            name=f"fuzz.{fn}/short",
            group="metrics",
            description=f"fuzz.{fn}, 1,000 pairs of full names (~13 chars; half related, half unrelated)",
            inputs=_short,
            ops=len,
            unit="call",
            impls=[
                Impl("ferrofuzz", pairwise(_fuzz("ferrofuzz.fuzz", fn))),
                Impl("rapidfuzz", pairwise(_fuzz("rapidfuzz.fuzz", fn))),
            ],
        )
    )
