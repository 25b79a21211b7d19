"""Differential tests of ferrofuzz.fuzz against rapidfuzz.fuzz (the oracle)."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz as rf_fuzz
from rapidfuzz import process as rf_process
from rapidfuzz.utils import default_process as rf_default_process

import ferrofuzz
from ferrofuzz import fuzz
from ferrofuzz.utils import default_process

SCORERS = [
    "ratio",
    "partial_ratio",
    "token_sort_ratio",
    "token_set_ratio",
    "token_ratio",
    "partial_token_sort_ratio",
    "partial_token_set_ratio",
    "partial_token_ratio",
    "WRatio",
    "QRatio",
]

# Few distinct characters so that tokens and substrings repeat, plus every
# kind of whitespace rapidfuzz does and does not split on, Latin-1, BMP and
# astral characters, and a lone surrogate.
ALPHABET = "aabbcd  \t\n\u3000\u2009\xa0\x85é\u0130ß\u03a3\U0001f600\ud800"
texts = st.text(alphabet=ALPHABET, max_size=40)
ascii_texts = st.text(alphabet="abcde ", max_size=90)
cutoffs = st.one_of(
    st.none(),
    st.sampled_from([0, 0.0, 1, 33.3, 50, 66.66666666666667, 80, 95, 99.999, 100, 100.5, 1e9, -5]),
    st.floats(min_value=0, max_value=100, allow_nan=False),
)
processors = st.sampled_from([None, default_process])


def rf_processor(p):
    return rf_default_process if p is default_process else p


def assert_same(name, s1, s2, processor, cutoff):
    ours = getattr(fuzz, name)(s1, s2, processor=processor, score_cutoff=cutoff)
    theirs = getattr(rf_fuzz, name)(s1, s2, processor=rf_processor(processor), score_cutoff=cutoff)
    assert ours == theirs, (name, s1, s2, processor, cutoff, ours, theirs)
    assert type(ours) is float


@pytest.mark.parametrize("name", SCORERS)
@settings(max_examples=400, deadline=None)
@given(s1=texts, s2=texts, processor=processors, cutoff=cutoffs)
def test_scorers_match_rapidfuzz(name, s1, s2, processor, cutoff):
    assert_same(name, s1, s2, processor, cutoff)


@pytest.mark.parametrize("name", SCORERS)
@settings(max_examples=200, deadline=None)
@given(s1=ascii_texts, s2=ascii_texts, cutoff=cutoffs)
def test_scorers_match_rapidfuzz_ascii(name, s1, s2, cutoff):
    assert_same(name, s1, s2, None, cutoff)


@settings(max_examples=600, deadline=None)
@given(s1=st.one_of(texts, ascii_texts), s2=st.one_of(texts, ascii_texts), processor=processors, cutoff=cutoffs)
def test_partial_ratio_alignment_matches_rapidfuzz(s1, s2, processor, cutoff):
    ours = fuzz.partial_ratio_alignment(s1, s2, processor=processor, score_cutoff=cutoff)
    theirs = rf_fuzz.partial_ratio_alignment(s1, s2, processor=rf_processor(processor), score_cutoff=cutoff)
    if theirs is None:
        assert ours is None
    else:
        assert ours is not None and list(ours) == list(theirs), (s1, s2, cutoff, ours, theirs)


@pytest.mark.parametrize("seed", range(6))
def test_random_strings_of_many_lengths(seed):
    """Needles around the 64-unit word size, haystacks up to a few hundred."""
    rng = random.Random(seed)
    alphabet = ["ab c", "abcdefgh  ", "abcdefghijklmnopqrstuvwxyz   ABC\t", "aab "][seed % 4]
    for _ in range(150):
        a = "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 3, 8, 20, 63, 64, 65, 80, 130, 200])))
        b = "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 3, 8, 20, 63, 64, 65, 80, 130, 300])))
        if rng.random() < 0.2:
            a += "é"
        if rng.random() < 0.2:
            b += "\U0001f600"
        cutoff = rng.choice([None, 0, 40, 70, 90, 100])
        for name in SCORERS:
            assert_same(name, a, b, None, cutoff)
        ours = fuzz.partial_ratio_alignment(a, b, score_cutoff=cutoff)
        theirs = rf_fuzz.partial_ratio_alignment(a, b, score_cutoff=cutoff)
        assert (ours is None and theirs is None) or list(ours) == list(theirs), (a, b, cutoff)


def test_partial_ratio_long_haystack_is_fast_and_exact():
    rng = random.Random(5)
    hay = "".join(rng.choice("abcdefghij klmnop") for _ in range(50000))
    for needle in [hay[20000:20050], "".join(rng.choice("abcdefghij klmnop") for _ in range(50)),
                   "".join(rng.choice("abcdefghij klmnop") for _ in range(150))]:
        start = time.perf_counter()
        ours = fuzz.partial_ratio_alignment(needle, hay)
        elapsed = time.perf_counter() - start
        assert list(ours) == list(rf_fuzz.partial_ratio_alignment(needle, hay))
        assert list(fuzz.partial_ratio_alignment(hay, needle)) == list(rf_fuzz.partial_ratio_alignment(hay, needle))
        assert elapsed < 0.2, f"partial_ratio took {elapsed:.3f}s"


def test_known_values():
    assert fuzz.ratio("this is a test", "this is a test!") == pytest.approx(96.55172413793103)
    assert fuzz.partial_ratio("this is a test", "this is a test!") == 100.0
    assert fuzz.token_sort_ratio("fuzzy wuzzy was a bear", "wuzzy fuzzy was a bear") == 100.0
    assert fuzz.token_set_ratio("fuzzy was a bear", "fuzzy fuzzy was a bear") == 100.0
    res = fuzz.partial_ratio_alignment("a certain string", "cetain")
    assert list(res) == [pytest.approx(83.33333333333334), 2, 8, 0, 6]
    assert repr(res).startswith("ScoreAlignment(score=83.3")
    # WRatio's partial scale switches after a length ratio of exactly 8.
    assert fuzz.WRatio("a", "abcdefgh") == rf_fuzz.WRatio("a", "abcdefgh") == 90.0
    assert fuzz.WRatio("a", "abcdefghi") == rf_fuzz.WRatio("a", "abcdefghi") == 60.0


@pytest.mark.parametrize("name", SCORERS)
def test_empty_strings(name):
    for s1, s2 in [("", ""), ("", "a"), ("a", ""), (" ", " "), ("  ", "a"), (" a ", "a ")]:
        assert_same(name, s1, s2, None, None)
        assert_same(name, s1, s2, default_process, None)


@pytest.mark.parametrize("name", SCORERS + ["partial_ratio_alignment"])
def test_none_gives_zero(name):
    expected = None if name == "partial_ratio_alignment" else 0.0
    f = getattr(fuzz, name)
    assert f(None, "a") == expected
    assert f("a", None) == expected
    assert f(None, None, processor=default_process) == expected
    assert f(None, "a", score_cutoff=50) == expected


@pytest.mark.parametrize("name", SCORERS + ["partial_ratio_alignment"])
def test_bad_inputs_raise_type_error(name):
    f = getattr(fuzz, name)
    for s1, s2 in [(1, "a"), ("a", 2.5), (object(), "a")]:
        with pytest.raises(TypeError):
            getattr(rf_fuzz, name)(s1, s2)
        with pytest.raises(TypeError):
            f(s1, s2)
    # rapidfuzz raises KeyError for a dict (it indexes it); ferrofuzz rejects
    # mappings and sets with TypeError.
    with pytest.raises(TypeError):
        f({"a": 1}, "a")
    with pytest.raises(TypeError):
        f("a", "b", score_cutoff="50")
    with pytest.raises(TypeError):
        f("a", "b", processor=lambda s: None)
    with pytest.raises(TypeError):
        f("a", "b", 50)  # score_cutoff is keyword-only


@pytest.mark.parametrize("name", SCORERS)
def test_other_sequence_types(name):
    pairs = [
        (b"fuzzy wuzzy", b"wuzzy fuzzy was"),
        (b"caf\xe9 bar", "café bar"),
        (list("fuzzy wuzzy"), "wuzzy fuzzy"),
        ([1, 32, 2, 3], [2, 32, 1]),
        (("ab", "cd"), ["ab", "cd", "ef"]),
        ("ab c\U0001f600", b"c ab"),
    ]
    for s1, s2 in pairs:
        assert_same(name, s1, s2, None, None)


def test_processor_is_applied_to_both():
    calls = []

    def proc(s):
        calls.append(s)
        return s.upper()

    assert fuzz.ratio("abc", "ABC", processor=proc) == 100.0
    assert calls == ["abc", "ABC"]
    assert fuzz.WRatio("New York Mets", "new york mets!", processor=default_process) == 100.0


def test_nan_cutoff_follows_rapidfuzz():
    nan = float("nan")
    for name in SCORERS:
        for s1, s2 in [("a", "a"), ("ab cd", "cd ab"), ("abc", "xabcx"), ("fuzzy", "fuzzy wuzzy was a bear")]:
            assert_same(name, s1, s2, None, nan)


def test_score_alignment_behaves_like_rapidfuzz():
    ours = fuzz.partial_ratio_alignment("abc", "xabcx")
    theirs = rf_fuzz.partial_ratio_alignment("abc", "xabcx")
    assert ours == theirs
    assert ours == (100.0, 0, 3, 1, 4) and ours == [100.0, 0, 3, 1, 4]
    assert ours != (100.0, 0, 3, 1) and ours != 5
    assert ours[0] == 100.0 and ours[-1] == 4 and len(ours) == 5
    assert (ours.score, ours.src_start, ours.src_end, ours.dest_start, ours.dest_end) == (100.0, 0, 3, 1, 4)
    with pytest.raises(IndexError):
        ours[5]
    with pytest.raises(TypeError):
        hash(ours)
    ours.score = 5
    assert ours.score == 5
    with pytest.raises(AttributeError):
        ours.foo = 1
    assert fuzz.partial_ratio_alignment("abc", "xyz", score_cutoff=50) is None
    assert list(fuzz.partial_ratio_alignment("abc", "xyz", score_cutoff=0)) == [0.0, 0, 3, 0, 3]
    assert fuzz.partial_ratio_alignment("abc", "abc", score_cutoff=101) is None


NAMES = [
    "New York Mets", "new york mets", "New York Yankees", "Atlanta Braves", "Yankees New York",
    "york", "mets", "", "  ", "N.Y. Mets!", "Los Angeles Dodgers", "Boston Red Sox", "red sox boston",
    "Chicago Cubs", "Chicago White Sox", "San Francisco Giants", "Giants", "NY Mets", "Mets New York",
] * 3


@pytest.mark.parametrize("name", SCORERS)
@pytest.mark.parametrize("query", ["new york mets", "Yankees", "sox", "", "chicago white", "giants san fran"])
def test_index_search_matches_process_extract(name, query):
    choices = NAMES
    with ferrofuzz.Index(choices) as index:
        for limit in (1, 5, len(choices)):
            for cutoff in (None, 50):
                ours = index.search(query, scorer=getattr(fuzz, name), limit=limit, score_cutoff=cutoff)
                theirs = rf_process.extract(
                    query, choices, scorer=getattr(rf_fuzz, name), limit=limit, score_cutoff=cutoff
                )
                assert ours == theirs, (name, query, limit, cutoff)


def test_index_rejects_scorer_kwargs_for_fuzz():
    with ferrofuzz.Index(["a"]) as index, pytest.raises(TypeError):
        index.search("a", scorer=fuzz.WRatio, scorer_kwargs={"weights": (1, 1, 1)})


def test_c_abi_conventions():
    from ferrofuzz._native import ffi, lib

    data = ffi.new("char[]", b"abc")
    s = ffi.new("ffz_str *", (data, 3, lib.FFZ_KIND_U8))
    out = ffi.new("double *")
    for fn in [lib.ffz_fuzz_ratio, lib.ffz_fuzz_partial_ratio, lib.ffz_fuzz_token_sort_ratio,
               lib.ffz_fuzz_token_set_ratio, lib.ffz_fuzz_token_ratio, lib.ffz_fuzz_partial_token_sort_ratio,
               lib.ffz_fuzz_partial_token_set_ratio, lib.ffz_fuzz_partial_token_ratio, lib.ffz_fuzz_wratio,
               lib.ffz_fuzz_qratio]:
        assert fn(s[0], s[0], 0.0, out) == lib.FFZ_OK and out[0] == 100.0
        assert fn(s[0], s[0], 0.0, ffi.NULL) == lib.FFZ_NULL_POINTER
        bad = ffi.new("ffz_str *", (ffi.NULL, 3, lib.FFZ_KIND_U8))
        assert fn(bad[0], s[0], 0.0, out) == lib.FFZ_NULL_POINTER
    alignment = ffi.new("ffz_score_alignment *")
    assert lib.ffz_fuzz_partial_ratio_alignment(s[0], s[0], 0.0, alignment) == lib.FFZ_OK
    assert (alignment.score, alignment.src_start, alignment.src_end) == (100.0, 0, 3)
    assert lib.ffz_fuzz_partial_ratio_alignment(s[0], s[0], 0.0, ffi.NULL) == lib.FFZ_NULL_POINTER
    utf8 = "ab ç".encode()
    u = ffi.new("char[]", utf8)
    us = ffi.new("ffz_str *", (u, len(utf8), lib.FFZ_KIND_UTF8))
    assert lib.ffz_fuzz_wratio(us[0], s[0], 0.0, out) == lib.FFZ_OK
    assert out[0] == rf_fuzz.WRatio("ab ç", "abc")
