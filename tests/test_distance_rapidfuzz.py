"""ferrofuzz.distance against rapidfuzz.distance: the same call gives the
same result, for every metric, form and option, on str, bytes and
sequences of hashables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Hamming as RHamming
from rapidfuzz.distance import Indel as RIndel
from rapidfuzz.distance import Levenshtein as RLevenshtein
from rapidfuzz.utils import default_process

from ferrofuzz.distance import Hamming, Indel, Levenshtein
from strategies import any_text, small_text, text_with_surrogates, weights

FORMS = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
PAIRS = [(Levenshtein, RLevenshtein), (Indel, RIndel), (Hamming, RHamming)]

hashables = st.lists(
    st.integers(-(2**70), 2**70) | st.sampled_from([-1, -2, 0, 97, "a", "b", "ab", (1, 2), 1.5, None, True]),
    max_size=8,
)
inputs = small_text | text_with_surrogates | any_text | st.binary(max_size=10) | hashables


def cutoff_for(form, draw_int, draw_float):
    return draw_int if form in ("distance", "similarity") else draw_float


def same(ours, theirs, *args, **kwargs):
    """Both raise the same kind of error, or both return equal values."""
    try:
        expected = theirs(*args, **kwargs)
    except Exception as e:  # rapidfuzz raised: ferrofuzz must raise too
        with pytest.raises((TypeError, ValueError, OverflowError)):
            ours(*args, **kwargs)
        return type(e)
    got = ours(*args, **kwargs)
    assert got == expected, (args, kwargs, got, expected)
    assert type(got) is type(expected), (type(got), type(expected))
    return None


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("ours, theirs", PAIRS, ids=["Levenshtein", "Indel", "Hamming"])
@given(a=inputs, b=inputs, ci=st.none() | st.integers(0, 12), cf=st.none() | st.floats(0, 1))
def test_same_results(ours, theirs, form, a, b, ci, cf):
    same(getattr(ours, form), getattr(theirs, form), a, b, score_cutoff=cutoff_for(form, ci, cf))


@pytest.mark.parametrize("form", FORMS)
@given(a=small_text, b=small_text, w=weights, hint=st.none() | st.integers(0, 10))
def test_weights_and_hints(form, a, b, w, hint):
    f_hint = hint if form in ("distance", "similarity") else (None if hint is None else min(hint / 10, 1.0))
    same(getattr(Levenshtein, form), getattr(RLevenshtein, form), a, b, weights=w, score_hint=f_hint)


@pytest.mark.parametrize("form", FORMS)
@given(a=small_text, b=small_text, pad=st.booleans())
def test_hamming_pad(form, a, b, pad):
    same(getattr(Hamming, form), getattr(RHamming, form), a, b, pad=pad)


@pytest.mark.parametrize("form", FORMS)
@given(a=st.text(max_size=15), b=st.text(max_size=15))
def test_processors(form, a, b):
    for processor in (str.lower, default_process, lambda s: s[::-1]):
        same(getattr(Levenshtein, form), getattr(RLevenshtein, form), a, b, processor=processor)
        same(getattr(Indel, form), getattr(RIndel, form), a, b, processor=processor)


@pytest.mark.parametrize("ours, theirs", PAIRS, ids=["Levenshtein", "Indel", "Hamming"])
@pytest.mark.parametrize("form", FORMS)
def test_none_inputs(ours, theirs, form):
    for a, b in ((None, "abc"), ("abc", None), (None, None)):
        same(getattr(ours, form), getattr(theirs, form), a, b)


def test_mixed_input_types_compare_by_value():
    assert Levenshtein.distance(["a", "b"], "ab") == RLevenshtein.distance(["a", "b"], "ab") == 0
    assert Levenshtein.distance(b"ab", "ab") == 0
    assert Levenshtein.distance([97, 98], "ab") == RLevenshtein.distance([97, 98], "ab")
    assert Levenshtein.distance([-1], [-2]) == RLevenshtein.distance([-1], [-2]) == 1
    assert Levenshtein.distance("\U0001F600", "\U0001F601") == 1
    assert Levenshtein.distance("\ud800", "\udc00") == RLevenshtein.distance("\ud800", "\udc00") == 1


def test_huge_weights_saturate_like_rapidfuzz():
    m = 2**64 - 1
    assert Levenshtein.distance("abc", "abd", weights=(m, m, m)) == RLevenshtein.distance("abc", "abd", weights=(m, m, m))


class _StrSub(str):
    pass


class _IntSub(int):
    pass


@pytest.mark.parametrize(
    "a, b",
    [([_StrSub("a")], "a"), ([_StrSub("a"), "b"], ["a", "b"]), ([_IntSub(-1)], [-1]), ([_IntSub(-1)], [-2])],
    ids=["str-subclass", "str-subclass-list", "int-subclass-minus-one", "int-subclass-vs-minus-two"],
)
def test_subclass_elements_convert_like_rapidfuzz(a, b):
    """rapidfuzz converts elements with isinstance: a one-character str
    subclass is its code point and an int subclass equal to -1 is -1."""
    for form in FORMS:
        same(getattr(Levenshtein, form), getattr(RLevenshtein, form), a, b)


@pytest.mark.parametrize("ours, theirs", PAIRS, ids=["Levenshtein", "Indel", "Hamming"])
@pytest.mark.parametrize("form", FORMS)
def test_none_is_checked_before_the_processor(ours, theirs, form):
    """The normalized forms give their worst score for None without calling
    the processor; None produced by the processor is a TypeError."""

    for a, b in ((None, "abc"), ("abc", None)):
        # str.lower(None) raises TypeError: only a form that calls the
        # processor on None raises.
        assert same(getattr(ours, form), getattr(theirs, form), a, b, processor=str.lower) is (
            None if form.startswith("normalized") else TypeError
        )
    none_for_a = lambda s: None if s == "a" else s  # noqa: E731
    assert same(getattr(ours, form), getattr(theirs, form), "a", "b", processor=none_for_a) is TypeError


long_texts = st.text(st.sampled_from("ab\u00e9\U0001f600"), min_size=60, max_size=400)


@pytest.mark.parametrize("form", FORMS)
@given(a=long_texts, b=long_texts, ci=st.none() | st.integers(0, 300), cf=st.none() | st.floats(0, 1))
def test_hamming_long_strings(form, a, b, ci, cf):
    """Past the kernel's 64-unit chunks, ASCII and not, with cutoffs."""
    same(getattr(Hamming, form), getattr(RHamming, form), a, b, score_cutoff=cutoff_for(form, ci, cf))
    n = min(len(a), len(b))
    same(getattr(Hamming, form), getattr(RHamming, form), a[:n], b[:n], pad=False)
    ascii_a, ascii_b = a.replace("\u00e9", "c").replace("\U0001f600", "d"), b.replace("\u00e9", "c")
    same(getattr(Hamming, form), getattr(RHamming, form), ascii_a, ascii_b.replace("\U0001f600", "d"))
