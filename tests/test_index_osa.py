"""Index searches by OSA (optimal string alignment) go through the pruned
trie; they must equal a brute-force scan and rapidfuzz.process.extract:
same choices, same scores, same order. The data is transposition-heavy
(choices and queries are words with adjacent characters swapped), so that
transpositions fall on every position of the query, across the cut of the
split walk too."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA as ROSA

import ferrofuzz
from ferrofuzz.distance import OSA

FORMS = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
HIGHER_IS_BETTER = {"distance": False, "similarity": True, "normalized_distance": False, "normalized_similarity": True}
CUTOFFS = {
    "distance": [None, 0, 1, 2, 2.5, 3],
    "similarity": [None, 3, 4.5, 6, 8],
    "normalized_distance": [None, 0.1, 0.25, 0.5],
    "normalized_similarity": [None, 0.5, 0.75, 0.9],
}


def osa_reference(a: str, b: str) -> int:
    """Textbook OSA distance (restricted Damerau-Levenshtein), per code point."""
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[n][m]


def swapped(word: str, swaps: int, rng: random.Random) -> str:
    chars = list(word)
    for _ in range(swaps):
        if len(chars) >= 2:
            at = rng.randrange(len(chars) - 1)
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars)


def transposition_corpus(seed: int, stems: int, per_stem: int, alphabet: str, max_len: int):
    rng = random.Random(seed)
    bases = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_len))) for _ in range(stems)]
    choices = [swapped(b, rng.randrange(6), rng) for b in bases for _ in range(per_stem)]
    queries = [swapped(rng.choice(bases), rng.randint(1, 4), rng) for _ in range(30)]
    return choices, queries


def brute_force(query, choices, form):
    """Every choice scored by the pair scorer, best first, ties by position."""
    scorer = getattr(ROSA, form)
    scored = [(c, scorer(query, c), i) for i, c in enumerate(choices)]
    sign = -1 if HIGHER_IS_BETTER[form] else 1
    return sorted(scored, key=lambda r: (sign * r[1], r[2]))


def extract(query, choices, form, limit, cutoff):
    return process.extract(query, choices, scorer=getattr(ROSA, form), limit=limit, score_cutoff=cutoff)


@pytest.mark.parametrize("form", FORMS)
def test_osa_search_equals_brute_force_and_extract(form):
    choices, queries = transposition_corpus(11, 150, 8, "abcd", 10)
    choices += ["", "", "ba"]
    index = ferrofuzz.Index(choices)
    ours = getattr(OSA, form)
    for query in queries + ["", "ab"]:
        full = brute_force(query, choices, form)
        assert index.search(query, scorer=ours, limit=None) == full
        for limit in (1, 5, 40):
            assert index.search(query, scorer=ours, limit=limit) == full[:limit], (query, limit)
        for cutoff in CUTOFFS[form]:
            for limit in (1, 5, None):
                expected = extract(query, choices, form, limit if limit else len(choices), cutoff)
                got = index.search(query, scorer=ours, limit=limit, score_cutoff=cutoff)
                assert got == expected, (query, cutoff, limit)


def test_osa_distances_are_those_of_a_textbook_reference():
    choices, queries = transposition_corpus(12, 80, 6, "ab\u00e9\U0001F600", 8)
    index = ferrofuzz.Index(choices)
    for query in queries:
        for k in range(4):
            got = index.search(query, scorer=OSA.distance, score_cutoff=k, limit=None)
            expected = sorted(
                ((c, d, i) for i, c in enumerate(choices) if (d := osa_reference(query, c)) <= k),
                key=lambda r: (r[1], r[2]),
            )
            assert got == expected, (query, k)


@st.composite
def transposed_words(draw):
    alphabet = st.sampled_from("ab\u00e9\U0001F600")
    stems = draw(st.lists(st.lists(alphabet, max_size=8), min_size=1, max_size=8))
    choices = []
    for stem in stems:
        for _ in range(draw(st.integers(1, 6))):
            word = list(stem)
            for at in draw(st.lists(st.integers(0, 6), max_size=4)):
                if at + 1 < len(word):
                    word[at], word[at + 1] = word[at + 1], word[at]
            choices.append("".join(word))
    query = list(draw(st.sampled_from(stems)))
    for at in draw(st.lists(st.integers(0, 7), max_size=4)):
        if at + 1 < len(query):
            query[at], query[at + 1] = query[at + 1], query[at]
    if draw(st.booleans()):
        query.insert(draw(st.integers(0, len(query))), draw(alphabet))
    return choices, "".join(query)


@settings(max_examples=150, deadline=None)
@given(transposed_words(), st.integers(0, 4), st.sampled_from(FORMS), st.sampled_from([1, 3, None]))
def test_osa_search_on_generated_transpositions(data, k, form, limit):
    choices, query = data
    index = ferrofuzz.Index(choices)
    ours = getattr(OSA, form)
    within = index.search(query, scorer=OSA.distance, score_cutoff=k, limit=None)
    expected = sorted(
        ((c, d, i) for i, c in enumerate(choices) if (d := osa_reference(query, c)) <= k),
        key=lambda r: (r[1], r[2]),
    )
    assert within == expected
    full = brute_force(query, choices, form)
    assert index.search(query, scorer=ours, limit=limit) == (full if limit is None else full[:limit])
    cutoff = {"distance": k, "similarity": k, "normalized_distance": k / 8, "normalized_similarity": 1 - k / 8}[form]
    got = index.search(query, scorer=ours, limit=limit, score_cutoff=cutoff)
    assert got == extract(query, choices, form, limit if limit else len(choices), cutoff)


def test_osa_search_finds_pending_choices():
    choices, queries = transposition_corpus(13, 100, 5, "abc", 9)
    index = ferrofuzz.Index(choices[:300])
    index.extend(choices[300:])
    for query in queries:
        assert index.search(query, scorer=OSA.distance, score_cutoff=2, limit=None) == extract(
            query, choices, "distance", len(choices), 2
        )
        assert index.search(query, scorer=OSA.normalized_similarity, limit=5) == brute_force(
            query, choices, "normalized_similarity"
        )[:5]


def brute_osa_groups(choices, threshold):
    n = len(choices)
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for i in range(n):
        for j in range(i + 1, n):
            if ROSA.normalized_similarity(choices[i], choices[j]) >= threshold:
                parent[find(j)] = find(i)
    groups = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted([g for g in groups.values() if len(g) > 1])


def test_osa_dedupe_equals_brute_force_components():
    choices, _ = transposition_corpus(14, 60, 5, "abcd", 8)
    index = ferrofuzz.Index(choices)
    for threshold in (0.7, 0.85, 1.0):
        groups = index.dedupe(threshold=threshold, scorer=OSA.normalized_similarity, workers=-1)
        assert [g.indices for g in groups] == brute_osa_groups(choices, threshold)
    groups = index.dedupe(threshold=1, scorer=OSA.distance)
    expected = []
    parent = {}
    # Distance threshold: join when the OSA distance is at most 1.
    n = len(choices)
    roots = list(range(n))

    def find(x):
        while roots[x] != x:
            x = roots[x]
        return x

    for i in range(n):
        for j in range(i + 1, n):
            if osa_reference(choices[i], choices[j]) <= 1:
                roots[find(j)] = find(i)
    for i in range(n):
        parent.setdefault(find(i), []).append(i)
    expected = sorted(g for g in parent.values() if len(g) > 1)
    assert [g.indices for g in groups] == expected
