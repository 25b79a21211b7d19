"""Alignments on 1,000-char strings: ``Levenshtein.editops`` / ``opcodes``
and ``Indel.editops`` against rapidfuzz and python-Levenshtein
(``Levenshtein.editops`` / ``opcodes``, which return lists of tuples).

Two inputs: related pairs (random text vs a copy with ~10% edits, so the
alignment stays in a narrow band) and unrelated pairs (independent random
strings over 10 letters: the whole matrix matters).
"""

from __future__ import annotations

import random

import data
from bench_distance import _ferro, _rapid
from registry import Case, Impl, pairwise, register


def _pylev(fn: str):
    def get():
        import Levenshtein

        return getattr(Levenshtein, fn)

    return get


def _as_tuples(results):
    # Editops / Opcodes objects of different libraries never compare equal:
    # compare their operations as plain tuples (outside the timed batch).
    return [[tuple(op) for op in r] for r in results]


def _related(quick: bool):
    return data.long_pairs(10 if quick else 20)


def _unrelated(quick: bool):
    rng = random.Random("bench_alignment")
    count = 5 if quick else 10
    return tuple(
        ("".join(rng.choice("abcdefghij") for _ in range(1000)), "".join(rng.choice("abcdefghij") for _ in range(1000)))
        for _ in range(count)
    )


for metric, fn, pylev in (
    ("Levenshtein", "editops", "editops"),
    ("Levenshtein", "opcodes", "opcodes"),
    ("Indel", "editops", None),
):
    impls = [
        Impl("ferrofuzz", pairwise(_ferro(metric, fn))),
        Impl("rapidfuzz", pairwise(_rapid(metric, fn))),
    ]
    if pylev is not None:
        impls.append(Impl("Levenshtein", pairwise(_pylev(pylev))))
    for size, inputs, what in (
        ("1000", _related, "1,000-char random text vs a copy with ~10% edits"),
        ("1000-unrelated", _unrelated, "two independent 1,000-char strings over 10 letters"),
    ):
        register(
            Case(
                name=f"{metric.lower()}.{fn}/{size}",
                group="alignment",
                description=f"{metric}.{fn}, {what}",
                inputs=inputs,
                ops=len,
                unit="call",
                impls=list(impls),
                normalise=_as_tuples,
            )
        )
