"""ferrofuzz.process against rapidfuzz.process: extract top-5 and extractOne
over 100,000 names per query, the same over lists of 10 and 100 names (the
fixed cost of a call), and cdist matrices.

``ferrofuzz.process.extract``/``extractOne`` take the plain Python list on
every call, like rapidfuzz (no index): the time includes packing the list
for the library. They use the library's thread pool for lists of 16,384 or
more (all cores by default, ``--threads N`` to change); rapidfuzz's extract
is single-threaded, so run with ``--threads 1`` for the like-for-like
number. cdist runs at ``workers=1`` and ``workers=-1`` on both sides.

extract results are compared as (index, score); cdist matrices by dtype,
shape and a hash of their bytes (they must be identical).
"""

from __future__ import annotations

import hashlib
import os

import data
from registry import Case, Impl, register

CORPUS = 100_000
LIMIT = 5
THREADS = os.environ.get("RAYON_NUM_THREADS") or f"all {os.cpu_count()} CPUs"


def _extract_inputs(quick: bool):
    return {"names": list(data.names(CORPUS)), "queries": list(data.name_queries(5 if quick else 20))}


def _extract(lib: str, scorer_path: str, one: bool):
    """Setup of an extract (top-LIMIT) or extractOne batch: every query of
    ``inputs["queries"]`` against ``inputs["names"]``, or, for the short-list
    cases, against its own list of ``inputs["lists"]``."""
    def setup(inputs):
        import importlib

        module = importlib.import_module(f"{lib}.process")
        owner, name = scorer_path.rsplit(".", 1)
        scorer = getattr(importlib.import_module(f"{lib}.{owner}"), name)
        queries = inputs["queries"]
        lists = inputs.get("lists") or [inputs["names"]] * len(queries)
        pairs = list(zip(queries, lists))
        if one:
            def batch():
                return [[module.extractOne(q, choices, scorer=scorer)] for q, choices in pairs]
        else:
            def batch():
                return [module.extract(q, choices, scorer=scorer, limit=LIMIT) for q, choices in pairs]
        return batch

    return setup


def _hits(results):
    return [[(index, score) for _choice, score, index in hits] for hits in results]


for case_name, scorer_path, one, what in [
    ("process.extract/levenshtein/top5", "distance.Levenshtein.normalized_similarity", False,
     f"top-{LIMIT} by Levenshtein normalized similarity"),
    ("process.extractOne/levenshtein", "distance.Levenshtein.normalized_similarity", True,
     "best match by Levenshtein normalized similarity"),
    ("process.extractOne/wratio", "fuzz.WRatio", True, "best match by fuzz.WRatio (needs ferrofuzz.fuzz)"),
    ("process.extract/wratio/top5", "fuzz.WRatio", False, f"top-{LIMIT} by fuzz.WRatio (needs ferrofuzz.fuzz)"),
    ("process.extract/ratio/top5", "fuzz.ratio", False, f"top-{LIMIT} by fuzz.ratio"),
    ("process.extractOne/ratio", "fuzz.ratio", True, "best match by fuzz.ratio"),
]:
    register(
        Case(
            name=case_name,
            group="process",
            description=f"{what} over {CORPUS:,} names from a plain list, queries = names with 1-3 edits",
            inputs=_extract_inputs,
            ops=lambda inputs: len(inputs["queries"]),
            unit="query",
            impls=[
                Impl("ferrofuzz", _extract("ferrofuzz", scorer_path, one),
                     note=f"process.{'extractOne' if one else 'extract'}, threads: {THREADS}"),
                Impl("rapidfuzz", _extract("rapidfuzz", scorer_path, one), note="single thread"),
            ],
            normalise=_hits,
        )
    )


SHORT_QUERIES = 1_000


def _short_inputs(size: int):
    """One list of ``size`` names per query (candidates from a blocking
    step, say), each query a name of its list with 1-3 edits."""
    def inputs(quick: bool):
        names = list(data.names(CORPUS))
        count = SHORT_QUERIES // 10 if quick else SHORT_QUERIES
        lists = [names[i * size:(i + 1) * size] for i in range(count)]
        return {"lists": lists, "queries": list(data.name_queries(count))}

    return inputs


for size in (10, 100):
    for case_name, scorer_path, one, what in [
        ("process.extractOne/ratio", "fuzz.ratio", True, "best match by fuzz.ratio"),
        ("process.extract/levenshtein/top5", "distance.Levenshtein.normalized_similarity", False,
         f"top-{LIMIT} by Levenshtein normalized similarity"),
        ("process.extractOne/wratio", "fuzz.WRatio", True, "best match by fuzz.WRatio"),
    ]:
        register(
            Case(
                name=f"{case_name}/{size}names",
                group="process",
                description=f"{what} over a list of {size} names (a new list per query: the fixed cost of a call)",
                inputs=_short_inputs(size),
                ops=lambda inputs: len(inputs["queries"]),
                unit="query",
                impls=[
                    Impl("ferrofuzz", _extract("ferrofuzz", scorer_path, one), note="one thread (short list)"),
                    Impl("rapidfuzz", _extract("rapidfuzz", scorer_path, one), note="single thread"),
                ],
                normalise=_hits,
            )
        )


def _cdist_inputs(rows: int, cols: int):
    def inputs(quick: bool):
        names = list(data.names(CORPUS))
        return {"queries": names[: (rows // 10 if quick else rows)], "choices": names[CORPUS - cols:]}

    return inputs


def _cdist(lib: str, scorer_path: str, workers: int):
    def setup(inputs):
        import importlib

        module = importlib.import_module(f"{lib}.process")
        owner, name = scorer_path.rsplit(".", 1)
        scorer = getattr(importlib.import_module(f"{lib}.{owner}"), name)
        queries, choices = inputs["queries"], inputs["choices"]

        def batch():
            m = module.cdist(queries, choices, scorer=scorer, workers=workers)
            return [(str(m.dtype), m.shape, hashlib.sha256(m.tobytes()).hexdigest()[:16])]

        return batch

    return setup


for scorer_path, label in [
    ("distance.Levenshtein.normalized_similarity", "levenshtein"),
    ("distance.JaroWinkler.normalized_similarity", "jarowinkler"),
]:
    for workers in (1, -1):
        register(
            Case(
                name=f"process.cdist/{label}/2000x10000/workers{workers}",
                group="process",
                description=f"cdist of 2,000 x 10,000 names by {scorer_path.split('.', 1)[1]}, workers={workers} "
                "(quick: 200 x 10,000)",
                inputs=_cdist_inputs(2_000, 10_000),
                ops=lambda inputs: 1,
                unit="call",
                impls=[
                    Impl("ferrofuzz", _cdist("ferrofuzz", scorer_path, workers), note=f"workers={workers}"),
                    Impl("rapidfuzz", _cdist("rapidfuzz", scorer_path, workers), note=f"workers={workers}"),
                ],
            )
        )
