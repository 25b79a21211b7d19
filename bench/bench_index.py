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


def _inputs(queries: int, quick_queries: int):
    def build(quick: bool):
        count = quick_queries if quick else queries
        return {"names": list(data.names(CORPUS)), "queries": list(data.name_queries(count))}

    return build


def _ferro_search(scorer_name: str, limit, cutoff, metric: str = "Levenshtein"):
    def setup(inputs):
        import ferrofuzz
        from ferrofuzz import distance

        scorer = getattr(getattr(distance, metric), scorer_name)
        index = ferrofuzz.Index(inputs["names"])
        queries = inputs["queries"]

        def batch():
            return [index.search(q, scorer=scorer, score_cutoff=cutoff, limit=limit) for q in queries]

        return batch

    return setup


def _rapid_extract(scorer_name: str, limit, cutoff, metric: str = "Levenshtein"):
    def setup(inputs):
        from rapidfuzz import distance, process

        scorer = getattr(getattr(distance, metric), scorer_name)
        names = inputs["names"]
        queries = inputs["queries"]

        def batch():
            return [process.extract(q, names, scorer=scorer, score_cutoff=cutoff, limit=limit) for q in queries]

        return batch

    return setup


def _normalise(results):
    return [[(index, score) for _choice, score, index in hits] for hits in results]


def _register(
    name: str,
    description: str,
    scorer_name: str,
    limit,
    cutoff,
    queries: int,
    quick_queries: int,
    note: str,
    metric: str = "Levenshtein",
):
    register(
        Case(
            name=name,
            group="index",
            description=description,
            inputs=_inputs(queries, quick_queries),
            ops=lambda inputs: len(inputs["queries"]),
            unit="query",
            impls=[
                Impl(
                    "ferrofuzz",
                    _ferro_search(scorer_name, limit, cutoff, metric),
                    setup_label=f"ferrofuzz.Index build ({CORPUS:,} names)",
                    note=f"Index.search{note}, threads: {THREADS}",
                ),
                Impl("rapidfuzz", _rapid_extract(scorer_name, limit, cutoff, metric), note="process.extract, single thread"),
            ],
            normalise=_normalise,
        )
    )


WITHIN = 2

_register(
    f"index.search/levenshtein/within{WITHIN}",
    f"every name within Levenshtein distance {WITHIN}, over {CORPUS:,} names, queries = names with 1-3 edits",
    "distance",
    None,
    WITHIN,
    queries=200,
    quick_queries=20,
    note=" through the pruned trie",
)
_register(
    f"index.search/osa/within{WITHIN}",
    f"every name within OSA distance {WITHIN}, over {CORPUS:,} names, queries = names with 1-3 edits",
    "distance",
    None,
    WITHIN,
    queries=200,
    quick_queries=20,
    note=" through the pruned trie",
    metric="OSA",
)
_register(
    f"index.search/levenshtein/top{LIMIT}",
    f"top-{LIMIT} by Levenshtein normalized similarity over {CORPUS:,} names, queries = names with 1-3 edits",
    "normalized_similarity",
    LIMIT,
    None,
    # Per-query times vary tenfold (whether the walks settle the top-5), so
    # fewer queries than this give a noisy mean.
    queries=100,
    quick_queries=5,
    note="",
)
