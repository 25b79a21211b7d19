"""ferrofuzz.process against rapidfuzz.process: extractOne, extract,
extract_iter, cdist and cpdist, for every native scorer and form, with
processors, cutoffs, hints, dict / None / pandas choices, dtypes and
multipliers; worker counts; Python scorers; bad inputs."""

from __future__ import annotations

import random
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process as rp
from rapidfuzz.distance import Hamming as RHamming
from rapidfuzz.distance import Indel as RIndel
from rapidfuzz.distance import Jaro as RJaro
from rapidfuzz.distance import JaroWinkler as RJaroWinkler
from rapidfuzz.distance import Levenshtein as RLevenshtein

from ferrofuzz import process as fp
from ferrofuzz.distance import Hamming, Indel, Jaro, JaroWinkler, Levenshtein

FORMS = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
PAIRS = [
    (getattr(mod, form), getattr(rmod, form))
    for mod, rmod in ((Levenshtein, RLevenshtein), (Indel, RIndel), (Hamming, RHamming))
    for form in FORMS
]
IDS = [f"{f.__module__.rsplit('.', 1)[-1]}.{f.__name__}" for f, _ in PAIRS]
DTYPES = [None, np.float32, np.float64, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]


def outcome(fn, *args, **kwargs):
    """The result, or the exception type, of a call."""
    try:
        result = fn(*args, **kwargs)
        if hasattr(result, "__next__"):
            result = list(result)
        return result
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


def cutoffs_for(form, rng):
    if form in ("distance", "similarity"):
        return [None, 0, 1, 2, rng.randint(0, 8), 2.7]
    return [None, 0.0, 0.5, 2 / 3, 0.6666667, rng.random(), 1.0]


def corpus(rng, n, alphabet="abcdé", max_len=7, none_rate=0.0):
    out = []
    for _ in range(n):
        if rng.random() < none_rate:
            out.append(None)
        else:
            out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_len))))
    return out


# -- extract family -------------------------------------------------------------


@pytest.mark.parametrize("ours,theirs", PAIRS, ids=IDS)
def test_extract_family_matches_rapidfuzz(ours, theirs):
    rng = random.Random(hash(ours.__name__) & 0xFFFF)
    form = ours.__name__
    pad = {"scorer_kwargs": {"pad": True}} if "Hamming" in ours.__module__ else {}
    for round_ in range(25):
        choices = corpus(rng, rng.randint(0, 40), none_rate=0.1)
        if round_ % 5 == 0:
            choices = dict(enumerate(choices))
            choices = {f"k{k}": v for k, v in choices.items()}
        query = rng.choice(["abc", "", "dé", "aaaaaaa", "b"])
        for cutoff in cutoffs_for(form, rng):
            for processor in (None, str.upper, lambda s: s[::-1]):
                common = dict(score_cutoff=cutoff, processor=processor, **pad)
                for limit in (None, 1, 2, 5, 100):
                    assert_same(
                        outcome(fp.extract, query, choices, scorer=ours, limit=limit, **common),
                        outcome(rp.extract, query, choices, scorer=theirs, limit=limit, **common),
                    )
                assert_same(
                    outcome(fp.extractOne, query, choices, scorer=ours, **common),
                    outcome(rp.extractOne, query, choices, scorer=theirs, **common),
                )
                assert_same(
                    outcome(fp.extract_iter, query, choices, scorer=ours, **common),
                    outcome(rp.extract_iter, query, choices, scorer=theirs, **common),
                )


