"""The behaviours docs/limits.md documents for hostile input: 10-million
character strings (on the linear-time paths), a million empty strings,
lone surrogates, NUL characters, and objects whose __str__ or processor
raises. Each call is chosen to be fast."""

from __future__ import annotations

import pytest

import ferrofuzz
from ferrofuzz import fuzz, process, utils
from ferrofuzz.distance import Hamming, Indel, Levenshtein, Postfix, Prefix

TEN_M = 10_000_000


@pytest.fixture(scope="module")
def long_pair():
    a = "ab" * (TEN_M // 2)
    return a, a[:-1] + "c"


def test_ten_million_characters_on_linear_paths(long_pair):
    a, b = long_pair
    assert Levenshtein.distance(a, b, score_cutoff=3) == 1
    assert Indel.distance(a, b, score_cutoff=3) == 2
    assert Levenshtein.normalized_similarity(a, b, score_cutoff=0.99) == 1 - 1 / TEN_M
    assert Hamming.distance(a, b) == 1
    assert Prefix.similarity(a, b) == TEN_M - 1
    assert Postfix.similarity(a, b) == 0
    # A cutoff that cannot be met is answered from the lengths alone.
    assert Levenshtein.distance(a, a[: TEN_M // 2], score_cutoff=10) == 11


def test_ten_million_characters_in_an_index(long_pair):
    a, b = long_pair
    with ferrofuzz.Index([a, "short"]) as index:
        index.add(b)
        assert index.search(b, scorer=Levenshtein.distance, score_cutoff=1, limit=2) == [(b, 0, 2), (a, 1, 0)]


@pytest.fixture(scope="module")
def million_empty():
    return [""] * 1_000_000


def test_a_million_empty_strings_in_process(million_empty):
    assert process.extract("a", million_empty, limit=3) == [("", 0.0, 0), ("", 0.0, 1), ("", 0.0, 2)]
    # As in rapidfuzz: WRatio of two empty strings is 0, ratio 100.
    assert process.extractOne("", million_empty) == ("", 0.0, 0)
    assert process.extractOne("", million_empty, scorer=fuzz.ratio) == ("", 100.0, 0)
    assert process.extractOne("", million_empty, scorer=Levenshtein.distance) == ("", 0, 0)
    np = pytest.importorskip("numpy")
    out = process.cdist(["abc"], million_empty, scorer=Levenshtein.distance)
    assert out.shape == (1, 1_000_000) and int(out.min()) == int(out.max()) == 3


def test_a_million_empty_strings_in_an_index(million_empty):
    with ferrofuzz.Index(million_empty) as index:
        assert len(index) == 1_000_000
        assert index.search("", limit=3) == [("", 1.0, 0), ("", 1.0, 1), ("", 1.0, 2)]
        assert index.search("x", scorer=Levenshtein.distance, score_cutoff=0) == []


def test_dedupe_of_many_empty_strings_is_one_group():
    with ferrofuzz.Index([""] * 500 + ["x"]) as index:
        groups = index.dedupe(threshold=0, scorer=Levenshtein.distance)
        assert len(groups) == 1
        assert groups[0].indices == list(range(500))


def test_dedupe_of_a_million_empty_strings():
    """Copies are searched once per distinct string: a million copies make
    one group in linear memory (once every passing pair was materialised,
    which ran out of memory)."""
    n = 10**6
    with ferrofuzz.Index([""] * n + ["x", "y", "x"]) as index:
        groups = index.dedupe(threshold=0, scorer=Levenshtein.distance)
        assert [g.indices for g in groups] == [list(range(n)), [n, n + 2]]


def test_dedupe_copies_join_through_their_matches():
    """Copies that do not pass against each other still join through a
    choice both match: the same components as one search per copy."""
    # Similarity of two empty strings is 0, which fails a cutoff of 1; each
    # empty string's similarity to "a" is 0 as well, so nothing joins.
    with ferrofuzz.Index(["", "a", "", "ab", "ab"]) as index:
        groups = index.dedupe(threshold=1, scorer=Levenshtein.similarity)
        assert [g.indices for g in groups] == [[1, 3, 4]]


def test_lone_surrogates_are_code_points():
    # Scored per code point, like rapidfuzz.
    assert Levenshtein.distance("a\ud800b", "a\udc00b") == 1
    assert fuzz.ratio("\ud800", "\ud800") == 100.0
    assert process.extractOne("\ud800x", ["\ud800y", "zz"])[2] == 0
    with ferrofuzz.Index(["\ud800x"]) as index:
        assert index.search("\ud800x", limit=1)[0][1] == 1.0
        assert ferrofuzz.Index.from_bytes(index.to_bytes())[0] == "\ud800x"


def test_nul_characters_are_ordinary():
    assert Levenshtein.distance("a\0b", "a\0c") == 1
    assert fuzz.ratio("\0", "\0") == 100.0
    with ferrofuzz.Index(["a\0b", "ab"]) as index:
        assert index.search("a\0b", limit=1) == [("a\0b", 1.0, 0)]


class StrRaises:
    def __str__(self):
        raise RuntimeError("no str for you")


def failing_processor(_):
    raise LookupError("processor failed")


def test_raising_str_and_processor_propagate():
    with pytest.raises(RuntimeError, match="no str for you"):
        process.extractOne("a", [StrRaises()], processor=str)
    with pytest.raises(LookupError, match="processor failed"):
        process.extract("a", ["a", "b"], processor=failing_processor)
    with pytest.raises(LookupError, match="processor failed"):
        fuzz.WRatio("a", "b", processor=failing_processor)
    with pytest.raises(TypeError):
        utils.default_process(StrRaises())
    with ferrofuzz.Index(["a"]) as index:
        with pytest.raises(LookupError):
            index.search("a", processor=failing_processor)
    # Nothing is left broken.
    assert process.extractOne("a", ["a"]) == ("a", 100.0, 0)
