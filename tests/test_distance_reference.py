"""Properties of Levenshtein, Indel and Hamming against pure-Python
references, on Unicode text with astral characters and lone surrogates."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import reference
from ferrofuzz.distance import Hamming, Indel, Levenshtein
from strategies import any_text, long_text, small_text, text_with_surrogates, weights


@given(text_with_surrogates, text_with_surrogates, weights)
def test_levenshtein_equals_reference(a, b, w):
    assert Levenshtein.distance(a, b, weights=w) == reference.levenshtein(a, b, w)


@given(text_with_surrogates, text_with_surrogates)
def test_indel_and_hamming_equal_reference(a, b):
    assert Indel.distance(a, b) == reference.indel(a, b)
    assert Hamming.distance(a, b) == reference.hamming(a, b)


@settings(max_examples=25)
@given(long_text, long_text)
def test_long_strings_equal_reference(a, b):
    # Several hundred code points cross the 64-unit word boundary many times.
    assert Levenshtein.distance(a, b) == reference.levenshtein(a, b)
    assert Indel.distance(a, b) == reference.indel(a, b)


def test_strings_of_several_thousand_code_points():
    import random

    rng = random.Random(3)
    a = "".join(rng.choice("abc\u00e9\U0001F600") for _ in range(3000))
    b = list(a)
    for _ in range(300):
        b[rng.randrange(len(b))] = rng.choice("abcd\U0001F601")
    b = "".join(b)
    expected = reference.levenshtein(a[:600], b[:600])
    assert Levenshtein.distance(a[:600], b[:600]) == expected
    assert Levenshtein.distance(a, b) <= 300
    assert Indel.distance(a, b) == reference.indel(a, b)


@given(small_text, small_text, weights, st.integers(0, 12))
def test_cutoff_rules(a, b, w, cutoff):
    d = reference.levenshtein(a, b, w)
    maximum = reference.levenshtein_maximum(len(a), len(b), w)
    assert Levenshtein.distance(a, b, weights=w, score_cutoff=cutoff) == (d if d <= cutoff else cutoff + 1)
    sim = maximum - d
    assert Levenshtein.similarity(a, b, weights=w, score_cutoff=cutoff) == (sim if sim >= cutoff else 0)


@given(small_text, small_text, st.floats(0, 1))
def test_normalized_forms_and_cutoffs(a, b, cutoff):
    d = reference.levenshtein(a, b)
    maximum = max(len(a), len(b))
    norm = d / maximum if maximum else 0.0
    assert Levenshtein.normalized_distance(a, b) == norm
    assert Levenshtein.normalized_similarity(a, b) == 1.0 - norm
    got = Levenshtein.normalized_distance(a, b, score_cutoff=cutoff)
    assert got in (norm, 1.0)
    if norm < cutoff - 1e-6:
        assert got == norm
    if norm > cutoff + 1e-6:
        assert got == 1.0


@given(small_text, small_text, st.integers(0, 10))
def test_score_hint_never_changes_results(a, b, hint):
    assert Levenshtein.distance(a, b, score_hint=hint) == Levenshtein.distance(a, b)
    assert Levenshtein.similarity(a, b, score_hint=hint) == Levenshtein.similarity(a, b)


@given(any_text, any_text, any_text)
def test_metric_axioms(a, b, c):
    for metric in (Levenshtein, Indel):
        assert metric.distance(a, a) == 0
        assert metric.distance(a, b) == metric.distance(b, a)
        assert metric.distance(a, c) <= metric.distance(a, b) + metric.distance(b, c)
        assert 0.0 <= metric.normalized_distance(a, b) <= 1.0
        if a != b:
            assert metric.distance(a, b) > 0


@given(small_text, small_text, weights)
def test_weighted_distance_is_bounded_by_maximum(a, b, w):
    assume(any(w))
    assert 0 <= Levenshtein.distance(a, b, weights=w) <= reference.levenshtein_maximum(len(a), len(b), w)


@given(st.lists(st.integers(-3, 3) | st.sampled_from(["a", "b", "ab"]), max_size=8),
       st.lists(st.integers(-3, 3) | st.sampled_from(["a", "b", "ab"]), max_size=8))
def test_sequences_of_hashables(a, b):
    assert Levenshtein.distance(a, b) == reference.levenshtein(a, b)
    assert Indel.distance(a, b) == reference.indel(a, b)