@settings(max_examples=150, deadline=None)
@given(
    query=st.text(alphabet="abcxé\0", max_size=8),
    choices=st.lists(st.one_of(st.none(), st.text(alphabet="abcxé\0", max_size=8)), max_size=12),
    which=st.integers(0, len(PAIRS) - 1),
    limit=st.one_of(st.none(), st.integers(0, 14)),
    cutoff=st.one_of(st.none(), st.floats(0, 1), st.integers(0, 9)),
    hint=st.one_of(st.none(), st.integers(0, 9)),
)
def test_extract_hypothesis(query, choices, which, limit, cutoff, hint):
    ours, theirs = PAIRS[which]
    if ours.__name__.startswith("normalized") and isinstance(cutoff, int):
        cutoff = min(cutoff, 1)
    if ours.__name__.startswith("normalized") and hint is not None:
        hint = min(hint, 1)
    kw = dict(score_cutoff=cutoff, score_hint=hint)
    assert_same(outcome(fp.extract, query, choices, scorer=ours, limit=limit, **kw),
                outcome(rp.extract, query, choices, scorer=theirs, limit=limit, **kw))
    assert_same(outcome(fp.extractOne, query, choices, scorer=ours, **kw),
                outcome(rp.extractOne, query, choices, scorer=theirs, **kw))
    assert_same(outcome(fp.extract_iter, query, choices, scorer=ours, **kw),
                outcome(rp.extract_iter, query, choices, scorer=theirs, **kw))


def test_ties_none_and_empty():
    choices = ["abc", None, "abd", "abc", float("nan"), "xyz", "ab", "abc"]
    for f, r in PAIRS[:8]:
        for limit in (None, 1, 3):
            assert_same(fp.extract("abc", choices, scorer=f, limit=limit), rp.extract("abc", choices, scorer=r, limit=limit))
        assert fp.extractOne("abc", choices, scorer=f) == rp.extractOne("abc", choices, scorer=r)
    assert fp.extract("abc", [], scorer=Levenshtein.distance) == []
    assert fp.extractOne("abc", [], scorer=Levenshtein.distance) is None
    assert fp.extract(None, choices, scorer=Levenshtein.distance) == []
    assert fp.extractOne(None, choices, scorer=Levenshtein.distance) is None
    assert list(fp.extract_iter(None, choices, scorer=Levenshtein.distance)) == []
    assert fp.extract("abc", choices, scorer=Levenshtein.distance, limit=0) == []
    gen = (c for c in ["abc", "abd"])
    assert fp.extract("abc", gen, scorer=Levenshtein.distance) == [("abc", 0, 0), ("abd", 1, 1)]


def test_mixed_sequences_and_nul():
    choices = ["abc", b"abd", ["a", "b", "c"], ("a", 1), "a\0c", "é", "😀"]
    for f, r in PAIRS[:8]:
        assert_same(fp.extract("a\0c", choices, scorer=f, limit=None), rp.extract("a\0c", choices, scorer=r, limit=None))
        assert_same(fp.cdist(choices, choices, scorer=f), rp.cdist(choices, choices, scorer=r))
    only_nul = ["a\0b", "\0", "", "x"]
    assert_same(fp.extract("a\0b", only_nul, scorer=Levenshtein.distance, limit=None),
                rp.extract("a\0b", only_nul, scorer=RLevenshtein.distance, limit=None))


def test_hamming_errors_like_rapidfuzz():
    kw = {"scorer_kwargs": {"pad": False}}
    choices = ["abc", "x", "abd"]
    assert fp.extractOne("abc", choices, scorer=Hamming.distance, **kw) == ("abc", 0, 0)
    with pytest.raises(ValueError):
        fp.extract("abc", choices, scorer=Hamming.distance, **kw)
    with pytest.raises(ValueError):
        fp.extractOne("abc", ["abd", "x", "abc"], scorer=Hamming.distance, **kw)
    it = fp.extract_iter("abc", ["abd", "abc", "x"], scorer=Hamming.distance, **kw)
    assert next(it) == ("abd", 1, 0) and next(it) == ("abc", 0, 1)
    with pytest.raises(ValueError):
        next(it)
    # a bad choice after a perfect score is never looked at
    assert fp.extractOne("abc", ["abc", 5], scorer=Levenshtein.distance) == ("abc", 0, 0)
    with pytest.raises(TypeError):
        fp.extractOne("abc", ["abd", 5], scorer=Levenshtein.distance)
    with pytest.raises(TypeError):
        fp.extract("abc", ["abc", 5], scorer=Levenshtein.distance)


