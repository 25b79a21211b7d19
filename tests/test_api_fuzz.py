"""API fuzz: arbitrary Python objects as every argument of every public
function. Each call must return a well-typed result (equal to rapidfuzz's
or jellyfish's where those accept the same call) or raise one of the
documented exception types; never SystemError, never ferrofuzz's
InternalError (a caught panic), never a crash.
"""

import math

import jellyfish
import pytest
import rapidfuzz
from hypothesis import given, settings
from hypothesis import strategies as st

import ferrofuzz
from ferrofuzz import Index, fuzz, phonetic, process, utils
from ferrofuzz._errors import FerrofuzzError
from ferrofuzz.distance import Hamming, Indel, Levenshtein

ALLOWED = (TypeError, ValueError, OverflowError, KeyError, IndexError)


class Raises:
    """An object whose dunder methods raise."""

    def __str__(self):
        raise RuntimeError("__str__ raised")

    def __hash__(self):
        raise RuntimeError("__hash__ raised")

    def __len__(self):
        raise RuntimeError("__len__ raised")

    def __iter__(self):
        raise RuntimeError("__iter__ raised")

    def __eq__(self, other):
        raise RuntimeError("__eq__ raised")


class BadLen:
    def __len__(self):
        return -1

    def __getitem__(self, i):
        raise IndexError(i)


texts = st.text(
    alphabet=st.one_of(
        st.sampled_from("ab \t\x00é\u3000\U0001F600"),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
        st.characters(),
    ),
    max_size=12,
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**64, 2**63, -1, 0, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=8),
    st.binary(max_size=8).map(bytearray),
    texts,
    st.builds(Raises),
    st.builds(BadLen),
)
hashables = st.one_of(st.none(), st.integers(), st.floats(), texts, st.binary(max_size=4))
anything = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.lists(hashables, max_size=4),
        st.dictionaries(hashables, inner, max_size=3),
    ),
    max_leaves=8,
)
# Mostly plausible arguments, so calls get past the first check.
argument = st.one_of(texts, texts, st.lists(hashables, max_size=5), anything)


def call(f, *args, **kwargs):
    """Calls f; returns (True, result) or (False, exception), failing the
    test on an undocumented exception type."""
    try:
        return True, f(*args, **kwargs)
    except ALLOWED as e:
        assert not isinstance(e, (SystemError, FerrofuzzError)), repr(e)
        return False, e
    except RuntimeError as e:
        # Raised by the argument's own dunder methods: must propagate as is.
        assert "raised" in str(e), repr(e)
        return False, e
    except (SystemError, FerrofuzzError) as e:  # pragma: no cover - the failure
        pytest.fail(f"{f.__qualname__}{args!r} {kwargs!r} raised {e!r}")


def rf_call(f, *args, **kwargs):
    try:
        return True, f(*args, **kwargs)
    except Exception as e:  # rapidfuzz's own errors: comparison only
        return False, e


DISTANCES = [
    (Levenshtein, rapidfuzz.distance.Levenshtein),
    (Indel, rapidfuzz.distance.Indel),
    (Hamming, rapidfuzz.distance.Hamming),
]
FORMS = ["distance", "similarity", "normalized_distance", "normalized_similarity"]


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-9
    return a == b


@settings(max_examples=200)
@given(s1=argument, s2=argument, cutoff=scalars, metric=st.sampled_from(range(3)), form=st.sampled_from(FORMS))
def test_distance_functions(s1, s2, cutoff, metric, form):
    ours, theirs = DISTANCES[metric]
    for kwargs in ({}, {"score_cutoff": cutoff}):
        ok, result = call(getattr(ours, form), s1, s2, **kwargs)
        if ok:
            if form.startswith("normalized"):
                assert isinstance(result, float) and 0.0 <= result <= 1.0, result
            else:
                assert isinstance(result, int) and result >= 0, result
            rok, expected = rf_call(getattr(theirs, form), s1, s2, **kwargs)
            if rok:
                assert same(result, expected), (s1, s2, kwargs, result, expected)


