"""LCSseq, OSA, DamerauLevenshtein, Jaro, JaroWinkler, Prefix and Postfix
against rapidfuzz: every form with processors and cutoffs (random and
exactly at the score) on ASCII, Latin-1, BMP and astral text, bytes, lists
of hashables, empty and long (multi-word) strings; symmetry; bad inputs;
process.extract / extractOne / cdist / cpdist and Index.search."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process as rp
from rapidfuzz.distance import DamerauLevenshtein as RDamerauLevenshtein
from rapidfuzz.distance import Jaro as RJaro
from rapidfuzz.distance import JaroWinkler as RJaroWinkler
from rapidfuzz.distance import LCSseq as RLCSseq
from rapidfuzz.distance import OSA as ROSA
from rapidfuzz.distance import Postfix as RPostfix
from rapidfuzz.distance import Prefix as RPrefix
from rapidfuzz.utils import default_process

import ferrofuzz
from ferrofuzz import process as fp
from ferrofuzz.distance import OSA, DamerauLevenshtein, Jaro, JaroWinkler, LCSseq, Postfix, Prefix
from strategies import any_text, small_text, text_with_surrogates

FORMS = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
METRICS = [
    (LCSseq, RLCSseq),
    (OSA, ROSA),
    (DamerauLevenshtein, RDamerauLevenshtein),
    (Jaro, RJaro),
    (JaroWinkler, RJaroWinkler),
    (Prefix, RPrefix),
    (Postfix, RPostfix),
]
METRIC_IDS = [m.__name__.rsplit(".", 1)[-1] for m, _ in METRICS]
FLOAT_VALUED = (Jaro, JaroWinkler)
PAIRS = [(getattr(m, f), getattr(r, f), m) for m, r in METRICS for f in FORMS]
PAIR_IDS = [f"{i}.{f}" for i in METRIC_IDS for f in FORMS]

latin1 = st.text(alphabet="ab\u00e9\u00ff\u00e0 ", max_size=12)
astral = st.text(alphabet="a\U0001F600\U0001F601\U0001D400", max_size=12)
hashables = st.lists(
    st.integers(-(2**70), 2**70) | st.sampled_from([-1, 0, 97, 98, "a", "b", "ab", (1, 2), 1.5, True]),
    max_size=8,
)
inputs = (
    small_text | text_with_surrogates | any_text | latin1 | astral
    | st.binary(max_size=10) | hashables | st.just("")
)
# 65..300 code points: the multi-word paths of the bit-parallel kernels.
long_text = st.text(alphabet="abcd\u00e9\U0001F600", min_size=65, max_size=300)


# 28 metric forms per test: a sixth of the profile's examples each keeps
# the file near a minute (FERROFUZZ_HYPOTHESIS=thorough runs 500 each).
FEW = settings(max_examples=max(20, settings.default.max_examples // 6))


def is_integral(module, form):
    return module not in FLOAT_VALUED and form in ("distance", "similarity")


def same(ours, theirs, *args, **kwargs):
    """The same value of the same type, or the same exception type."""
    try:
        expected = theirs(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - compared by type
        with pytest.raises(type(e)):
            ours(*args, **kwargs)
        return
    got = ours(*args, **kwargs)
    assert got == expected or (math.isnan(expected) and math.isnan(got)), (args, kwargs, got, expected)
    assert type(got) is type(expected), (type(got), type(expected))


def mutate(rng, s, alphabet, edits):
    s = list(s)
    for _ in range(edits):
        op = rng.randrange(4)
        i = rng.randrange(len(s) + 1)
        if op == 0:
            s.insert(i, rng.choice(alphabet))
        elif s and op == 1:
            del s[min(i, len(s) - 1)]
        elif s and op == 2:
            s[min(i, len(s) - 1)] = rng.choice(alphabet)
        elif len(s) > 1:  # adjacent transposition
            i = min(i, len(s) - 2)
            s[i], s[i + 1] = s[i + 1], s[i]
    return "".join(s)


# -- pairwise -------------------------------------------------------------------


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
@FEW
@given(a=inputs, b=inputs, ci=st.none() | st.integers(0, 14), cf=st.none() | st.floats(0, 1))
def test_same_results(ours, theirs, module, a, b, ci, cf):
    cutoff = ci if is_integral(module, ours.__name__) else cf
    same(ours, theirs, a, b, score_cutoff=cutoff)


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
@FEW
@given(a=st.one_of(small_text, latin1, astral, long_text), data=st.data())
def test_cutoff_at_and_around_the_exact_score(ours, theirs, module, a, data):
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    b = data.draw(st.one_of(small_text, long_text, st.just(mutate(rng, a, "abcd\u00e9\U0001F600", rng.randint(0, 6)))))
    score = theirs(a, b)
    if is_integral(module, ours.__name__):
        cutoffs = [score, score + 1, max(score - 1, 0)]
    else:
        cutoffs = [score, math.nextafter(score, 0.0), math.nextafter(score, 1.0), min(score + 1e-7, 1.0)]
    for c in cutoffs:
        same(ours, theirs, a, b, score_cutoff=c)
        same(ours, theirs, b, a, score_cutoff=c)


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
@FEW
@given(a=long_text, b=long_text, cf=st.floats(0, 1), ci=st.integers(0, 300))
def test_long_strings(ours, theirs, module, a, b, cf, ci):
    cutoff = ci if is_integral(module, ours.__name__) else cf
    same(ours, theirs, a, b)
    same(ours, theirs, a, b, score_cutoff=cutoff)
    same(ours, theirs, a.encode("utf-8", "surrogatepass"), b.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
@FEW
@given(a=st.text(max_size=15), b=st.text(max_size=15))
def test_processors(ours, theirs, module, a, b):
    for processor in (str.lower, default_process, lambda s: s[::-1], lambda s: list(s.encode("utf-8", "surrogatepass"))):
        same(ours, theirs, a, b, processor=processor)


@pytest.mark.parametrize("form", FORMS)
@given(
    a=st.one_of(small_text, long_text),
    b=st.one_of(small_text, long_text),
    w=st.floats(0, 1) | st.sampled_from([0.0, 0.1, 0.25, 0.26, 1.0]),
    c=st.none() | st.floats(0, 1),
)
def test_jaro_winkler_prefix_weights(form, a, b, w, c):
    same(getattr(JaroWinkler, form), getattr(RJaroWinkler, form), a, b, prefix_weight=w, score_cutoff=c)
    # shared prefixes make the Winkler boost matter
    same(getattr(JaroWinkler, form), getattr(RJaroWinkler, form), "abcd" + a, "abcd" + b, prefix_weight=w, score_cutoff=c)


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
@FEW
@given(a=inputs, b=inputs)
def test_symmetry(ours, theirs, module, a, b):
    """Every new metric is symmetric in every form (process relies on it)."""
    assert ours(a, b) == ours(b, a)


def test_known_values():
    assert LCSseq.similarity("abcd", "acbd") == 3 and LCSseq.distance("abcd", "acbd") == 1
    assert OSA.distance("ca", "abc") == 3 and DamerauLevenshtein.distance("ca", "abc") == 2
    assert OSA.distance("ab", "ba") == 1
    assert Prefix.similarity("abcd", "abxx") == 2 and Postfix.similarity("xxcd", "abcd") == 2
    assert Jaro.similarity("", "") == 1.0 and Jaro.similarity("a", "") == 0.0
    assert JaroWinkler.similarity("MARTHA", "MARHTA") == RJaroWinkler.similarity("MARTHA", "MARHTA")
    assert type(Jaro.distance("a", "b")) is float and type(OSA.distance("a", "b")) is int


# -- bad inputs -------------------------------------------------------------------


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
def test_none_and_wrong_types(ours, theirs, module):
    for a, b in ((None, "abc"), ("abc", None), (None, None), (1, "abc"), ("abc", object()), (2.5, 2.5)):
        same(ours, theirs, a, b)
    # a processor returning None
    same(ours, theirs, "a", "b", processor=lambda s: None)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("w", [1.5, -0.1, 1.0000001, float("inf"), -float("inf"), None, "0.1", [0.1], float("nan")])
def test_bad_prefix_weight(form, w):
    same(getattr(JaroWinkler, form), getattr(RJaroWinkler, form), "abcd", "abce", prefix_weight=w)


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
@pytest.mark.parametrize("cutoff", [-1, -0.5, 1.5, 2**70, "x", float("nan")])
def test_bad_cutoffs_raise(ours, theirs, module, cutoff):
    """Where rapidfuzz raises, ferrofuzz raises too. The class differs only
    for range errors: ferrofuzz raises ValueError for a negative or
    out-of-range cutoff in every metric (the convention of its Levenshtein,
    Indel and Hamming), where rapidfuzz raises OverflowError (integer
    forms) or TypeError (float forms)."""
    if isinstance(cutoff, float) and math.isnan(cutoff):
        # rapidfuzz raises ValueError for the integer forms and treats NaN
        # as "no cutoff" in the float ones; ferrofuzz rejects NaN in every
        # form (TypeError for integer cutoffs, ValueError for float ones),
        # as its Levenshtein does.
        with pytest.raises(TypeError if is_integral(module, ours.__name__) else ValueError):
            ours("abc", "abd", score_cutoff=cutoff)
        return
    if cutoff == 2**70 and is_integral(module, ours.__name__):
        # rapidfuzz raises OverflowError (the float forms' TypeError is
        # checked below); ferrofuzz saturates an integer cutoff, as its
        # Levenshtein does: no distance exceeds it, no similarity reaches it.
        want = theirs("abc", "abd") if ours.__name__ == "distance" else 0
        assert ours("abc", "abd", score_cutoff=cutoff) == want
        return
    try:
        expected = theirs("abc", "abd", score_cutoff=cutoff)
    except Exception as e:  # noqa: BLE001
        allowed = (type(e), ValueError) if isinstance(e, (TypeError, OverflowError)) else type(e)
        with pytest.raises(allowed):
            ours("abc", "abd", score_cutoff=cutoff)
        return
    if cutoff == -0.5 and is_integral(module, ours.__name__):
        # rapidfuzz truncates -0.5 to 0; ferrofuzz rejects every negative
        # cutoff (as its Levenshtein does, tests/test_bad_inputs.py).
        with pytest.raises(ValueError):
            ours("abc", "abd", score_cutoff=cutoff)
        return
    got = ours("abc", "abd", score_cutoff=cutoff)
    assert got == expected or (math.isnan(expected) and math.isnan(got))


# -- process and Index --------------------------------------------------------------


def corpus(rng, n, alphabet="abcdé", max_len=8):
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_len))) for _ in range(n)]


def outcome(fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
        return list(result) if hasattr(result, "__next__") else result
    except Exception as e:  # noqa: BLE001 - compared by type
        return type(e)


def assert_same(a, b):
    if isinstance(b, np.ndarray):
        assert isinstance(a, np.ndarray), a
        assert a.dtype == b.dtype and a.shape == b.shape, (a, b)
        np.testing.assert_array_equal(a, b)
    else:
        assert a == b, (a, b)
        if isinstance(b, list):
            for x, y in zip(a, b):
                assert type(x[1]) is type(y[1]), (x, y)
        elif isinstance(b, tuple):
            assert type(a[1]) is type(b[1]), (a, b)


def cutoffs_for(module, form, rng, exact=()):
    """Fixed and random cutoffs, and ``exact``: scores that occur."""
    if is_integral(module, form):
        return [None, 0, 1, 3, rng.randint(0, 8), *exact]
    return [None, 0.0, 0.5, 0.8, rng.random(), 1.0, *exact]


def kwargs_for(module, rng):
    if module is JaroWinkler:
        return [{}, {"scorer_kwargs": {"prefix_weight": rng.choice([0.0, 0.2, 0.25])}}]
    return [{}]


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
def test_extract_family_matches_rapidfuzz(ours, theirs, module):
    rng = random.Random(hash(PAIR_IDS[PAIRS.index((ours, theirs, module))]) & 0xFFFF)
    for _ in range(12):
        choices = corpus(rng, rng.randint(0, 40))
        query = "".join(rng.choice("abcdé") for _ in range(rng.randint(0, 8)))
        exact = [theirs(query, c) for c in choices[:2]]
        for cutoff in cutoffs_for(module, ours.__name__, rng, exact):
            for kw in kwargs_for(module, rng):
                for limit in (1, 3, None):
                    assert_same(outcome(fp.extract, query, choices, scorer=ours, score_cutoff=cutoff, limit=limit, **kw),
                                outcome(rp.extract, query, choices, scorer=theirs, score_cutoff=cutoff, limit=limit, **kw))
                assert_same(outcome(fp.extractOne, query, choices, scorer=ours, score_cutoff=cutoff, **kw),
                            outcome(rp.extractOne, query, choices, scorer=theirs, score_cutoff=cutoff, **kw))
                assert_same(outcome(fp.extract, query, choices, scorer=ours, score_cutoff=cutoff,
                                    processor=str.upper, **kw),
                            outcome(rp.extract, query, choices, scorer=theirs, score_cutoff=cutoff,
                                    processor=str.upper, **kw))


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
def test_cdist_cpdist_match_rapidfuzz(ours, theirs, module):
    rng = random.Random(11)
    for _ in range(4):
        queries = corpus(rng, rng.randint(0, 6))
        choices = corpus(rng, rng.randint(0, 8), max_len=90)  # some multi-word
        pairs_c = corpus(rng, len(queries), max_len=90)
        for cutoff in cutoffs_for(module, ours.__name__, rng)[:4]:
            for dtype in (None, np.float32, np.float64, np.int32, np.uint8):
                for kw in kwargs_for(module, rng):
                    common = dict(score_cutoff=cutoff, dtype=dtype, **kw)
                    for a, b in ((queries, choices), (choices, choices)):
                        assert_same(outcome(fp.cdist, a, b, scorer=ours, **common),
                                    outcome(rp.cdist, a, b, scorer=theirs, **common))
                    assert_same(outcome(fp.cpdist, queries, pairs_c, scorer=ours, **common),
                                outcome(rp.cpdist, queries, pairs_c, scorer=theirs, **common))
        assert_same(fp.cdist(choices, choices, scorer=ours, score_multiplier=100, workers=2),
                    rp.cdist(choices, choices, scorer=theirs, score_multiplier=100, workers=2))


@pytest.mark.parametrize("ours, theirs, module", PAIRS, ids=PAIR_IDS)
def test_index_search_matches_rapidfuzz(ours, theirs, module):
    rng = random.Random(5)
    choices = corpus(rng, 400, max_len=9) + corpus(rng, 20, alphabet="ab\U0001F600", max_len=80)
    index = ferrofuzz.Index(choices)
    for _ in range(10):
        query = "".join(rng.choice("abcdé") for _ in range(rng.randint(0, 9)))
        for cutoff in cutoffs_for(module, ours.__name__, rng):
            for kw in kwargs_for(module, rng):
                for limit in (1, 5, None):
                    expected = rp.extract(query, choices, scorer=theirs, limit=limit or len(choices),
                                          score_cutoff=cutoff, **kw)
                    got = index.search(query, scorer=ours, limit=limit, score_cutoff=cutoff, **kw)
                    assert_same(got, expected)


def test_index_rejects_bad_prefix_weight():
    index = ferrofuzz.Index(["abc"])
    with pytest.raises(ValueError):
        index.search("abc", scorer=JaroWinkler.similarity, scorer_kwargs={"prefix_weight": 2.0})
    with pytest.raises(ValueError):
        fp.extract("abc", ["abc"], scorer=JaroWinkler.similarity, scorer_kwargs={"prefix_weight": -1.0})