def test_large_lists_parallel_equal_single(monkeypatch):
    rng = random.Random(5)
    choices = corpus(rng, 40_000, alphabet="abcdefg", max_len=12, none_rate=0.01)
    for f, r in [PAIRS[0], PAIRS[3], PAIRS[5], PAIRS[7]]:
        for q in ("abcdefg", "gfe", ""):
            want = rp.extract(q, choices, scorer=r, limit=20)
            want_one = rp.extractOne(q, choices, scorer=r)
            monkeypatch.setattr(fp, "PARALLEL_CHOICES", 1)
            assert_same(fp.extract(q, choices, scorer=f, limit=20), want)
            assert fp.extractOne(q, choices, scorer=f) == want_one
            monkeypatch.setattr(fp, "PARALLEL_CHOICES", 10**9)
            assert_same(fp.extract(q, choices, scorer=f, limit=20), want)
            assert fp.extractOne(q, choices, scorer=f) == want_one
        assert list(fp.extract_iter("abc", choices, scorer=f, score_cutoff=None)) == list(
            rp.extract_iter("abc", choices, scorer=r))


def test_extract_iter_raises_where_rapidfuzz_does():
    def proc(s):
        if s == "boom":
            raise KeyError(s)
        return s.upper()

    choices = ["abc", "abd", None, "boom", "abc"]
    for impl, scorer in ((fp, Levenshtein.distance), (rp, RLevenshtein.distance)):
        got = []
        with pytest.raises(KeyError):
            for hit in impl.extract_iter("ABC", choices, scorer=scorer, processor=proc):
                got.append(hit)
        assert got == [("abc", 0, 0), ("abd", 1, 1)], impl
    with pytest.raises(TypeError):
        list(fp.extract_iter("abc", ["abc", 5], scorer=Levenshtein.distance))
    it = fp.extract_iter("abc", ["abc", 5], scorer=Levenshtein.distance)
    assert next(it) == ("abc", 0, 0)


def test_extract_iter_is_lazy_and_keyed():
    seen = []

    def proc(s):
        seen.append(s)
        return s

    it = fp.extract_iter("abc", ["abc"] * 100_000, scorer=Levenshtein.distance, processor=proc)
    assert next(it) == ("abc", 0, 0)
    assert len(seen) < 1000
    d = {"x": "abc", "y": None, 3: "ab"}
    assert list(fp.extract_iter("abc", d, scorer=Levenshtein.distance)) == list(
        rp.extract_iter("abc", d, scorer=RLevenshtein.distance))


def test_pandas_series():
    pd = pytest.importorskip("pandas")
    s = pd.Series(["abc", None, "abd", pd.NA, "xyz"], index=["a", "b", "c", "d", "e"])
    for f, r in PAIRS[:8]:
        assert fp.extract("abc", s, scorer=f) == rp.extract("abc", s, scorer=r)
        assert fp.extractOne("abc", s, scorer=f) == rp.extractOne("abc", s, scorer=r)
        assert list(fp.extract_iter("abc", s, scorer=f)) == list(rp.extract_iter("abc", s, scorer=r))
    plain = pd.Series(["abc", "abd", "x"])
    assert_same(fp.cdist(plain, plain, scorer=Levenshtein.distance), rp.cdist(plain, plain, scorer=RLevenshtein.distance))


def test_cutoff_validation_like_rapidfuzz():
    for f, r in PAIRS:
        for bad in (-1, 1.5, 2**70, "x", float("nan"), float("inf"), True, 101):
            a = outcome(fp.extract, "abc", ["abc", "abd"], scorer=f, score_cutoff=bad)
            b = outcome(rp.extract, "abc", ["abc", "abd"], scorer=r, score_cutoff=bad)
            assert a == b, (f, bad, a, b)
            a = outcome(fp.cdist, ["abc"], ["abc", "abd"], scorer=f, score_cutoff=bad)
            b = outcome(rp.cdist, ["abc"], ["abc", "abd"], scorer=r, score_cutoff=bad)
            assert_same(a, b) if isinstance(b, np.ndarray) else (a == b or pytest.fail(f"{f} {bad} {a} {b}"))
            a = outcome(fp.extract, "abc", ["abc", "abd"], scorer=f, score_hint=bad)
            b = outcome(rp.extract, "abc", ["abc", "abd"], scorer=r, score_hint=bad)
            assert a == b, (f, "hint", bad, a, b)


