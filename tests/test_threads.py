"""Concurrency: the library releases the GIL, so calls from many threads
really run at once. Results must equal the single-threaded ones, and
closing an Index while others search must be safe."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import ferrofuzz
from ferrofuzz.distance import Indel, Levenshtein


def words(seed: int, n: int) -> list:
    rng = random.Random(seed)
    return ["".join(rng.choice("abcde\u00e9\U0001F600") for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_concurrent_pairwise_calls_agree():
    pairs = list(zip(words(1, 2000), words(2, 2000)))
    expected = [(Levenshtein.distance(a, b), Indel.normalized_similarity(a, b)) for a, b in pairs]

    def work(chunk):
        return [(Levenshtein.distance(a, b), Indel.normalized_similarity(a, b)) for a, b in chunk]

    chunks = [pairs[i::8] for i in range(8)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, chunks))
    for i, chunk_result in enumerate(results):
        assert chunk_result == expected[i::8]


def test_concurrent_searches_on_one_index():
    choices = words(3, 20000)
    queries = words(4, 64)
    index = ferrofuzz.Index(choices)
    expected = [index.search(q, limit=7) for q in queries]
    expected_within = [index.search(q, scorer=Levenshtein.distance, score_cutoff=2, limit=None) for q in queries]

    def work(i):
        q = queries[i]
        return index.search(q, limit=7), index.search(q, scorer=Levenshtein.distance, score_cutoff=2, limit=None)

    with ThreadPoolExecutor(8) as pool:
        for i, (top, within) in enumerate(pool.map(work, range(len(queries)))):
            assert top == expected[i]
            assert within == expected_within[i]


def test_close_while_searching_is_safe():
    index = ferrofuzz.Index(words(5, 50000))
    errors, outcomes = [], []
    start = threading.Barrier(5)

    def searcher():
        start.wait()
        for _ in range(50):
            try:
                hits = index.search("abcab", limit=3)
                assert len(hits) == 3
                outcomes.append("ok")
            except ValueError as e:
                assert "closed" in str(e)
                outcomes.append("closed")
            except Exception as e:  # anything else is a bug
                errors.append(e)

    threads = [threading.Thread(target=searcher) for _ in range(4)]
    for t in threads:
        t.start()
    start.wait()
    index.close()
    for t in threads:
        t.join(timeout=60)
        assert not t.is_alive(), "a search hung after close()"
    assert errors == []
    assert "closed" in outcomes
    assert index.closed


def test_gc_frees_the_index_without_close():
    import gc
    import weakref

    index = ferrofuzz.Index(words(6, 100))
    ref = weakref.ref(index)
    del index
    gc.collect()
    assert ref() is None
