"""Wrong types, bad options and failing callbacks give clear Python
exceptions: never a crash, a hang or a wrong answer."""

from __future__ import annotations

import pytest

import ferrofuzz
from ferrofuzz.distance import Hamming, Indel, Levenshtein

ALL = [getattr(m, f) for m in (Levenshtein, Indel, Hamming)
       for f in ("distance", "similarity", "normalized_distance", "normalized_similarity")]


@pytest.mark.parametrize("fn", ALL, ids=lambda f: f"{f.__module__.split('.')[-1]}.{f.__name__}")
@pytest.mark.parametrize("bad", [1, 2.5, object(), {"a": 1}, {"a"}, (c for c in "ab")])
def test_wrong_types_raise_type_error(fn, bad):
    with pytest.raises(TypeError):
        fn(bad, "abc")
    with pytest.raises(TypeError):
        fn("abc", bad)


def test_unhashable_elements_raise_type_error():
    with pytest.raises(TypeError):
        Levenshtein.distance([[1]], [[1]])


@pytest.mark.parametrize("w", [(-1, 1, 1), (1, 1), (1, 1, 1, 1), (1, 2**64, 1)])
def test_bad_weights_raise_value_error(w):
    with pytest.raises(ValueError):
        Levenshtein.distance("a", "b", weights=w)


@pytest.mark.parametrize("w", [("x", 1, 1), "abc", (1, None, 1)])
def test_non_numeric_weights_raise_type_error(w):
    with pytest.raises(TypeError):
        Levenshtein.distance("a", "b", weights=w)


@pytest.mark.parametrize("cutoff", [-1, -0.5])
def test_negative_cutoffs(cutoff):
    with pytest.raises(ValueError):
        Levenshtein.distance("a", "b", score_cutoff=cutoff)


@pytest.mark.parametrize("cutoff", [-0.1, 1.5, float("nan"), float("inf")])
def test_normalized_cutoffs_out_of_range(cutoff):
    with pytest.raises(ValueError):
        Levenshtein.normalized_similarity("a", "b", score_cutoff=cutoff)


@pytest.mark.parametrize("cutoff", ["3", b"3", float("nan"), float("inf"), [1]])
def test_non_numeric_cutoff(cutoff):
    with pytest.raises(TypeError):
        Indel.distance("a", "b", score_cutoff=cutoff)


def test_hamming_unequal_lengths_without_pad():
    with pytest.raises(ValueError, match="same length"):
        Hamming.distance("ab", "abc", pad=False)
    assert Hamming.distance("ab", "abc", pad=True) == 1


def test_processor_errors_propagate():
    def boom(s):
        raise KeyError("from the processor")

    with pytest.raises(KeyError, match="from the processor"):
        Levenshtein.distance("a", "b", processor=boom)
    with pytest.raises(TypeError):
        Levenshtein.distance("a", "b", processor=1)


class LyingStr(str):
    def __len__(self):
        return 10**9

    def isascii(self):
        return True


class RaisingHash:
    def __hash__(self):
        raise RuntimeError("no hash")


def test_hostile_objects():
    # A str subclass that lies about its length still gives the right answer.
    assert Levenshtein.distance(LyingStr("abc"), "abd") == 1
    assert Levenshtein.distance(LyingStr("\u00e9t\u00e9"), "ete") == 2
    with pytest.raises(RuntimeError, match="no hash"):
        Levenshtein.distance([RaisingHash()], ["a"])


def test_nul_bytes_and_empty_strings():
    assert Levenshtein.distance("a\0b", "a\0c") == 1
    assert Levenshtein.distance("", "") == 0
    assert Levenshtein.normalized_similarity("", "") == 1.0
    assert Indel.normalized_distance("", "") == 0.0


def test_closed_index_raises_value_error():
    index = ferrofuzz.Index(["a", "b"])
    index.close()
    index.close()  # idempotent
    with pytest.raises(ValueError, match="closed"):
        index.search("a")
    with pytest.raises(ValueError, match="closed"):
        len(index)
    with pytest.raises(ValueError, match="closed"):
        with index:
            pass


def test_index_rejects_bad_arguments():
    index = ferrofuzz.Index(["abc", "abd"])
    with pytest.raises(TypeError):
        index.search("a", scorer=42)
    with pytest.raises(TypeError):
        index.search("a", scorer=lambda a, b: 0)  # not a ferrofuzz scorer
    with pytest.raises(ValueError):
        index.search("a", limit=-1)
    with pytest.raises(TypeError):
        index.search("a", limit="5")
    with pytest.raises(TypeError):
        index.search(None)
    with pytest.raises(TypeError):
        ferrofuzz.Index([1, "a"])
    with pytest.raises(TypeError):
        index.search("a", scorer=Levenshtein.distance, scorer_kwargs={"pad": True})


def test_panics_become_internal_errors():
    from ferrofuzz import _errors, _native

    status = _native.lib.ffz_test_panic()
    assert status == _native.lib.FFZ_PANIC
    assert "ffz_test_panic was called" in _errors.last_error_message()
    with pytest.raises(ferrofuzz.InternalError, match="ffz_test_panic was called"):
        _errors.check(_native.lib.ffz_test_panic())
    # The library keeps working after a caught panic.
    assert Levenshtein.distance("kitten", "sitting") == 3



_WORKER_BATCHES = ("cdist", "cdist all cores", "extract", "extractOne", "search_many", "dedupe")


def _worker_batches():
    """Calls that run on the library's worker threads (a pool made for the
    call, or the global pool for workers=-1)."""
    from ferrofuzz import process

    words = ["kitten", "sitting", "mitten", "bitten"] * 25_000  # several extract chunks
    index = ferrofuzz.Index(words[:4])
    return {
        "cdist": lambda: process.cdist(words[:400], words[:200], scorer=Levenshtein.distance, workers=2),
        "cdist all cores": lambda: process.cdist(words[:400], words[:200], scorer=Indel.distance, workers=-1),
        # extract runs on every core from process.PARALLEL_CHOICES choices on
        "extract": lambda: process.extract("sitting", words, scorer=Levenshtein.distance, limit=2),
        "extractOne": lambda: process.extractOne("mittens", words, scorer=Indel.distance),
        "search_many": lambda: index.search_many(["sitting", "mitten"], scorer=Levenshtein.distance, limit=1, workers=2),
        "dedupe": lambda: index.dedupe(threshold=1, scorer=Levenshtein.distance, workers=2),
    }


def _plain(value):
    return value.tolist() if hasattr(value, "tolist") else value


# A tuple of names, so that collecting the tests builds no inputs.
@pytest.mark.parametrize("name", _WORKER_BATCHES)
def test_panic_on_a_worker_thread_becomes_internal_error(name):
    from ferrofuzz import _native

    batches = _worker_batches()
    assert set(batches) == set(_WORKER_BATCHES)
    call = batches[name]
    expected = _plain(call())
    assert expected  # each call has a non-empty correct answer to come back to
    _native.lib.ffz_test_arm_worker_panic(1)
    try:
        with pytest.raises(ferrofuzz.InternalError, match="test hook: panic on worker thread"):
            call()
    finally:
        _native.lib.ffz_test_arm_worker_panic(0)
    # One-shot, and nothing is left broken: the same call gives the same answer.
    assert _plain(call()) == expected