# -- cdist / cpdist ---------------------------------------------------------------


@pytest.mark.parametrize("ours,theirs", PAIRS, ids=IDS)
def test_cdist_cpdist_match_rapidfuzz(ours, theirs):
    rng = random.Random(7)
    form = ours.__name__
    kw = {"scorer_kwargs": {"pad": True}} if "Hamming" in ours.__module__ else {}
    for _ in range(6):
        queries = corpus(rng, rng.randint(0, 7))
        choices = corpus(rng, rng.randint(0, 9), max_len=30)
        pairs_c = corpus(rng, len(queries))
        for cutoff in cutoffs_for(form, rng)[:4]:
            for dtype in DTYPES:
                for mult in (1, 3, 0.5, 250):
                    common = dict(score_cutoff=cutoff, dtype=dtype, score_multiplier=mult, **kw)
                    for a, b in ((queries, choices), (choices, choices)):
                        assert_same(outcome(fp.cdist, a, b, scorer=ours, **common),
                                    outcome(rp.cdist, a, b, scorer=theirs, **common))
                    assert_same(outcome(fp.cpdist, queries, pairs_c, scorer=ours, **common),
                                outcome(rp.cpdist, queries, pairs_c, scorer=theirs, **common))
        weights = {"scorer_kwargs": {"weights": (1, 3, 2)}} if "Levenshtein" in ours.__module__ else kw
        assert_same(fp.cdist(choices, choices, scorer=ours, processor=str.upper, **weights),
                    rp.cdist(choices, choices, scorer=theirs, processor=str.upper, **weights))


@pytest.mark.parametrize("ours,theirs", PAIRS[:8], ids=IDS[:8])
def test_cdist_many_short_strings_of_mixed_lengths(ours, theirs):
    # Enough rows of every length 0..70 that the multi-string kernels fill
    # lanes of 8, 16, 32 and 64 bits, partly filled groups included, next
    # to the one-query path (empty and over 64 units); narrow and wide text.
    rng = random.Random(11)
    form = ours.__name__
    for alphabet in ("abcd", "abcdé", "ab\u0101\U0001F600"):
        queries = [s[: rng.randint(0, 70)] for s in corpus(rng, 150, alphabet=alphabet, max_len=70)]
        choices = corpus(rng, 90, alphabet=alphabet, max_len=24) + corpus(rng, 10, alphabet=alphabet, max_len=200)
        for cutoff in cutoffs_for(form, rng)[:3]:
            for dtype in (None, np.float64, np.uint8):
                common = dict(score_cutoff=cutoff, dtype=dtype)
                for a, b in ((queries, choices), (choices, choices), (queries, queries)):
                    assert_same(outcome(fp.cdist, a, b, scorer=ours, workers=-1, **common),
                                outcome(rp.cdist, a, b, scorer=theirs, **common))


JARO_PAIRS = [
    (getattr(mod, form), getattr(rmod, form))
    for mod, rmod in ((Jaro, RJaro), (JaroWinkler, RJaroWinkler))
    for form in FORMS
]
JARO_IDS = [f"{f.__module__.rsplit('.', 1)[-1]}.{f.__name__}" for f, _ in JARO_PAIRS]


