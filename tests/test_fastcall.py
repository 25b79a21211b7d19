"""The native single-call fast path (python/ferrofuzz/_fastcall.c).

In API mode each scorer and phonetic function is a ``ferrofuzz.function``
that serves the common call (positional ``str`` arguments, options at their
defaults) in C and hands every other call to ``__wrapped__``, the Python
function that served it before. These tests check that the two paths give
the same results and errors for every string width CPython stores (1, 2
and 4 bytes a code point, long and short), that the object behaves as the
Python function does (name, signature, pickling, method binding), and that
the C code keeps reference counts and memory balanced.
"""

from __future__ import annotations

import gc
import inspect
import os
import pickle
import re
import subprocess
import sys
import threading
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ferrofuzz
from ferrofuzz import distance, fuzz, phonetic

from strategies import ALPHABET, SURROGATES

ROOT = Path(__file__).resolve().parent.parent
API = ferrofuzz.BACKEND == "api"
pytestmark = pytest.mark.skipif(not API, reason="the fast path exists in API mode only")

METRICS = [
    distance.Levenshtein, distance.Indel, distance.Hamming, distance.LCSseq, distance.OSA,
    distance.DamerauLevenshtein, distance.Jaro, distance.JaroWinkler, distance.Prefix, distance.Postfix,
]
FORMS = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
FUZZ = [
    "ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio", "token_ratio",
    "partial_token_sort_ratio", "partial_token_set_ratio", "partial_token_ratio", "WRatio", "QRatio",
]
PAIR_FUNCTIONS = [getattr(m, f) for m in METRICS for f in FORMS] + [getattr(fuzz, n) for n in FUZZ]
CODE_FUNCTIONS = [phonetic.soundex, phonetic.metaphone, phonetic.nysiis, phonetic.match_rating_codex,
                  phonetic.double_metaphone]
ALL_FUNCTIONS = PAIR_FUNCTIONS + CODE_FUNCTIONS + [phonetic.match_rating_comparison]


def ids(functions):
    return [f"{f.__module__}.{f.__qualname__}" for f in functions]


