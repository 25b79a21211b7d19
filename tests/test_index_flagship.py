"""Index beyond brute force: pruned search equals a scan and rapidfuzz,
incremental adds with keys, search_many, dedupe, persistence and pickling."""

from __future__ import annotations

import os
import pickle
import random
import string
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import Indel as RIndel
from rapidfuzz.distance import Levenshtein as RLevenshtein

import ferrofuzz
from ferrofuzz.distance import Indel, Levenshtein

PAIRS = [
    (Levenshtein.distance, RLevenshtein.distance),
    (Levenshtein.similarity, RLevenshtein.similarity),
    (Levenshtein.normalized_distance, RLevenshtein.normalized_distance),
    (Levenshtein.normalized_similarity, RLevenshtein.normalized_similarity),
    (Indel.distance, RIndel.distance),
    (Indel.similarity, RIndel.similarity),
    (Indel.normalized_distance, RIndel.normalized_distance),
    (Indel.normalized_similarity, RIndel.normalized_similarity),
]


def corpus(seed: int, n: int, alphabet: str = "abcde", max_len: int = 9) -> list:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_len))) for _ in range(n)]


def extract(query, choices, scorer, limit, cutoff):
    return [(c, s, i) for c, s, i in process.extract(query, choices, scorer=scorer, limit=limit, score_cutoff=cutoff)]


# Fractional cutoffs for the integer forms: rapidfuzz truncates them.
CUTOFFS = {
    "distance": [None, 0, 1, 2, 2.5, 3],
    "similarity": [None, 4, 4.5, 7, 6.99],
    "normalized_distance": [None, 0.2, 0.5],
    "normalized_similarity": [None, 0.5, 0.8],
}


@pytest.mark.parametrize("ours, theirs", PAIRS, ids=lambda f: f"{f.__module__.split('.')[-1]}.{f.__name__}")
def test_search_equals_rapidfuzz_extract(ours, theirs):
    choices = corpus(1, 1500)
    index = ferrofuzz.Index(choices)
    rng = random.Random(2)
    for _ in range(25):
        query = "".join(rng.choice("abcdef") for _ in range(rng.randint(0, 10)))
        for cutoff in CUTOFFS[ours.__name__]:
            for limit in (1, 5, None):
                expected = extract(query, choices, theirs, limit if limit else len(choices), cutoff)
                assert index.search(query, scorer=ours, limit=limit, score_cutoff=cutoff) == expected, (
                    query,
                    cutoff,
                    limit,
                )


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet="ab\u00e9\U0001F600", max_size=7), min_size=1, max_size=60),
    st.text(alphabet="abc\u00e9\U0001F600", max_size=8),
    st.integers(0, 4),
)
def test_within_k_equals_brute_force_on_unicode(choices, query, k):
    index = ferrofuzz.Index(choices)
    got = index.search(query, scorer=Levenshtein.distance, score_cutoff=k, limit=None)
    expected = sorted(
        ((c, d, i) for i, c in enumerate(choices) if (d := RLevenshtein.distance(query, c)) <= k),
        key=lambda r: (r[1], r[2]),
    )
    assert got == expected


def test_weighted_levenshtein_through_the_trie_equals_scan():
    choices = corpus(3, 800)
    index = ferrofuzz.Index(choices)
    weights = (1, 2, 3)
    for query in ["abc", "", "eeddcc", "abcdeabcd"]:
        got = index.search(query, scorer=Levenshtein.distance, score_cutoff=4, limit=None,
                           scorer_kwargs={"weights": weights})
        expected = [(c, d, i) for i, c in enumerate(choices)
                    if (d := RLevenshtein.distance(query, c, weights=weights)) <= 4]
        assert got == sorted(expected, key=lambda r: (r[1], r[2]))