@pytest.mark.parametrize("ours,theirs", JARO_PAIRS, ids=JARO_IDS)
def test_cdist_jaro_matches_rapidfuzz(ours, theirs):
    # The multi-query Jaro kernel: rows of every length 0..70 (groups of up
    # to 8 queries, 32- and 64-bit lanes, partly filled groups, queries over
    # 64 units on the one-query path), choices up to 200 units (over 64:
    # pair by pair), Latin-1, BMP and astral text; every form with cutoffs
    # around the Winkler threshold, prefix weights, dtypes and workers.
    rng = random.Random(23)
    winkler = "JaroWinkler" in ours.__module__
    for alphabet in ("abcd", "abcdé", "ab\u0101\U0001F600", "abcdefghijklmnopqrstuvwxyz"):
        queries = [s[: rng.randint(0, 70)] for s in corpus(rng, 60, alphabet=alphabet, max_len=70)]
        choices = corpus(rng, 60, alphabet=alphabet, max_len=24) + corpus(rng, 6, alphabet=alphabet, max_len=200)
        # Pairs sharing prefixes of 0..4 units and more.
        stems = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(4)]
        queries += [rng.choice(stems) + s for s in corpus(rng, 20, alphabet=alphabet, max_len=12)]
        choices += [rng.choice(stems) + s for s in corpus(rng, 20, alphabet=alphabet, max_len=12)]
        for cutoff in (None, 0.0, 0.3, 0.7, 0.75, 0.8500000238418579, rng.random(), 1.0):
            for weight in ((0.1, 0.25, 0.0, 1.0) if winkler else (None,)):
                kw = {} if weight is None else {"scorer_kwargs": {"prefix_weight": weight}}
                for dtype in (None, np.float32, np.uint8):
                    common = dict(score_cutoff=cutoff, dtype=dtype, **kw)
                    for a, b in ((queries, choices), (choices, choices), (queries, queries)):
                        for workers in (1, -1):
                            assert_same(outcome(fp.cdist, a, b, scorer=ours, workers=workers, **common),
                                        outcome(rp.cdist, a, b, scorer=theirs, workers=workers, **common))


def test_cdist_jaro_multiplier_and_processor():
    rng = random.Random(5)
    names = corpus(rng, 40, alphabet="abcdeé", max_len=16)
    for (ours, theirs) in JARO_PAIRS:
        for mult in (1, 3, 0.5, 250):
            for dtype in (None, np.float64, np.int32):
                assert_same(fp.cdist(names, names, scorer=ours, score_multiplier=mult, dtype=dtype),
                            rp.cdist(names, names, scorer=theirs, score_multiplier=mult, dtype=dtype))
        assert_same(fp.cdist(names, names[:7], scorer=ours, processor=str.upper),
                    rp.cdist(names, names[:7], scorer=theirs, processor=str.upper))


def test_cdist_none_elements():
    q, c = ["abc", None, "x"], ["abc", float("nan"), "ab"]
    for f, r in PAIRS:
        for processor in (None, str.upper):
            a = outcome(fp.cdist, q[:1] + q[2:], c, scorer=f, processor=processor)
            b = outcome(rp.cdist, q[:1] + q[2:], c, scorer=r, processor=processor)
            assert_same(a, b) if isinstance(b, np.ndarray) else (a == b or pytest.fail(f"{f}: {a} {b}"))
            a = outcome(fp.cpdist, ["x", "abc", "ab"], c, scorer=f, processor=processor)
            b = outcome(rp.cpdist, ["x", "abc", "ab"], c, scorer=r, processor=processor)
            assert_same(a, b) if isinstance(b, np.ndarray) else (a == b or pytest.fail(f"{f}: {a} {b}"))
    # rapidfuzz leaves a None query's row uninitialised; ferrofuzz gives the worst score.
    got = fp.cdist(q, c, scorer=Levenshtein.normalized_distance)
    np.testing.assert_array_equal(got[1], [1.0, 1.0, 1.0])