FUZZ_NAMES = [
    "ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio", "token_ratio",
    "partial_token_sort_ratio", "partial_token_set_ratio", "partial_token_ratio", "WRatio", "QRatio",
]


def test_partial_scorers_keep_a_negative_cutoff_in_range():
    """rapidfuzz's partial scorers return a negative cutoff itself when no
    window beats it (a score outside 0-100); ferrofuzz treats a negative
    cutoff as 0 (docs/reliability.md)."""
    cutoff = -9.223372036854776e20
    assert rapidfuzz.fuzz.partial_ratio("1", "00", score_cutoff=cutoff) == cutoff
    for name in ("partial_ratio", "partial_token_ratio", "partial_token_sort_ratio", "partial_token_set_ratio"):
        assert getattr(fuzz, name)("1", "00", score_cutoff=cutoff) == 0.0
    assert fuzz.partial_ratio_alignment("1", "00", score_cutoff=cutoff).score == 0.0


def test_token_set_ratio_ignores_a_huge_negative_cutoff():
    """rapidfuzz's token_set_ratio returns 0 for a cutoff of about -6e20 (a
    converted cutoff overflows), although its score with any cutoff of 0 or
    less is 66.7 here; ferrofuzz treats every negative cutoff as 0. Found by
    test_fuzz_scorers."""
    cutoff = -6.148914691236518e20
    assert rapidfuzz.fuzz.token_set_ratio([None], [None, None], score_cutoff=cutoff) == 0.0
    assert rapidfuzz.fuzz.token_set_ratio([None], [None, None], score_cutoff=0) == pytest.approx(200 / 3)
    assert fuzz.token_set_ratio([None], [None, None], score_cutoff=cutoff) == pytest.approx(200 / 3)
    assert fuzz.token_set_ratio("a", "ab", score_cutoff=cutoff) == pytest.approx(200 / 3)


def negative_cutoff_as_zero(cutoff):
    """The cutoff rapidfuzz is given in the comparison: ferrofuzz treats a
    negative fuzz cutoff as 0 (docs/reliability.md), where rapidfuzz may
    return the cutoff itself or overflow (the two tests above)."""
    if isinstance(cutoff, (int, float)) and not isinstance(cutoff, bool) and cutoff < 0:
        return 0
    return cutoff


@settings(max_examples=200)
@given(s1=argument, s2=argument, cutoff=scalars, name=st.sampled_from(FUZZ_NAMES), processed=st.booleans())
def test_fuzz_scorers(s1, s2, cutoff, name, processed):
    kwargs = {"processor": utils.default_process} if processed else {}
    for kw in (kwargs, dict(kwargs, score_cutoff=cutoff)):
        ok, result = call(getattr(fuzz, name), s1, s2, **kw)
        if ok:
            assert isinstance(result, float) and 0.0 <= result <= 100.0, result
            theirs = {"processor": rapidfuzz.utils.default_process} if processed else {}
            if "score_cutoff" in kw:
                theirs["score_cutoff"] = negative_cutoff_as_zero(cutoff)
            rok, expected = rf_call(getattr(rapidfuzz.fuzz, name), s1, s2, **theirs)
            if rok:
                assert abs(result - expected) < 1e-7, (name, s1, s2, kw, result, expected)
    ok, al = call(fuzz.partial_ratio_alignment, s1, s2, score_cutoff=cutoff)
    if ok and al is not None:
        rok, expected = rf_call(rapidfuzz.fuzz.partial_ratio_alignment, s1, s2, score_cutoff=cutoff)
        if rok and expected is not None and expected.score >= 0:
            assert same(al.score, expected.score), (s1, s2, cutoff, al, expected)
        elif rok and expected is not None:  # rapidfuzz's negative cutoff (see above)
            assert al.score == 0.0 and (al.src_start, al.src_end, al.dest_start, al.dest_end) == (
                expected.src_start, expected.src_end, expected.dest_start, expected.dest_end), (s1, s2, cutoff, al, expected)
        elif not (isinstance(cutoff, (int, float)) and cutoff < 0):
            assert 0.0 <= al.score <= 100.0, al


