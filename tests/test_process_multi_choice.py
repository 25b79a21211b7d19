"""extract / extractOne through the multi-choice kernel (uniform Levenshtein
and Indel against a list of byte strings: many choices per SWAR block)
against rapidfuzz, for every form: choices of every lane width (1..=8,
..=16, ..=32, ..=64 units) mixed with empty ones and ones longer than 64
(scored by the single kernel), ASCII and Latin-1 lists, queries that are
empty, long, non-Latin-1 or hold more byte values than the kernel has
slots, lists of several chunks, with cutoffs, threads on and off."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import process as rp
from rapidfuzz.distance import Indel as RIndel
from rapidfuzz.distance import Levenshtein as RLevenshtein

from ferrofuzz import process as fp
from ferrofuzz.distance import Indel, Levenshtein

FORMS = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
PAIRS = [(getattr(m, f), getattr(r, f)) for m, r in ((Levenshtein, RLevenshtein), (Indel, RIndel)) for f in FORMS]
IDS = [f"{f.__module__.rsplit('.', 1)[-1]}.{f.__name__}" for f, _ in PAIRS]


def words(rng, n, alphabet, max_len=80):
    out = []
    for _ in range(n):
        # Lengths biased to the lane edges (8, 16, 32, 64) and beyond.
        length = rng.choice([0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, rng.randint(0, max_len)])
        out.append("".join(rng.choice(alphabet) for _ in range(length)))
    return out


def cutoffs(form):
    if form in ("distance", "similarity"):
        return [None, 0, 3, 20]
    return [None, 0.3, 0.8]


def check(query, choices, ours, theirs, limits=(1, 5, None)):
    for cutoff in cutoffs(ours.__name__):
        for limit in limits:
            want = rp.extract(query, choices, scorer=theirs, limit=limit, score_cutoff=cutoff)
            got = fp.extract(query, choices, scorer=ours, limit=limit, score_cutoff=cutoff)
            assert got == want, (query, ours, cutoff, limit)
        assert fp.extractOne(query, choices, scorer=ours, score_cutoff=cutoff) == rp.extractOne(
            query, choices, scorer=theirs, score_cutoff=cutoff
        )


@pytest.mark.parametrize("ours,theirs", PAIRS, ids=IDS)
def test_every_lane_width_ascii_and_latin1(ours, theirs):
    rng = random.Random(hash(ours.__name__) & 0xFFFF)
    for alphabet in ("abcd", "abcdéàü\xff\x01"):
        choices = words(rng, 300, alphabet)
        for query in ["", "a", "abcdabcd", "dcbaé" * 3, "ab" * 40, "abcdéà" * 11, "zzz", "é😀ab", "\u0100abc"]:
            check(query, choices, ours, theirs)


@pytest.mark.parametrize("ours,theirs", PAIRS[:4:3] + PAIRS[4::3], ids=IDS[:4:3] + IDS[4::3])
def test_query_with_more_byte_values_than_slots(ours, theirs):
    rng = random.Random(3)
    alphabet = "".join(map(chr, range(1, 256)))
    choices = words(rng, 200, alphabet)
    for query in (alphabet, alphabet[:247], alphabet[:248], alphabet[100:200] * 2):
        check(query, choices, ours, theirs, limits=(1, 5))


@pytest.mark.parametrize("ours,theirs", PAIRS, ids=IDS)
def test_many_chunks_threads_on_and_off(ours, theirs, monkeypatch):
    rng = random.Random(11)
    choices = words(rng, 9000, "abcdeé", max_len=40)
    choices[6000] = "abcdeé" * 4
    for query in ("abcdeé" * 4, "bad", ""):
        results = []
        for parallel in (1, 10**9):
            monkeypatch.setattr(fp, "PARALLEL_CHOICES", parallel)
            results.append((fp.extract(query, choices, scorer=ours, limit=7), fp.extractOne(query, choices, scorer=ours)))
        assert results[0] == results[1]
        assert results[0] == (rp.extract(query, choices, scorer=theirs, limit=7), rp.extractOne(query, choices, scorer=theirs))