def test_adds_are_searched_and_keyed():
    index = ferrofuzz.Index(corpus(4, 300))
    first = index.extend(["zzzz", "zzzy"], keys=["k1", 42])
    assert first == 300
    assert index.add("zzyy", key="k3") == 302
    assert len(index) == 303
    assert index[300] == "zzzz" and index[-1] == "zzyy"
    assert index.key(301) == 42 and index.key(0) is None
    hits = index.search("zzzz", scorer=Levenshtein.distance, score_cutoff=1, limit=None)
    assert hits == [("zzzz", 0, "k1"), ("zzzy", 1, 42)]
    # Many adds trigger rebuilds of the sorted structures; results stay exact.
    more = corpus(5, 9000)
    index.extend(more)
    choices = list(index)
    assert len(choices) == 303 + 9000
    for query in ["abc", "zzz", "eedd"]:
        got = index.search(query, scorer=Levenshtein.distance, score_cutoff=2, limit=None)
        keys = {300: "k1", 301: 42, 302: "k3"}
        expected = [(c, s, keys.get(i, i)) for c, s, i in
                    sorted(extract(query, choices, RLevenshtein.distance, len(choices), 2), key=lambda r: (r[1], r[2]))]
        assert got == expected


def test_mapping_choices_and_key_validation():
    index = ferrofuzz.Index({"a": "apple", 7: "apply"})
    assert index.search("appl", limit=2) == [("apple", 0.8, "a"), ("apply", 0.8, 7)]
    with pytest.raises(TypeError):
        ferrofuzz.Index(["a"], keys=[1.5])
    with pytest.raises(ValueError):
        ferrofuzz.Index(["a"], keys=[2**70])
    with pytest.raises(ValueError):
        ferrofuzz.Index(["a", "b"], keys=["only one"])
    with pytest.raises(TypeError):
        ferrofuzz.Index({"a": "x"}, keys=["y"])


def test_search_many_matches_search_and_workers_agree():
    choices = corpus(6, 2000)
    index = ferrofuzz.Index(choices)
    queries = corpus(7, 1100, alphabet="abcdef")
    single = [index.search(q, limit=3) for q in queries]
    assert index.search_many(queries, limit=3, workers=1) == single
    assert index.search_many(queries, limit=3, workers=-1) == single
    assert index.search_many(queries, limit=3, workers=3) == single
    with pytest.raises(ValueError):
        index.search_many(queries, workers=0)
    with pytest.raises(TypeError):
        index.search_many(queries, workers="2")


def brute_groups(choices, threshold):
    n = len(choices)
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for i in range(n):
        for j in range(i + 1, n):
            if RLevenshtein.normalized_similarity(choices[i], choices[j]) >= threshold:
                parent[find(j)] = find(i)
    groups = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted([g for g in groups.values() if len(g) > 1])


def test_dedupe_groups_equal_brute_force_components():
    choices = corpus(8, 400, alphabet="abcd", max_len=7)
    index = ferrofuzz.Index(choices)
    for threshold in (0.7, 0.85, 1.0):
        groups = index.dedupe(threshold=threshold, workers=-1)
        assert [g.indices for g in groups] == brute_groups(choices, threshold)
        for g in groups:
            assert g.choices == [choices[i] for i in g.indices]


def test_dedupe_distance_threshold_and_bad_threshold():
    index = ferrofuzz.Index(["abc", "abd", "xyz", "abcd", "xyzz"])
    groups = index.dedupe(threshold=1, scorer=Levenshtein.distance)
    assert [g.indices for g in groups] == [[0, 1, 3], [2, 4]]
    with pytest.raises(ValueError):
        index.dedupe(threshold=float("nan"))
    with pytest.raises(TypeError):
        index.dedupe(threshold="high")


