"""Single-pair distance cases: each Impl scores a fixed list of pairs.

Peers: rapidfuzz (``rapidfuzz.distance``), python-Levenshtein (module
``Levenshtein``) and jellyfish. Only functions with the same definition as
ferrofuzz's are compared; python-Levenshtein's ``ratio`` is the *Indel*
normalized similarity (insertions and deletions only), so it is compared with
``Indel.normalized_similarity``, not with Levenshtein's.
"""

from __future__ import annotations

import data
from registry import Case, Impl, pairwise, register


def _ferro(metric: str, fn: str):
    def get():
        import ferrofuzz.distance

        return getattr(getattr(ferrofuzz.distance, metric), fn)

    return get


def _rapid(metric: str, fn: str):
    def get():
        import rapidfuzz.distance

        return getattr(getattr(rapidfuzz.distance, metric), fn)

    return get


def _pylev(fn: str):
    def get():
        import Levenshtein

        return getattr(Levenshtein, fn)

    return get


def _jelly(fn: str):
    def get():
        import jellyfish

        return getattr(jellyfish, fn)

    return get


def _short(quick: bool):
    return data.name_pairs(1_000)


def _tiny(quick: bool):
    # 1,000 pairs of one-letter strings: the work is almost all call overhead.
    return tuple((a[:1], b[:1]) for a, b in data.name_pairs(1_000))


def _long(quick: bool):
    return data.long_pairs(10 if quick else 20)


def _levenshtein_distance_impls():
    return [
        Impl("ferrofuzz", pairwise(_ferro("Levenshtein", "distance"))),
        Impl("rapidfuzz", pairwise(_rapid("Levenshtein", "distance"))),
        Impl("Levenshtein", pairwise(_pylev("distance"))),
        Impl("jellyfish", pairwise(_jelly("levenshtein_distance"))),
    ]


register(
    Case(
        name="levenshtein.distance/short",
        group="distance",
        description="Levenshtein distance, 1,000 pairs of full names (~13 chars; half related, half unrelated)",
        inputs=_short,
        ops=len,
        unit="call",
        impls=_levenshtein_distance_impls(),
    )
)

register(
    Case(
        name="levenshtein.distance/1char",
        group="distance",
        description="Levenshtein distance, 1,000 pairs of 1-char strings: per-call overhead of each binding",
        inputs=_tiny,
        ops=len,
        unit="call",
        impls=_levenshtein_distance_impls(),
    )
)

register(
    Case(
        name="levenshtein.distance/1000",
        group="distance",
        description="Levenshtein distance, 1,000-char random text vs a copy with ~10% edits",
        inputs=_long,
        ops=len,
        unit="call",
        impls=_levenshtein_distance_impls(),
    )
)

register(
    Case(
        name="levenshtein.normalized_similarity/short",
        group="distance",
        description="Levenshtein normalized similarity, same 1,000 name pairs "
        "(python-Levenshtein and jellyfish have no normalized Levenshtein)",
        inputs=_short,
        ops=len,
        unit="call",
        impls=[
            Impl("ferrofuzz", pairwise(_ferro("Levenshtein", "normalized_similarity"))),
            Impl("rapidfuzz", pairwise(_rapid("Levenshtein", "normalized_similarity"))),
        ],
    )
)

register(
    Case(
        name="indel.normalized_similarity/short",
        group="distance",
        description="Indel normalized similarity, same 1,000 name pairs; python-Levenshtein's ratio() is this metric",
        inputs=_short,
        ops=len,
        unit="call",
        impls=[
            Impl("ferrofuzz", pairwise(_ferro("Indel", "normalized_similarity"))),
            Impl("rapidfuzz", pairwise(_rapid("Indel", "normalized_similarity"))),
            Impl("Levenshtein", pairwise(_pylev("ratio")), note="Levenshtein.ratio"),
        ],
    )
)

register(
    Case(
        name="indel.normalized_similarity/1000",
        group="distance",
        description="Indel normalized similarity, the 1,000-char pairs",
        inputs=_long,
        ops=len,
        unit="call",
        impls=[
            Impl("ferrofuzz", pairwise(_ferro("Indel", "normalized_similarity"))),
            Impl("rapidfuzz", pairwise(_rapid("Indel", "normalized_similarity"))),
            Impl("Levenshtein", pairwise(_pylev("ratio")), note="Levenshtein.ratio"),
        ],
    )
)
