"""extract and extractOne over short lists of ``str`` take one flat call
(``ffzpy_process_extract``, see build.py and ``_batch.extract_flat``) with
reused output buffers. These check that path at its edges against
rapidfuzz and against the general path: limits around the pooled buffer
size, items containing a NUL, items that are not ``str``, non-ASCII and
astral text, dict choices, and threads sharing the buffer pool."""

from __future__ import annotations

import random
import threading

import pytest
from rapidfuzz import fuzz as rfuzz
from rapidfuzz import process as rp
from rapidfuzz.distance import Levenshtein as RLevenshtein

from ferrofuzz import _batch
from ferrofuzz import fuzz
from ferrofuzz import process as fp
from ferrofuzz.distance import Levenshtein

SCORERS = [
    (fuzz.ratio, rfuzz.ratio),
    (fuzz.WRatio, rfuzz.WRatio),
    (Levenshtein.distance, RLevenshtein.distance),
    (Levenshtein.normalized_similarity, RLevenshtein.normalized_similarity),
]
IDS = ["ratio", "WRatio", "Levenshtein.distance", "Levenshtein.normalized_similarity"]
ALPHABET = "abcde é\u00ff\u0101\U0001F600"


def words(rng, count, max_len=12):
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, max_len))) for _ in range(count)]


def python_functions(monkeypatch):
    """Sends process.extract and extractOne straight to their Python
    functions: in API mode a native wrapper serves their common call before
    any of the paths these tests switch."""
    monkeypatch.setattr(fp, "extract", getattr(fp.extract, "__wrapped__", fp.extract))
    monkeypatch.setattr(fp, "extractOne", getattr(fp.extractOne, "__wrapped__", fp.extractOne))


@pytest.mark.parametrize("scorers", SCORERS, ids=IDS)
def test_limits_around_the_pooled_buffers_match_rapidfuzz(scorers):
    ours, theirs = scorers
    rng = random.Random(5)
    pooled = _batch._POOLED_LIMIT
    for count in (0, 1, 2, pooled - 1, pooled, pooled + 1, 3 * pooled):
        choices = words(rng, count)
        for query in words(rng, 4):
            for limit in (None, 0, 1, 5, pooled - 1, pooled, pooled + 1, 2 * pooled, 10 * pooled):
                want = rp.extract(query, choices, scorer=theirs, limit=limit)
                assert fp.extract(query, choices, scorer=ours, limit=limit) == want, (query, count, limit)
            assert fp.extractOne(query, choices, scorer=ours) == rp.extractOne(query, choices, scorer=theirs)


@pytest.mark.parametrize("scorers", SCORERS, ids=IDS)
def test_flat_and_general_paths_agree(scorers, monkeypatch):
    """The same calls with the flat path switched off (INLINE_WORK 0 sends
    every list to the general path) give identical results."""
    ours, _ = scorers
    rng = random.Random(9)
    cases = []
    for _ in range(60):
        choices = words(rng, rng.randint(0, 40))
        keyed = {f"k{i}": c for i, c in enumerate(choices)} if rng.random() < 0.3 else choices
        query = rng.choice(words(rng, 3) + choices[:1])
        cutoff = rng.choice([None, 0, 1, 50, 0.5])
        if ours in (fuzz.ratio, fuzz.WRatio) and cutoff is not None:
            cutoff = cutoff * 100 if cutoff < 1 else cutoff
        elif ours is Levenshtein.normalized_similarity and cutoff is not None:
            cutoff = min(cutoff, 1)
        cases.append((query, keyed, rng.choice([1, 3, 5, 40, None]), cutoff))

    def run_all():
        return [
            (fp.extract(q, c, scorer=ours, limit=limit, score_cutoff=cut), fp.extractOne(q, c, scorer=ours, score_cutoff=cut))
            for q, c, limit, cut in cases
        ]

    flat = run_all()
    python_functions(monkeypatch)
    monkeypatch.setattr(fp, "INLINE_WORK", 0)
    assert run_all() == flat


