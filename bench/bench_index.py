"""Corpus search cases: top-k over 100,000 names, per query.

ferrofuzz encodes the corpus once in ``ferrofuzz.Index`` (its build time is
reported separately as a one-off cost) and scans it on the library's rayon
thread pool: all cores by default, or ``--threads N``.
``rapidfuzz.process.extract`` takes the plain list for every query and is
single-threaded (it has no ``workers`` argument), so the default run compares
ferrofuzz on all cores with rapidfuzz on one; run with ``--threads 1`` for
the like-for-like number.

Results are compared as (index, score) per query; both libraries order by
score, then by index, so ties on duplicate names must come out identically.
"""

from __future__ import annotations

import os

import data
from registry import Case, Impl, register

LIMIT = 5
CORPUS = 100_000
# run.py sets RAYON_NUM_THREADS (--threads) before importing this module.
THREADS = os.environ.get("RAYON_NUM_THREADS") or f"all {os.cpu_count()} CPUs"


def _inputs(quick: bool):
    return {"names": list(data.names(CORPUS)), "queries": list(data.name_queries(5 if quick else 20))}


def _ferro_index_search(inputs):
    import ferrofuzz
    from ferrofuzz.distance import Levenshtein

    index = ferrofuzz.Index(inputs["names"])
    queries = inputs["queries"]

    def batch():
        return [index.search(q, limit=LIMIT, scorer=Levenshtein.normalized_similarity) for q in queries]

    return batch


def _rapid_extract(inputs):
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    names = inputs["names"]
    queries = inputs["queries"]

    def batch():
        return [process.extract(q, names, scorer=Levenshtein.normalized_similarity, limit=LIMIT) for q in queries]

    return batch


def _normalise(results):
    return [[(index, score) for _choice, score, index in hits] for hits in results]


WITHIN = 2


def _within_inputs(quick: bool):
    return {"names": list(data.names(CORPUS)), "queries": list(data.name_queries(20 if quick else 200))}


def _ferro_within(inputs):
    import ferrofuzz
    from ferrofuzz.distance import Levenshtein

    index = ferrofuzz.Index(inputs["names"])
    queries = inputs["queries"]

    def batch():
        return [index.search(q, scorer=Levenshtein.distance, score_cutoff=WITHIN, limit=None) for q in queries]

    return batch


def _rapid_within(inputs):
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    names = inputs["names"]
    queries = inputs["queries"]

    def batch():
        return [
            process.extract(q, names, scorer=Levenshtein.distance, score_cutoff=WITHIN, limit=None)
            for q in queries
        ]

    return batch


register(
    Case(
        name=f"index.search/levenshtein/within{WITHIN}",
        group="index",
        description=f"every name within Levenshtein distance {WITHIN}, over {CORPUS:,} names, "
        "queries = names with 1-3 edits",
        inputs=_within_inputs,
        ops=lambda inputs: len(inputs["queries"]),
        unit="query",
        impls=[
            Impl(
                "ferrofuzz",
                _ferro_within,
                setup_label=f"ferrofuzz.Index build ({CORPUS:,} names)",
                note=f"Index.search through the pruned trie, threads: {THREADS}",
            ),
            Impl("rapidfuzz", _rapid_within, note="process.extract(limit=None, score_cutoff=2), single thread"),
        ],
        normalise=_normalise,
    )
)


register(
    Case(
        name="index.search/levenshtein/top5",
        group="index",
        description=f"top-{LIMIT} by Levenshtein normalized similarity over {CORPUS:,} names, "
        "queries = names with 1-3 edits",
        inputs=_inputs,
        ops=lambda inputs: len(inputs["queries"]),
        unit="query",
        impls=[
            Impl(
                "ferrofuzz",
                _ferro_index_search,
                setup_label=f"ferrofuzz.Index build ({CORPUS:,} names)",
                note=f"Index.search, threads: {THREADS}",
            ),
            Impl("rapidfuzz", _rapid_extract, note="process.extract, single thread"),
        ],
        normalise=_normalise,
    )
)
