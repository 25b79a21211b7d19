"""Thread stress beyond test_threads.py: searches racing with adds on one
Index, cdist with workers=-1 from several threads at once, and objects
closed in one thread while other threads search, add, dedupe or
serialise them. Joins have timeouts, so a deadlock fails instead of
hanging."""

from __future__ import annotations

import random
import threading
import time

import pytest

import ferrofuzz
from ferrofuzz import process
from ferrofuzz.distance import JaroWinkler, Levenshtein, OSA

JOIN_TIMEOUT = 120


def words(seed: int, n: int) -> list:
    rng = random.Random(seed)
    return ["".join(rng.choice("abcd\u00e9\U0001F600") for _ in range(rng.randint(0, 9))) for _ in range(n)]


def run_threads(targets) -> list:
    errors = []

    def wrap(fn):
        def run():
            try:
                fn()
            except BaseException as e:  # reported below
                errors.append(e)
        return run

    threads = [threading.Thread(target=wrap(fn)) for fn in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=JOIN_TIMEOUT)
        assert not t.is_alive(), "a thread hung (deadlock?)"
    return errors


def brute_force(query, choices, cutoff):
    hits = [(c, Levenshtein.distance(query, c), i) for i, c in enumerate(choices)]
    hits = [h for h in hits if h[1] <= cutoff]
    return sorted(hits, key=lambda h: (h[1], h[2]))


def test_searches_racing_with_adds_see_a_consistent_prefix():
    base = words(10, 3000)
    extra = words(11, 6000)
    everything = base + extra
    index = ferrofuzz.Index(base)
    queries = words(12, 40)
    done = threading.Event()
    checked = []
    go = threading.Barrier(6)

    def adder():
        # One adder: choice i is always at position i. Small batches with
        # pauses, so that searches run between them.
        go.wait()
        for start in range(0, len(extra), 50):
            index.extend(extra[start:start + 50])
            time.sleep(0.002)
        done.set()

    def searcher(seed):
        def run():
            rng = random.Random(seed)
            go.wait()
            while not done.is_set() or len(checked) < 100:
                q = rng.choice(queries)
                before = len(index)
                hits = index.search(q, scorer=Levenshtein.distance, score_cutoff=2, limit=None)
                after = len(index)
                assert before <= after
                # Every hit is a real choice with its true score, among the
                # choices that existed by the end of the search.
                for choice, score, pos in hits:
                    assert pos < after and everything[pos] == choice
                    assert score == Levenshtein.distance(q, choice)
                # The choices present before the search started are all
                # seen: restricted to them, the result is the brute force.
                seen = [h for h in hits if h[2] < before]
                assert seen == brute_force(q, everything[:before], 2)
                # Sorted best first, ties by position.
                assert hits == sorted(hits, key=lambda h: (h[1], h[2]))
                checked.append(before)
                if len(checked) > 400:
                    return
        return run

    errors = run_threads([adder] + [searcher(s) for s in range(5)])
    assert errors == []
    assert len(index) == len(everything)
    # Some searches ran while the index was growing.
    assert len(set(checked)) > 1
    assert index.search_many(queries[:5], scorer=Levenshtein.distance, limit=None, score_cutoff=1) == [
        brute_force(q, everything, 1) for q in queries[:5]]


@pytest.mark.parametrize("scorer", [Levenshtein.distance, OSA.normalized_similarity, JaroWinkler.similarity])
def test_parallel_cdist_from_many_threads_agrees(scorer):
    np = pytest.importorskip("numpy")
    rows, cols = words(20, 60), words(21, 400)
    expected = process.cdist(rows, cols, scorer=scorer, workers=1)
    results = [None] * 6

    def worker(i):
        def run():
            for _ in range(3):
                got = process.cdist(rows, cols, scorer=scorer, workers=-1)
                assert np.array_equal(got, expected)
            results[i] = True
        return run

    assert run_threads([worker(i) for i in range(6)]) == []
    assert all(results)


@pytest.mark.parametrize("operation", ["search_many", "dedupe", "add", "to_bytes", "search"])
def test_close_during_use_gives_a_result_or_value_error(operation):
    choices = words(30, 3000 if operation == "dedupe" else 20000)
    index = ferrofuzz.Index(choices)
    queries = words(31, 8)
    expected_many = index.search_many(queries, limit=3)
    expected_dedupe = index.dedupe(threshold=1, scorer=Levenshtein.distance) if operation == "dedupe" else None
    expected_bytes = index.to_bytes() if operation == "to_bytes" else None
    outcomes = []
    go = threading.Barrier(4)

    def user():
        go.wait()
        for i in range(20):
            try:
                if operation == "search_many":
                    assert index.search_many(queries, limit=3) == expected_many
                elif operation == "dedupe":
                    assert index.dedupe(threshold=1, scorer=Levenshtein.distance) == expected_dedupe
                elif operation == "add":
                    index.add("x" * (i % 5))
                elif operation == "to_bytes":
                    assert index.to_bytes() == expected_bytes
                else:
                    assert index.search(queries[0], limit=3) == expected_many[0]
                outcomes.append("ok")
            except ValueError as e:
                assert "closed" in str(e)
                outcomes.append("closed")
                return

    def closer():
        go.wait()
        index.close()

    assert run_threads([user, user, user, closer]) == []
    assert index.closed
    assert "closed" in outcomes or len(outcomes) == 60
    with pytest.raises(ValueError, match="closed"):
        index.search("a")