@pytest.mark.parametrize("ours,theirs", [PAIRS[0], PAIRS[3], PAIRS[7]], ids=["lev.dist", "lev.nsim", "indel.nsim"])
def test_workers_equal_and_big_matrix(ours, theirs):
    rng = random.Random(3)
    queries = corpus(rng, 300, alphabet="abcdefgh", max_len=15)
    choices = corpus(rng, 700, alphabet="abcdefgh", max_len=15)
    want = rp.cdist(queries, choices, scorer=theirs, workers=1)
    for workers in (1, 2, 3, -1, 0, -5):
        assert_same(fp.cdist(queries, choices, scorer=ours, workers=workers), want)
    same = fp.cdist(choices, choices, scorer=ours, workers=-1)
    assert_same(same, rp.cdist(choices, choices, scorer=theirs, workers=-1))
    assert_same(fp.cpdist(choices, choices[::-1], scorer=ours, workers=-1), rp.cpdist(choices, choices[::-1], scorer=theirs))


def test_dtype_and_argument_errors():
    with pytest.raises(TypeError, match="unsupported dtype"):
        fp.cdist(["a"], ["b"], scorer=Levenshtein.distance, dtype=np.float16)
    with pytest.raises(TypeError, match="unsupported dtype"):
        fp.cdist(["a"], ["b"], scorer=Levenshtein.distance, dtype=np.dtype(">i4"))
    with pytest.raises(TypeError):
        fp.cdist(["a"], ["b"], scorer=Levenshtein.distance, dtype="bogus")
    with pytest.raises(TypeError):
        fp.cdist(["a"], ["b"], scorer=Levenshtein.distance, workers=None)
    for fn in (fp.cdist, fp.cpdist, fp.extract, fp.extractOne):
        with pytest.raises(TypeError):
            fn(["a"] if fn in (fp.cdist, fp.cpdist) else "a", ["b"], scorer=5)
    with pytest.raises(TypeError):
        list(fp.extract_iter("a", ["b"], scorer=5))
    with pytest.raises(ValueError, match="Length of queries and choices"):
        fp.cpdist(["a", "b"], ["a"], scorer=Levenshtein.distance)
    with pytest.raises(ValueError):
        fp.extract("a", ["a", "b"], scorer=Levenshtein.distance, limit=-1)
    with pytest.raises(TypeError):
        fp.extract("a", ["a", "b"], scorer=Levenshtein.distance, limit="a")
    for mult in ("a", None, -1):
        a = outcome(fp.cdist, ["abc"], ["abd"], scorer=Levenshtein.distance, score_multiplier=mult)
        b = outcome(rp.cdist, ["abc"], ["abd"], scorer=RLevenshtein.distance, score_multiplier=mult)
        assert a == b, (mult, a, b)
        a = outcome(fp.cdist, ["abc"], ["abd"], scorer=Levenshtein.normalized_distance, score_multiplier=mult)
        b = outcome(rp.cdist, ["abc"], ["abd"], scorer=RLevenshtein.normalized_distance, score_multiplier=mult)
        assert_same(a, b) if isinstance(b, np.ndarray) else (a == b or pytest.fail(f"{mult}: {a} {b}"))
    # unknown scorer_kwargs are ignored, as rapidfuzz ignores them
    assert_same(fp.cdist(["ab"], ["b"], scorer=Levenshtein.distance, scorer_kwargs={"bogus": 1}),
                rp.cdist(["ab"], ["b"], scorer=RLevenshtein.distance, scorer_kwargs={"bogus": 1}))
    empty = fp.cdist([], ["abd"], scorer=Levenshtein.distance)
    assert empty.shape == (0, 1) and empty.dtype == np.uint32


def test_missing_numpy_is_a_clear_import_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "numpy", None)
    for fn in (fp.cdist, fp.cpdist):
        with pytest.raises(ImportError, match="numpy"):
            fn(["a"], ["b"], scorer=Levenshtein.distance)
    # extract does not need numpy
    assert fp.extract("a", ["a"], scorer=Levenshtein.distance) == [("a", 0, 0)]


# -- Python scorers -------------------------------------------------------------