def test_lists_the_flat_call_cannot_take_fall_back():
    """A NUL inside an item, items that are bytes, lists or None, and a
    query that is a list: each gives rapidfuzz's result."""
    cases = [
        ("abc", ["ab\0c", "abc", "\0"]),
        ("abc", [b"abc", "abd", ["a", "b"]]),
        ("abc", ["abd", None, "abc"]),
        (["a", "b", "c"], ["abd", "abc"]),
        ("\0", ["", "\0", "a\0"]),
    ]
    for query, choices in cases:
        for ours, theirs in SCORERS:
            assert fp.extract(query, choices, scorer=ours) == rp.extract(query, choices, scorer=theirs), (query, choices)
            assert fp.extractOne(query, choices, scorer=ours) == rp.extractOne(query, choices, scorer=theirs)


def test_the_flat_call_reports_what_it_cannot_do():
    """extract_flat returns None (the general path then runs) for items
    that are not str and for an item with a NUL, and results otherwise."""
    struct = fp._native(fuzz.ratio, {}).struct
    nan = float("nan")
    assert _batch.extract_flat("a", ["a", b"a"], None, struct, False, 1, nan, nan, 1) is None
    assert _batch.extract_flat("a", ["a\0", "a"], None, struct, False, 1, nan, nan, 1) is None
    assert _batch.extract_flat("a", ["b", "a"], ["x", "y"], struct, False, 2, nan, nan, 1) == [
        ("a", 100.0, "y"),
        ("b", 0.0, "x"),
    ]


def test_threads_sharing_the_buffer_pool_get_their_own_results():
    """The library runs with the GIL released, so threads are inside it at
    once, each with buffers taken from the pool: no thread may see
    another's results."""
    rng = random.Random(3)
    choices = words(rng, 30)
    queries = words(rng, 16)
    expected = {(q, limit): fp.extract(q, choices, scorer=fuzz.ratio, limit=limit) for q in queries for limit in (1, 5, 32)}
    failures = []

    def worker(seed):
        local = random.Random(seed)
        for _ in range(400):
            q = local.choice(queries)
            limit = local.choice((1, 5, 32))
            got = fp.extract(q, choices, scorer=fuzz.ratio, limit=limit)
            if got != expected[(q, limit)]:
                failures.append((q, limit, got))

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


# -- the native short-list path (fastcall_extract in _fastcall.c) ------------

native_only = pytest.mark.skipif(fp._fast_extract is None, reason="API mode only")


def mixed_width_cases():
    """(query, choices, limit) over lists of every str width (1-, 2- and
    4-byte, mixed), with NULs inside items, and on both sides of the native
    path's length limit."""
    rng = random.Random(17)
    alphabets = ["abc de", "abc \u00e9\u00ff", "ab \u0101\u4e2d", "ab \U0001F600", ALPHABET + "\0"]
    cases = []
    for count in (1, 2, 7, 40, 1023, 1024, 1025):
        for alphabet in alphabets if count < 1000 else alphabets[2:4]:
            choices = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(count)]
            query = "".join(rng.choice(rng.choice(alphabets)) for _ in range(rng.randint(0, 10)))
            for limit in (1, 3, None):
                cases.append((query, choices, limit))
    return cases


@native_only
@pytest.mark.parametrize("scorers", SCORERS, ids=IDS)
def test_native_and_cffi_short_list_paths_agree(scorers, monkeypatch):
    """fastcall_extract gives what the cffi flat path gives."""
    ours, _ = scorers
    cases = mixed_width_cases()
    native = [fp.extract(q, c, scorer=ours, limit=lim) for q, c, lim in cases]
    python_functions(monkeypatch)
    monkeypatch.setattr(fp, "_fast_extract", None)
    assert native == [fp.extract(q, c, scorer=ours, limit=lim) for q, c, lim in cases]
    assert any(native)


@pytest.mark.parametrize("scorers", SCORERS, ids=IDS)
def test_mixed_width_short_lists_match_rapidfuzz(scorers):
    ours, theirs = scorers
    for q, c, lim in mixed_width_cases()[:60]:
        if "\0" not in q + "".join(c):
            assert fp.extract(q, c, scorer=ours, limit=lim) == rp.extract(q, c, scorer=theirs, limit=lim)