def test_save_load_round_trip(tmp_path):
    choices = ["apple", "Äpfel", "\U0001F600 smile", "", "apple"]
    index = ferrofuzz.Index(choices, keys=["a", None, 3, "d", "e"])
    path = tmp_path / "names.ffz"
    index.save(path)
    loaded = ferrofuzz.Index.load(path)
    assert list(loaded) == choices
    assert [loaded.key(i) for i in range(len(loaded))] == ["a", None, 3, "d", "e"]
    for q in ["appel", "apfel", "smile"]:
        assert loaded.search(q, limit=None) == index.search(q, limit=None)
    assert ferrofuzz.Index.from_bytes(index.to_bytes()).search("apple", limit=2) == index.search("apple", limit=2)


def test_pickle_keeps_original_choice_objects():
    index = ferrofuzz.Index(["abc", b"abd", ("a", "b", "c")], keys=[1, 2, 3])
    clone = pickle.loads(pickle.dumps(index))
    assert list(clone) == ["abc", b"abd", ("a", "b", "c")]
    assert clone.search("abc", limit=None) == index.search("abc", limit=None)


def test_corrupt_files_are_rejected(tmp_path):
    index = ferrofuzz.Index(corpus(9, 200), keys=[str(i) for i in range(200)])
    good = index.to_bytes()
    rng = random.Random(10)
    path = tmp_path / "bad.ffz"
    for trial in range(300):
        data = bytearray(good)
        mode = trial % 4
        if mode == 0:
            data = data[: rng.randrange(len(data))]
        elif mode == 1:
            for _ in range(rng.randint(1, 4)):
                data[rng.randrange(len(data))] ^= rng.randint(1, 255)
        elif mode == 2:
            data = bytearray(rng.randbytes(rng.randint(0, 300)))
        else:
            data = data + rng.randbytes(rng.randint(1, 16))
        path.write_bytes(bytes(data))
        with pytest.raises(ValueError):
            ferrofuzz.Index.load(path)
        with pytest.raises(ValueError):
            ferrofuzz.Index.from_bytes(bytes(data))
    with pytest.raises(OSError):
        ferrofuzz.Index.load(tmp_path / "missing.ffz")
    with pytest.raises(OSError):
        ferrofuzz.Index.load(tmp_path)
    with pytest.raises(TypeError):
        ferrofuzz.Index.from_bytes("not bytes")


def test_save_is_atomic_and_reports_io_errors(tmp_path):
    index = ferrofuzz.Index(["a", "b"])
    path = tmp_path / "i.ffz"
    index.save(path)
    before = path.read_bytes()
    with pytest.raises(OSError):
        index.save(tmp_path / "no-such-dir" / "i.ffz")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["i.ffz"]


def test_concurrent_searches_while_adding():
    index = ferrofuzz.Index(corpus(11, 3000))
    errors = []
    stop = threading.Event()

    def searcher():
        try:
            while not stop.is_set():
                hits = index.search("abcab", scorer=Levenshtein.distance, score_cutoff=1, limit=None)
                # Whatever was added so far, results are consistent with the choices shown.
                for choice, score, i in hits:
                    assert RLevenshtein.distance("abcab", choice) == score <= 1
                    assert index[i] == choice
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=searcher) for _ in range(4)]
    for t in threads:
        t.start()
    for batch in range(20):
        index.extend(corpus(100 + batch, 300))
    stop.set()
    for t in threads:
        t.join(timeout=60)
        assert not t.is_alive()
    assert not errors
    assert len(index) == 3000 + 20 * 300


def test_closed_index_rejects_every_operation(tmp_path):
    index = ferrofuzz.Index(["a"])
    index.close()
    for call in (
        lambda: index.search("a"),
        lambda: index.search_many(["a"]),
        lambda: index.dedupe(threshold=0.5),
        lambda: index.add("b"),
        lambda: index.save(tmp_path / "x"),
        lambda: index.to_bytes(),
        lambda: len(index),
        lambda: index[0],
        lambda: list(index),
        lambda: index.memory_usage(),
    ):
        with pytest.raises(ValueError, match="closed"):
            call()