def test_python_scorers_follow_rapidfuzz():
    custom = [
        lambda a, b, **kw: 50,
        lambda a, b, score_cutoff=None, **kw: float(len(a) * len(b)),
        RLevenshtein.distance,            # rapidfuzz's own, with _RF_ScorerPy flags
        RLevenshtein.normalized_similarity,
        RIndel.similarity,
    ]
    choices = ["abc", None, "abd", "x", "abc"]
    for scorer in custom:
        for cutoff in (None, 1, 2):
            kw = dict(scorer=scorer, score_cutoff=cutoff)
            for limit in (None, 1, 2):
                assert outcome(fp.extract, "abc", choices, limit=limit, **kw) == outcome(
                    rp.extract, "abc", choices, limit=limit, **kw)
            assert outcome(fp.extractOne, "abc", choices, **kw) == outcome(rp.extractOne, "abc", choices, **kw)
            assert outcome(fp.extract_iter, "abc", choices, **kw) == outcome(rp.extract_iter, "abc", choices, **kw)
        for dtype in (None, np.int32, np.uint8, np.float64):
            q, c = ["abc", "de"], ["abc", "x", "de"]
            assert_same(fp.cdist(q, c, scorer=scorer, dtype=dtype, score_multiplier=2),
                        rp.cdist(q, c, scorer=scorer, dtype=dtype, score_multiplier=2))
            assert_same(fp.cpdist(q, c[:2], scorer=scorer, dtype=dtype), rp.cpdist(q, c[:2], scorer=scorer, dtype=dtype))


# -- defaults from ferrofuzz.fuzz (run once the fuzz branch is merged) ------------


def _fuzz():
    try:
        from ferrofuzz import fuzz
    except ImportError:
        pytest.skip("ferrofuzz.fuzz is not in this build yet (branch fuzz); these tests cover the process defaults")
    if not hasattr(fuzz, "WRatio") or not hasattr(fuzz, "ratio"):
        pytest.skip("ferrofuzz.fuzz lacks WRatio/ratio")
    return fuzz


FUZZ_NAMES = ["ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio", "token_ratio",
              "partial_token_sort_ratio", "partial_token_set_ratio", "partial_token_ratio", "WRatio", "QRatio"]


def test_defaults_are_wratio_and_ratio():
    fuzz = _fuzz()
    from rapidfuzz import fuzz as rfuzz

    rng = random.Random(11)
    names = corpus(rng, 300, alphabet="abcde fgh", max_len=14, none_rate=0.02)
    for q in ("abc def", "", "hgf"):
        assert fp.extract(q, names) == rp.extract(q, names)
        assert fp.extractOne(q, names) == rp.extractOne(q, names)
        assert list(fp.extract_iter(q, names, score_cutoff=50)) == list(rp.extract_iter(q, names, score_cutoff=50))
    clean = [n for n in names if n is not None]
    assert_same(fp.cdist(clean[:30], clean), rp.cdist(clean[:30], clean))
    assert_same(fp.cpdist(clean[:30], clean[30:60]), rp.cpdist(clean[:30], clean[30:60]))
    assert_same(fp.cdist(clean[:30], clean, dtype=np.uint8), rp.cdist(clean[:30], clean, dtype=np.uint8))
    assert fp.cdist(["abc"], [None]).tolist() == rp.cdist(["abc"], [None]).tolist()
    for name in FUZZ_NAMES:
        ours, theirs = getattr(fuzz, name, None), getattr(rfuzz, name)
        if ours is None:
            continue
        for cutoff in (None, 0, 50, 66.666667, 80, 100):
            assert fp.extract("abc def", names, scorer=ours, score_cutoff=cutoff, limit=None) == rp.extract(
                "abc def", names, scorer=theirs, score_cutoff=cutoff, limit=None), (name, cutoff)
            assert_same(fp.cdist(clean[:20], clean[:50], scorer=ours, score_cutoff=cutoff),
                        rp.cdist(clean[:20], clean[:50], scorer=theirs, score_cutoff=cutoff))
        with pytest.raises(TypeError):
            fp.extract("a", ["a", "b"], scorer=ours, score_cutoff=101)