@native_only
def test_native_short_list_path_declines_what_it_does_not_serve():
    class Text(str):
        pass

    address = fp._PLAIN.get(fuzz.ratio) or fp._native(fuzz.ratio, {})
    nan = float("nan")
    cases = [
        ("ab", ["ab", Text("ab")], address.address, 1, False, nan, False),  # a str subclass
        ("ab", ["ab", None], address.address, 1, False, nan, False),
        (Text("ab"), ["ab"], address.address, 1, False, nan, False),
        (b"ab", ["ab"], address.address, 1, False, nan, False),
        ("ab", ("ab",), address.address, 1, False, nan, False),  # not a list
        ("ab", [], address.address, 1, False, nan, False),
        ("ab", ["ab"] * 1025, address.address, 1, False, nan, False),  # past the limit
        ("ab", ["ab"], address.address, 0, False, nan, False),
        ("ab", ["ab"], address.address, 2, False, nan, False),  # limit past the list
        ("ab", ["ab"], 0, 1, False, nan, False),  # no scorer
        ("ab", ["ab"], address.address, 1, False, 50, False),  # a cutoff that is not a float
        ("ab", ["ab"], address.address, 1, False, nan),  # too few arguments
        ("ab", ["ab", "\u00e9"], address.address, 1, False, nan, True),  # default_process of non-ASCII
        ("\u00e9", ["ab"], address.address, 1, False, nan, True),
    ]
    for case in cases:
        assert fp._fast_extract(*case) is None, case
    assert fp._fast_extract("ab", ["ab", "b"], address.address, 2, False, nan, False) == [("ab", 100.0, 0), ("b", 66.66666666666667, 1)]
    assert fp._fast_extract("ab", ["ab", "b"], address.address, 2, False, 70.0, False) == [("ab", 100.0, 0)]
    from rapidfuzz import utils as rutils

    choices = ["ab", "X b", "a b"]
    assert fp._fast_extract("A-b!", choices, address.address, 3, False, nan, True) == rp.extract(
        "A-b!", choices, scorer=rfuzz.ratio, processor=rutils.default_process, limit=3)
    # and the public functions still answer these through the general path
    assert fp.extractOne("ab", ["x", Text("ab")], scorer=fuzz.ratio) == rp.extractOne("ab", ["x", Text("ab")], scorer=rfuzz.ratio)


@native_only
def test_native_short_list_path_keeps_reference_counts():
    import sys

    choices = ["".join(["cho", str(i)]) for i in range(20)]
    query = "".join(["cho", "1"])
    before = [sys.getrefcount(c) for c in choices] + [sys.getrefcount(query), sys.getrefcount(choices)]
    for _ in range(2000):
        found = fp.extract(query, choices, scorer=fuzz.ratio, limit=3)
        best = fp.extractOne(query, choices, scorer=fuzz.ratio)
        del found, best
    after = [sys.getrefcount(c) for c in choices] + [sys.getrefcount(query), sys.getrefcount(choices)]
    assert after == before


def cutoff_cases():
    rng = random.Random(23)
    cutoffs = [0, 1, 2, 2.5, 50, 66.7, 90, 100, 0.5, 0.8, 1.0, True, -1, 101, float("nan"), float("inf"), "x", None]
    cases = []
    for _ in range(40):
        choices = words(rng, rng.randint(0, 30))
        query = words(rng, 1)[0]
        cases.append((query, choices, rng.choice(cutoffs), rng.choice([None, 1, 3])))
    return cases


def cutoff_results(module, scorer):
    return [
        (
            outcome(module.extract, query, choices, scorer=scorer, limit=limit, score_cutoff=cutoff),
            outcome(module.extractOne, query, choices, scorer=scorer, score_cutoff=cutoff),
        )
        for query, choices, cutoff, limit in cutoff_cases()
    ]


@pytest.mark.parametrize("scorers", SCORERS, ids=IDS)
def test_score_cutoffs_on_short_lists_match_the_general_path(scorers, monkeypatch):
    """A score_cutoff keeps extract and extractOne on the short-list paths;
    they agree with the general path (INLINE_WORK 0), for cutoffs inside,
    at and outside the score range, of every type."""
    ours, _ = scorers
    short = cutoff_results(fp, ours)
    python_functions(monkeypatch)
    monkeypatch.setattr(_batch, "INLINE_WORK", 0)
    monkeypatch.setattr(fp, "INLINE_WORK", 0)
    assert short == cutoff_results(fp, ours)
    assert any(kind is list and found for (kind, found), _ in short)