@settings(max_examples=120)
@given(s=argument)
def test_default_process(s):
    ok, result = call(utils.default_process, s)
    if ok:
        assert isinstance(result, str)
        rok, expected = rf_call(rapidfuzz.utils.default_process, s)
        if rok:
            assert result == expected, (s, result, expected)


PHONETIC = ["soundex", "metaphone", "nysiis", "match_rating_codex", "double_metaphone"]


@settings(max_examples=120)
@given(s=argument, s2=argument, name=st.sampled_from(PHONETIC), many=argument)
def test_phonetic(s, s2, name, many):
    ok, result = call(getattr(phonetic, name), s)
    if ok:
        if name == "double_metaphone":
            assert isinstance(result, tuple) and all(isinstance(x, str) for x in result)
        else:
            assert isinstance(result, str)
        if isinstance(s, str):
            rok, expected = rf_call(getattr(jellyfish, name) if name != "double_metaphone" else (lambda x: x), s)
            if rok and name != "double_metaphone":
                assert result == expected, (name, s, result, expected)
    ok, result = call(phonetic.match_rating_comparison, s, s2)
    if ok:
        assert result in (True, False, None)
    ok, result = call(getattr(phonetic, name + "_many"), many)
    if ok:
        assert isinstance(result, list)


SCORERS = [Levenshtein.distance, Indel.normalized_similarity, Hamming.distance, fuzz.WRatio, fuzz.ratio, None]


@settings(max_examples=150)
@given(
    query=argument,
    choices=st.one_of(st.lists(argument, max_size=4), st.dictionaries(hashables, argument, max_size=3), anything),
    scorer=st.sampled_from(SCORERS),
    cutoff=scalars,
    limit=scalars,
    processor=st.sampled_from([None, utils.default_process, str]),
)
def test_process(query, choices, scorer, cutoff, limit, processor):
    kw = {"processor": processor}
    if scorer is not None:
        kw["scorer"] = scorer
    ok, result = call(process.extractOne, query, choices, score_cutoff=cutoff, **kw)
    if ok:
        assert result is None or isinstance(result, tuple)
    ok, result = call(process.extract, query, choices, limit=limit, **kw)
    if ok:
        assert isinstance(result, list)
    ok, result = call(lambda: list(process.extract_iter(query, choices, score_cutoff=cutoff, **kw)))
    ok, result = call(process.cdist, [query], choices, score_cutoff=cutoff, **kw)
    if ok:
        assert result.shape[0] == 1
    call(process.cpdist, [query], choices, **kw)


@settings(max_examples=120)
@given(
    choices=st.one_of(st.lists(argument, max_size=4), st.dictionaries(hashables, argument, max_size=3), anything),
    query=argument,
    scorer=st.sampled_from(SCORERS),
    cutoff=scalars,
    limit=scalars,
    position=scalars,
    data=st.one_of(st.binary(max_size=64), anything),
)
def test_index(choices, query, scorer, cutoff, limit, position, data):
    ok, index = call(Index, choices)
    if not ok:
        index = Index(["abc", "abd", ""])
    kw = {} if scorer is None else {"scorer": scorer}
    ok, result = call(index.search, query, limit=limit, score_cutoff=cutoff, **kw)
    if ok:
        assert isinstance(result, list)
    call(index.search_many, [query, query], score_cutoff=cutoff, **kw)
    call(index.dedupe, **dict(kw, **({"threshold": cutoff} if cutoff is not None else {})))
    call(index.add, query, key=position)
    call(index.extend, choices)
    call(index.key, position)
    ok, loaded = call(Index.from_bytes, data)
    if ok:
        assert isinstance(loaded, Index)
    blob = index.to_bytes()
    again = Index.from_bytes(blob)
    assert again.to_bytes() == blob
    assert len(again) == len(index)