def outcome(fn, *args, **kwargs):
    """(type, value) of the result, or (exception type, message)."""
    try:
        result = fn(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - the exception is the outcome
        return type(e), str(e)
    return type(result), result


def same_outcome(fn, *args, **kwargs):
    fast = outcome(fn, *args, **kwargs)
    slow = outcome(fn.__wrapped__, *args, **kwargs)
    assert fast == slow, (fn, args, kwargs)
    return fast


# Strings of every width CPython stores: 1 byte a code point (ASCII and
# Latin-1), 2 bytes (BMP, surrogates included) and 4 bytes (astral).
latin1 = st.text(alphabet="ab c\u00e9\u00ff\u00a0", max_size=20)
bmp = st.text(alphabet="ab c\u00e9\u03b1\u4e2d\u2003" + SURROGATES, max_size=20)
mixed = st.text(alphabet=ALPHABET + SURROGATES, max_size=20)
# Past the 64 units the C code widens on the stack, and past the 512 units
# in all from which it releases the GIL.
long_bmp = st.text(alphabet="ab\u03b1\u4e2d ", min_size=60, max_size=700)
texts = st.one_of(latin1, bmp, mixed, long_bmp)


def test_api_mode_serves_every_function_natively():
    for fn in ALL_FUNCTIONS:
        assert type(fn).__name__ == "function" and type(fn).__module__ == "ferrofuzz", fn
        assert inspect.isfunction(fn.__wrapped__), fn


@pytest.mark.parametrize("fn", PAIR_FUNCTIONS, ids=ids(PAIR_FUNCTIONS))
@given(a=texts, b=texts)
def test_pair_scores_equal_the_python_path(fn, a, b):
    kind, value = same_outcome(fn, a, b)
    assert kind in (int, float), (fn, a, b, value)


@pytest.mark.parametrize("fn", CODE_FUNCTIONS, ids=ids(CODE_FUNCTIONS))
@given(s=st.one_of(st.text(alphabet="abcdefghijklmnopqrstuvwxyzAEIOU hwy\0", max_size=40), mixed, st.text(max_size=30)))
def test_phonetic_codes_equal_the_python_path(fn, s):
    same_outcome(fn, s)


@given(a=st.text(alphabet="abcdeyAEIOU xz1\0", max_size=12), b=st.one_of(mixed, st.text(alphabet="abcdeAEIOU ", max_size=12)))
def test_match_rating_comparison_equals_the_python_path(a, b):
    same_outcome(phonetic.match_rating_comparison, a, b)
    same_outcome(phonetic.match_rating_comparison, b, a)


def test_phonetic_fast_path_matches_jellyfish_on_names():
    jellyfish = pytest.importorskip("jellyfish")
    for name in ["Robert", "Rupert", "Tymczak", "Pfister", "Macintosh", "Knight", "Schmidt", "", "A", "x" * 200]:
        for fn in (phonetic.soundex, phonetic.metaphone, phonetic.nysiis, phonetic.match_rating_codex):
            expected = outcome(getattr(jellyfish, fn.__name__), name)
            assert outcome(fn, name) == expected, (fn, name)


@pytest.mark.parametrize(
    "args, kwargs",
    [
        (("abc", None), {}),
        ((None, None), {}),
        ((b"abc", "abd"), {}),
        ((["a", "b"], "ab"), {}),
        (("abc", 5), {}),
        (("abc",), {}),
        (("abc", "abd", "abe"), {}),
        (("Abc", "abd"), {"processor": str.lower}),
        (("abc", "abd"), {"score_cutoff": 1}),
        (("abc", "abd"), {"score_cutoff": "x"}),
        (("abc", "abd"), {"nonsense": 1}),
        ((), {"s1": "abc", "s2": "abd"}),
    ],
)
@pytest.mark.parametrize("fn", PAIR_FUNCTIONS, ids=ids(PAIR_FUNCTIONS))
def test_other_calls_take_the_python_path(fn, args, kwargs):
    same_outcome(fn, *args, **kwargs)


CUTOFFS = [
    None, 0, 1, 2, 5, 50, 100, 2**63, 2**70, -1, -(2**70), True, False,
    0.0, -0.0, 0.25, 0.5, 0.8, 0.999, 1.0, 1.5, 2.5, 50.0, 66.7, 100.0, 101.0, -0.5, 1e300, 1e400,
    float("nan"), float("-inf"), "x", b"1", [1], Fraction(1, 2), Decimal("0.5"),
]


@pytest.mark.parametrize("fn", PAIR_FUNCTIONS, ids=ids(PAIR_FUNCTIONS))
def test_score_cutoff_keyword_equals_the_python_path(fn):
    pairs = [("Jonathan Smith", "Johnathon Smyth"), ("", ""), ("abc", ""), ("\u4e2d\u03b1b", "\u4e2db"), ("kitten", "sitting")]
    for a, b in pairs:
        for cutoff in CUTOFFS:
            same_outcome(fn, a, b, score_cutoff=cutoff)


@pytest.mark.parametrize("fn", PAIR_FUNCTIONS, ids=ids(PAIR_FUNCTIONS))
@given(a=texts, b=texts, cutoff=st.one_of(st.floats(0, 1), st.floats(0, 100), st.integers(0, 30)))
def test_score_cutoffs_equal_the_python_path(fn, a, b, cutoff):
    same_outcome(fn, a, b, score_cutoff=cutoff)


@pytest.mark.parametrize("fn", PAIR_FUNCTIONS, ids=ids(PAIR_FUNCTIONS))
def test_processor_keyword_equals_the_python_path(fn):
    from ferrofuzz.utils import default_process

    texts = ["Jonathan Smith!", "  johnathon SMYTH ", "", "   ", "!?-", "A1 b2", "\u00c9mile Zola", "x" * 300, "Ab " * 90]
    for a in texts:
        for b in texts[:5]:
            for processor in (default_process, None, str.lower):
                same_outcome(fn, a, b, processor=processor)
                same_outcome(fn, a, b, processor=processor, score_cutoff=0.5)
                same_outcome(fn, a, b, score_cutoff=50, processor=processor)
    same_outcome(fn, "ab", None, processor=default_process)
    same_outcome(fn, b"ab", "ab", processor=default_process)
    same_outcome(fn, "ab", "ab", processor=default_process, score_hint=1)


@pytest.mark.parametrize("fn", PAIR_FUNCTIONS, ids=ids(PAIR_FUNCTIONS))
@given(a=st.text(alphabet="aB1 !-\tz\u00e9", max_size=30), b=st.text(alphabet="ab1 Z.", max_size=30))
def test_default_process_equals_the_python_path(fn, a, b):
    from ferrofuzz.utils import default_process

    same_outcome(fn, a, b, processor=default_process)


# The other keywords of the pair scorers, each with values the C code reads
# (first list) and values it leaves to the Python function (second list),
# valid or not.
KEYWORD_VALUES = {
    "score_hint": ([None, 0, 1, 3, 0.5, 1.0, 2**70], [-1, "x", float("nan"), True, Fraction(1, 2)]),
    "weights": (
        [None, (1, 1, 1), (1, 1, 2), (2, 1, 1), (0, 0, 0), (3, 5, 7), (2**40, 1, 1)],
        [(1, 1), (1, 1, 1, 1), [1, 1, 2], (1.0, 1, 1), (True, 1, 1), (-1, 1, 1), (2**64, 1, 1), "abc", 5],
    ),
    "pad": ([True, False], [None, 0, 1, "", [1]]),
    "prefix_weight": ([0.1, 0.0, 0.25, 1.0, 0, 1, 1.5, -0.1, float("nan"), 2**70],
                      [None, True, "0.1", Fraction(1, 10), Decimal("0.1")]),
}


def keywords_of(fn):
    # getattr: outside API mode (where this module is skipped, but still
    # collected) the functions are the Python functions themselves.
    params = inspect.signature(getattr(fn, "__wrapped__", fn)).parameters
    return [k for k in KEYWORD_VALUES if k in params]


KEYWORD_FUNCTIONS = [f for f in PAIR_FUNCTIONS if keywords_of(f)]


class Spy:
    """The Python function of a scorer, counting the calls handed to it."""

    def __init__(self, function):
        self.function = function
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.function(*args, **kwargs)


@pytest.mark.parametrize("fn", KEYWORD_FUNCTIONS, ids=ids(KEYWORD_FUNCTIONS))
def test_scorer_keywords_are_served_natively_as_the_python_path_answers(fn):
    """score_hint, weights, pad and prefix_weight: the forms the C code
    reads are served without the Python function, alone, together and with
    score_cutoff, and give what it gives (results and errors); every other
    value is handed to it."""
    from ferrofuzz import _native

    metric = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", fn.__module__.rsplit(".", 1)[-1]).lower()  # JaroWinkler: jaro_winkler
    spy = Spy(fn.__wrapped__)
    fast = _native.fastcall_wrap("pair", f"{metric}_{fn.__name__}", spy)
    pairs = [("Jonathan Smith", "Johnathon Smyth"), ("kitten", "sitting"), ("", "ab"), ("\u4e2d\u03b1b", "\u4e2db"),
             ("abcd", "abcd")]
    names = keywords_of(fn)
    for a, b in pairs:
        for name in names:
            served, handed = KEYWORD_VALUES[name]
            for value in served:
                before = spy.calls
                result = outcome(fast, a, b, **{name: value})
                assert result == outcome(fn.__wrapped__, a, b, **{name: value}), (a, b, name, value)
                # The library may reject a value it was given (a prefix_weight
                # out of range, pad=False on unequal lengths): the Python
                # function then raises. Otherwise nothing is handed on.
                if result[0] in (int, float):
                    assert spy.calls == before, (a, b, name, value)
            for value in handed:
                before = spy.calls
                assert outcome(fast, a, b, **{name: value}) == outcome(fn.__wrapped__, a, b, **{name: value})
                assert spy.calls == before + 1, (a, b, name, value)
        together = {name: KEYWORD_VALUES[name][0][-2] for name in names}
        for cutoff in (None, 1, 0.5, 50):
            same_outcome(fn, a, b, score_cutoff=cutoff, **together)
            assert outcome(fast, a, b, score_cutoff=cutoff, **together) == outcome(
                fn.__wrapped__, a, b, score_cutoff=cutoff, **together)


def test_keywords_a_scorer_does_not_take_are_handed_on():
    from ferrofuzz import _native

    spy = Spy(fuzz.ratio.__wrapped__)
    fast = _native.fastcall_wrap("pair", "fuzz_ratio", spy)
    for name in KEYWORD_VALUES:
        value = KEYWORD_VALUES[name][0][-1]
        assert outcome(fast, "ab", "ab", **{name: value}) == outcome(fuzz.ratio.__wrapped__, "ab", "ab", **{name: value})
    assert spy.calls == len(KEYWORD_VALUES)
    assert outcome(fuzz.ratio, "ab", "ab", weights=(1, 1, 2))[0] is TypeError


class Text(str):
    """A str subclass: never read in place, the Python path serves it."""


@pytest.mark.parametrize("fn", ALL_FUNCTIONS, ids=ids(ALL_FUNCTIONS))
def test_str_subclasses_and_non_str_take_the_python_path(fn):
    arity = 2 if fn in PAIR_FUNCTIONS or fn is phonetic.match_rating_comparison else 1
    for value in (Text("Robert"), None, b"Robert", 3, ["R"]):
        args = (value,) * arity
        same_outcome(fn, *args)
        if arity == 2:
            same_outcome(fn, "Robert", value)


@pytest.mark.parametrize("fn", ALL_FUNCTIONS, ids=ids(ALL_FUNCTIONS))
def test_behaves_as_the_python_function(fn):
    wrapped = fn.__wrapped__
    for attr in ("__name__", "__qualname__", "__module__", "__doc__"):
        assert getattr(fn, attr) == getattr(wrapped, attr)
    assert inspect.signature(fn) == inspect.signature(wrapped)
    module = sys.modules[fn.__module__]
    assert getattr(module, fn.__qualname__) is fn
    assert pickle.loads(pickle.dumps(fn)) is fn
    assert repr(fn).startswith(f"<function {fn.__qualname__} at 0x")


def test_binds_as_a_method_like_a_python_function():
    class Matcher:
        score = fuzz.ratio
        code = phonetic.soundex

    m = Matcher()
    assert m.score.__self__ is m and m.score.__func__ is fuzz.ratio
    assert Matcher.score is fuzz.ratio
    assert Matcher.code("Robert") == "R163"


def test_reference_counts_stay_balanced():
    a = "".join(["Jonathan", " Smith"])  # fresh objects, not interned
    b = "".join(["\u4e2d" * 70, "x"])  # 2-byte kind, longer than the stack buffer
    c = "".join(["\U0001F600", "y" * 600])  # 4-byte kind, GIL released
    before = [sys.getrefcount(x) for x in (a, b, c)]
    for _ in range(1000):
        for fn in PAIR_FUNCTIONS:
            fn(a, b)
            fn(b, c)
            fn(a, c, score_cutoff=None)  # a keyword the C code serves
            fn(a, c, processor=str.lower)  # one it hands to the Python path
        for fn in CODE_FUNCTIONS:
            fn(a)
            fn(b)
        phonetic.match_rating_comparison(a, a)
    assert [sys.getrefcount(x) for x in (a, b, c)] == before


def test_wide_strings_free_their_buffers():
    # 2-byte strings longer than the stack buffer are widened into a
    # PyMem buffer, which tracemalloc sees; it must be freed every call.
    import tracemalloc  # here: PyPy, where this module skips, has none
    a = "\u4e2d\u03b1" * 200
    b = "\u03b1\u4e2d" * 150
    fn = distance.Levenshtein.distance
    fn(a, b)
    gc.collect()
    tracemalloc.start()
    try:
        first, _ = tracemalloc.get_traced_memory()
        for _ in range(2000):
            fn(a, b)
        gc.collect()
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert after - first < 10_000, after - first  # 2000 leaked buffers would be 2.4 MB


def test_long_pairs_release_the_gil():
    # Threads scoring long pairs give the single-threaded answers; the
    # pairs are long enough that the GIL is released around each call.
    pairs = [("ab\u4e2d" * (200 + i), "ba\u4e2d" * (190 + i)) for i in range(8)]
    expected = [distance.Levenshtein.distance.__wrapped__(a, b) for a, b in pairs]
    results = {}

    def work(t):
        results[t] = [distance.Levenshtein.distance(a, b) for a, b in pairs for _ in range(5)][::5]

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())