@pytest.mark.parametrize("scorers", SCORERS, ids=IDS)
def test_score_cutoffs_on_short_lists_match_rapidfuzz(scorers):
    ours, theirs = scorers
    for case, got, want in zip(cutoff_cases(), cutoff_results(fp, ours), cutoff_results(rp, theirs)):
        if got[0][0] is list and want[0][0] is list:  # both answered: the same answer
            assert got == want, case


def outcome(fn, *args, **kwargs):
    try:
        return list, fn(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - the exception type is the outcome
        return type(e), None


def default_process_cases():
    rng = random.Random(31)
    alphabets = ["aB1 -!x", "ab C\u00e9", "\t a\u4e2dB"]
    cases = []
    for _ in range(60):
        alphabet = rng.choice(alphabets)
        choices = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 30))]
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        cases.append((query, choices, rng.choice([None, 1, 3]), rng.choice([None, 50, 0.5])))
    return cases


def default_process_results(module, scorer, processor):
    return [
        (
            outcome(module.extract, q, c, scorer=scorer, limit=lim, processor=processor, score_cutoff=cut),
            outcome(module.extractOne, q, c, scorer=scorer, processor=processor, score_cutoff=cut),
        )
        for q, c, lim, cut in default_process_cases()
    ]


@pytest.mark.parametrize("scorers", SCORERS, ids=IDS)
def test_default_process_on_short_lists_matches_the_general_path(scorers, monkeypatch):
    """processor=utils.default_process keeps short lists of str on the
    native path (ASCII) or sends them to the general path (non-ASCII); both
    agree with the general path."""
    from ferrofuzz import utils

    ours, _ = scorers
    short = default_process_results(fp, ours, utils.default_process)
    assert any(kind is list and found for (kind, found), _ in short)
    python_functions(monkeypatch)
    monkeypatch.setattr(_batch, "INLINE_WORK", 0)
    monkeypatch.setattr(fp, "INLINE_WORK", 0)
    assert short == default_process_results(fp, ours, utils.default_process)


@pytest.mark.parametrize("scorers", SCORERS, ids=IDS)
def test_default_process_on_short_lists_matches_rapidfuzz(scorers):
    from rapidfuzz import utils as rutils

    from ferrofuzz import utils

    ours, theirs = scorers
    got_all = default_process_results(fp, ours, utils.default_process)
    want_all = default_process_results(rp, theirs, rutils.default_process)
    for case, got, want in zip(default_process_cases(), got_all, want_all):
        if got[0][0] is list and want[0][0] is list:
            assert got == want, case


@pytest.mark.parametrize("scorers", SCORERS, ids=IDS)
def test_default_process_packed_natively_matches_python_processing(scorers):
    """Past the short-list path (and in cdist), processor=default_process
    packs the list in C (fastcall_pack_processed); a wrapper that is not
    default_process itself processes in Python. Both give the same results,
    on ASCII lists (packed in C) and mixed ones (processed in Python)."""
    np = pytest.importorskip("numpy")
    from ferrofuzz import utils

    ours, _ = scorers
    in_python = lambda s: utils.default_process(s)  # noqa: E731 - not default_process itself
    rng = random.Random(37)
    for alphabet in ("aB1 -!x\t", "ab C\u00e9"):
        choices = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(1500)]
        queries = choices[:40]
        for query in queries[:10]:
            for fn in (fp.extractOne, lambda *a, **k: fp.extract(*a, limit=4, **k)):
                assert fn(query, choices, scorer=ours, processor=utils.default_process) == fn(
                    query, choices, scorer=ours, processor=in_python)
        native = fp.cdist(queries, choices[:300], scorer=ours, processor=utils.default_process)
        assert np.array_equal(native, fp.cdist(queries, choices[:300], scorer=ours, processor=in_python))


class Spy:
    """A Python function that records that the native wrapper handed it a call."""

    def __init__(self, function):
        self.function = function
        self.calls = 0
        self.__kwdefaults__ = function.__kwdefaults__

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.function(*args, **kwargs)


