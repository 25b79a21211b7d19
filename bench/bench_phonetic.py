"""Phonetic code cases: ferrofuzz.phonetic vs jellyfish on the same names.

For each jellyfish function (soundex, metaphone, nysiis, match_rating_codex,
match_rating_comparison), two ferrofuzz forms are timed against jellyfish:
the single-string function called once per name (``list(map(fn, names))``,
as for jellyfish), and the ``*_many`` batch function that codes the whole
list in one library call. Double Metaphone has no jellyfish counterpart; it
is timed alone (single and batch). Inputs: 1,000 Faker full names (ASCII,
~13 chars, with spaces), the same pool as the distance cases.
"""

from __future__ import annotations

import data
from registry import Case, Impl, pairwise, register


def _names(quick: bool):
    return tuple(a for a, _ in data.name_pairs(1_000))


def _pairs(quick: bool):
    # The first and last word of each name pair: alphabetic only, so every
    # comparison has a result (True, False or None for length differences).
    return tuple((a.split()[-1], b.split()[-1]) for a, b in data.name_pairs(1_000))


def _each(module: str, fn: str):
    def setup(names):
        import importlib

        f = getattr(importlib.import_module(module), fn)
        items = list(names)

        def batch():
            return list(map(f, items))

        return batch

    return setup


def _many(fn: str):
    def setup(names):
        import ferrofuzz.phonetic

        f = getattr(ferrofuzz.phonetic, fn + "_many")
        items = list(names)

        def batch():
            return f(items)

        return batch

    return setup


def _fn(module: str, fn: str):
    def get():
        import importlib

        return getattr(importlib.import_module(module), fn)

    return get


for _code in ("soundex", "metaphone", "nysiis", "match_rating_codex"):
    register(
        Case(
            name=f"phonetic.{_code}/names",
            group="phonetic",
            description=f"{_code}, 1,000 full names (~13 chars): one call per name, and one batch call",
            inputs=_names,
            ops=len,
            unit="call",
            impls=[
                Impl("ferrofuzz", _each("ferrofuzz.phonetic", _code)),
                Impl("ferrofuzz (_many)", _many(_code)),
                Impl("jellyfish", _each("jellyfish", _code)),
            ],
        )
    )

register(
    Case(
        name="phonetic.match_rating_comparison/surnames",
        group="phonetic",
        description="match_rating_comparison, 1,000 pairs of surnames",
        inputs=_pairs,
        ops=len,
        unit="call",
        impls=[
            Impl("ferrofuzz", pairwise(_fn("ferrofuzz.phonetic", "match_rating_comparison"))),
            Impl("jellyfish", pairwise(_fn("jellyfish", "match_rating_comparison"))),
        ],
    )
)

register(
    Case(
        name="phonetic.double_metaphone/names",
        group="phonetic",
        description="double_metaphone, 1,000 full names (no jellyfish counterpart)",
        inputs=_names,
        ops=len,
        unit="call",
        impls=[
            Impl("ferrofuzz", _each("ferrofuzz.phonetic", "double_metaphone")),
            Impl("ferrofuzz (_many)", _many("double_metaphone")),
        ],
    )
)