def test_debug_allocator_finds_no_misuse():
    # PYTHONMALLOC=debug checks every PyMem buffer for overruns and bad frees,
    # and -X dev adds the runtime's own checks.
    code = (
        "import ferrofuzz\n"
        "from ferrofuzz import distance, fuzz, phonetic, process, utils\n"
        "s = ['', 'a', 'Jonathan', '\\u00e9t\\u00e9', '\\u4e2d' * 70, '\\U0001F600' * 3, 'ab' * 400]\n"
        "for a in s:\n"
        "    for b in s:\n"
        "        distance.Levenshtein.distance(a, b); distance.JaroWinkler.similarity(a, b)\n"
        "        fuzz.WRatio(a, b); fuzz.partial_ratio(a, b)\n"
        "    phonetic.soundex(a); phonetic.double_metaphone(a); phonetic.match_rating_comparison(a, a)\n"
        "    phonetic.metaphone(a); phonetic.nysiis(a)\n"
        "    for _ in range(2):  # the first call makes the scorer ready, the second is native\n"
        "        process.extract(a, s, scorer=fuzz.ratio, limit=3); process.extractOne(a, s, scorer=fuzz.ratio)\n"
        "        process.extractOne(a, s, scorer=fuzz.ratio, processor=utils.default_process)\n"
        "print(ferrofuzz.BACKEND)\n"
    )
    env = {**os.environ, "PYTHONMALLOC": "debug", "PYTHONPATH": str(ROOT / "python")}
    result = subprocess.run([sys.executable, "-X", "dev", "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "api"
    assert result.stderr == ""