@native_only
@pytest.mark.parametrize("one", [False, True], ids=["extract", "extractOne"])
def test_native_extract_serves_the_common_call_and_hands_on_the_rest(one):
    """process.extract and extractOne are native wrappers in API mode: the
    common call (str query, list, ready scorer, limit, processor None or
    default_process on ASCII, the other options None) is answered in C; any
    other is handed to the Python function. Both give what the Python
    function gives, results and errors alike."""
    from ferrofuzz import _native, utils

    class Text(str):
        pass

    python = fp.extractOne.__wrapped__ if one else fp.extract.__wrapped__
    fp.extract("warm", ["up"], scorer=fuzz.ratio)  # makes fuzz.ratio ready
    fp.extract("warm", ["up"], scorer=Levenshtein.distance)
    spy = Spy(python)
    wrapper = _native.fastcall_wrap_extract(spy, fp._PLAIN_ADDRESSES, one, 5)
    names = ["apple", "apples", "Apple pie", "banana", "grape", "pineapple", "appel"]
    limits = [] if one else [{"limit": None}, {"limit": 1}, {"limit": 3}, {"limit": 100}, {"limit": 10**30}]
    served = [
        (("apple", names), {"scorer": fuzz.ratio}),
        (("apple", names), {"scorer": Levenshtein.distance}),
        (("Apple!", names), {"scorer": fuzz.ratio, "processor": utils.default_process}),
        (("apple", names), {"scorer": fuzz.ratio, "processor": None, "score_cutoff": None,
                            "score_hint": None, "scorer_kwargs": None}),
        (("\u00e9t\u00e9 \U0001F600", names + ["\u00e9t\u00e9"]), {"scorer": fuzz.ratio}),
    ] + [(("apple", names), {"scorer": fuzz.ratio, **limit}) for limit in limits]
    handed_on = [
        (("apple", names), {}),  # the default scorer
        (("apple", names), {"scorer": fuzz.ratio, "score_cutoff": 50}),
        (("apple", names), {"scorer": fuzz.ratio, "score_hint": 50}),
        (("apple", names), {"scorer": fuzz.ratio, "scorer_kwargs": {}}),
        (("apple", names), {"scorer": fuzz.ratio, "processor": str.lower}),
        (("apple", names), {"scorer": fuzz.ratio, "unknown": 1}),
        (("apple", names, fuzz.ratio), {}),
        (("apple", tuple(names)), {"scorer": fuzz.ratio}),
        (("apple", dict(enumerate(names))), {"scorer": fuzz.ratio}),
        ((Text("apple"), names), {"scorer": fuzz.ratio}),
        ((None, names), {"scorer": fuzz.ratio}),
        (("apple", names + [None]), {"scorer": fuzz.ratio}),
        (("apple", names + [Text("apple")]), {"scorer": fuzz.ratio}),
        (("apple", []), {"scorer": fuzz.ratio}),
        (("apple", names * 200), {"scorer": fuzz.ratio}),  # past the short-list limit
        (("\u00e9", names), {"scorer": fuzz.ratio, "processor": utils.default_process}),
        (("apple", names), {"scorer": lambda a, b, **kw: 1.0}),  # not a ferrofuzz scorer
        (("apple", names), {"scorer": [fuzz.ratio]}),  # unhashable
    ]
    if not one:
        handed_on += [(("apple", names), {"scorer": fuzz.ratio, "limit": limit})
                      for limit in (0, -1, 2.0, True, -(10**30))]
    for args, kwargs in served:
        before = spy.calls
        assert outcome(wrapper, *args, **kwargs) == outcome(python, *args, **kwargs), (args[0], kwargs)
        assert spy.calls == before, f"handed on: {args[0]!r} {kwargs}"
    for args, kwargs in handed_on:
        before = spy.calls
        assert outcome(wrapper, *args, **kwargs) == outcome(python, *args, **kwargs), (args[0], kwargs)
        assert spy.calls == before + 1, f"served natively: {args[0]!r} {kwargs}"


@native_only
def test_process_module_extract_functions_are_the_native_wrappers():
    import inspect

    for fn in (fp.extract, fp.extractOne):
        assert type(fn).__name__ == "function" and type(fn).__module__ == "ferrofuzz"
        assert inspect.signature(fn) == inspect.signature(fn.__wrapped__)
        assert fn.__name__ == fn.__wrapped__.__name__
    fp.extractOne("a", ["a"], scorer=fuzz.QRatio)
    assert fp._PLAIN_ADDRESSES[fuzz.QRatio] == (fp._PLAIN[fuzz.QRatio].address, fp._PLAIN[fuzz.QRatio].integral)
