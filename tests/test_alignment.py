"""Alignments (editops / opcodes) of Levenshtein, Indel and LCSseq and the
alignment classes, differential against rapidfuzz 3.14.6, plus laws and
bad inputs."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ferrofuzz import distance as fd
from ferrofuzz.distance import Editop, Editops, MatchingBlock, Opcode, Opcodes

rd = pytest.importorskip("rapidfuzz.distance")

from strategies import any_text, long_text, small_text  # noqa: E402

METRICS = ["Levenshtein", "Indel", "LCSseq"]
ROOT = Path(__file__).resolve().parent.parent


def _both(metric: str):
    return getattr(fd, metric), getattr(rd, metric)


def _same_editops(ours: Editops, theirs) -> None:
    assert ours.as_list() == theirs.as_list()
    assert (ours.src_len, ours.dest_len) == (theirs.src_len, theirs.dest_len)
    assert repr(ours) == repr(theirs)


def _same_opcodes(ours: Opcodes, theirs) -> None:
    assert ours.as_list() == theirs.as_list()
    assert (ours.src_len, ours.dest_len) == (theirs.src_len, theirs.dest_len)
    assert repr(ours) == repr(theirs)


def _check_pair(s1, s2) -> None:
    for metric in METRICS:
        ours, theirs = _both(metric)
        e, re_ = ours.editops(s1, s2), theirs.editops(s1, s2)
        _same_editops(e, re_)
        _same_opcodes(ours.opcodes(s1, s2), theirs.opcodes(s1, s2))
        assert len(e) == fd.Levenshtein.distance(s1, s2) if metric == "Levenshtein" else len(e) == fd.Indel.distance(s1, s2)
        _same_opcodes(e.as_opcodes(), re_.as_opcodes())
        assert e.as_matching_blocks() == [tuple(b) for b in re_.as_matching_blocks()]
        _same_editops(e.inverse(), re_.inverse())


@settings(max_examples=300, deadline=None)
@given(small_text, small_text)
def test_small_strings_match_rapidfuzz(s1: str, s2: str) -> None:
    _check_pair(s1, s2)


@settings(max_examples=100, deadline=None)
@given(any_text, any_text)
def test_any_code_points_match_rapidfuzz(s1: str, s2: str) -> None:
    _check_pair(s1, s2)


@settings(max_examples=60, deadline=None)
@given(long_text, long_text)
def test_long_strings_match_rapidfuzz(s1: str, s2: str) -> None:
    _check_pair(s1, s2)


@pytest.mark.parametrize("n", [63, 64, 65, 130, 1000, 1500, 3000])
def test_multi_word_and_hirschberg_lengths(n: int) -> None:
    rng = random.Random(n)
    for alphabet in ("ab", "abcdefghij\u00e9\U0001F600"):
        s1 = "".join(rng.choice(alphabet) for _ in range(n))
        s2 = "".join(rng.choice(alphabet) for _ in range(n + rng.randint(-20, 20)))
        _check_pair(s1, s2)
        # a similar pair: few edits inside a long string (banded paths)
        s3 = list(s1)
        for _ in range(5):
            s3[rng.randrange(len(s3))] = "x"
        _check_pair(s1, "".join(s3[3:]) + "yz")


def test_score_hint_never_changes_result() -> None:
    rng = random.Random(5)
    s1 = "".join(rng.choice("abc") for _ in range(700))
    s2 = "".join(rng.choice("abc") for _ in range(650))
    expected = rd.Levenshtein.editops(s1, s2).as_list()
    for hint in (0, 1, 10, 100, 10**6):
        assert fd.Levenshtein.editops(s1, s2, score_hint=hint).as_list() == expected
        assert rd.Levenshtein.editops(s1, s2, score_hint=hint).as_list() == expected


def test_input_kinds() -> None:
    for s1, s2 in [(b"spam", b"park"), (["s", "p", 1, None], ["p", 1, "x"]), ("spam", b"park"),
                   ([1.5, 2, -1], (2, -1, 3)), ("", ""), ("", "abc"), ("abc", "")]:
        _check_pair(s1, s2)
    assert fd.Levenshtein.editops("ABc", "abd", processor=str.lower) == fd.Levenshtein.editops("abc", "abd")


@settings(max_examples=200, deadline=None)
@given(small_text, small_text)
def test_laws(s1: str, s2: str) -> None:
    for metric in METRICS:
        mod = getattr(fd, metric)
        e, o = mod.editops(s1, s2), mod.opcodes(s1, s2)
        assert e.apply(s1, s2) == s2
        assert o.apply(s1, s2) == s2
        assert e.inverse().apply(s2, s1) == s1
        assert e.inverse().inverse() == e
        assert o.inverse().inverse() == o
        assert o.as_editops() == e
        assert Editops.from_opcodes(o) == e and Opcodes.from_editops(e) == o
        # opcodes cover both strings contiguously
        pos = (0, 0)
        for op in o:
            assert (op.src_start, op.dest_start) == pos
            pos = (op.src_end, op.dest_end)
        assert pos == (len(s1), len(s2))
        assert Editops(e.as_list(), len(s1), len(s2)) == e
        assert Opcodes(o.as_list(), len(s1), len(s2)) == o
        assert Editops(o.as_list(), len(s1), len(s2)) == e
        assert Opcodes(e.as_list(), len(s1), len(s2)) == o


def test_class_methods_match_rapidfuzz() -> None:
    pairs = [("spam", "park"), ("abcdefghij", "ABCDEFGHIJ"), ("abcdef", "azced"), ("", "ab"), ("qabxcd", "abycdf")]
    for s1, s2 in pairs:
        e, re_ = fd.Levenshtein.editops(s1, s2), rd.Levenshtein.editops(s1, s2)
        o, ro = fd.Levenshtein.opcodes(s1, s2), rd.Levenshtein.opcodes(s1, s2)
        assert len(e) == len(re_) and len(o) == len(ro)
        assert [tuple(x) for x in e] == [tuple(x) for x in re_]
        assert [tuple(x) for x in o] == [tuple(x) for x in ro]
        assert [repr(x) for x in e] == [repr(x) for x in re_]
        assert [repr(x) for x in o] == [repr(x) for x in ro]
        for i in range(-len(e), len(e)):
            assert tuple(e[i]) == tuple(re_[i])
        for i in range(-len(o), len(o)):
            assert tuple(o[i]) == tuple(ro[i])
        for sl in [slice(None), slice(1, None), slice(None, None, 2), slice(1, 8, 3), slice(-2, None), slice(5, 1)]:
            _same_editops(e[sl], re_[sl])
            a, b = e.copy(), re_.copy()
            del a[sl]
            del b[sl]
            _same_editops(a, b)
        for i in (0, -1):
            if len(e):
                a, b = e.copy(), re_.copy()
                del a[i]
                del b[i]
                _same_editops(a, b)
        assert e.apply(s1, s2) == re_.apply(s1, s2)
        assert o.apply(s1, s2) == ro.apply(s1, s2)
        assert e.apply(s1.encode(), s2.encode()) == re_.apply(s1.encode(), s2.encode())
        assert [tuple(b) for b in o.as_matching_blocks()] == [tuple(b) for b in ro.as_matching_blocks()]
        assert [repr(b) for b in e.as_matching_blocks()] == [repr(b) for b in re_.as_matching_blocks()]
        for k in range(len(e) + 1):
            sub, rsub = e[:k:2], re_[:k:2]
            _same_editops(e.remove_subsequence(sub), re_.remove_subsequence(rsub))
        a, b = e.copy(), re_.copy()
        a.src_len, b.src_len = 17, 17
        a.dest_len, b.dest_len = 19, 19
        _same_editops(a, b)
        _same_opcodes(a.as_opcodes(), b.as_opcodes())
        assert (e == e.copy()) and not (e != e.copy()) and e != e.as_list()
        _same_editops(Editops.from_opcodes(o), rd.Editops.from_opcodes(ro))
        _same_opcodes(Opcodes.from_editops(e), rd.Opcodes.from_editops(re_))


def test_bytes_apply_is_latin1_text() -> None:
    e, re_ = fd.Levenshtein.editops(b"\xff\xfe", b"\xfe\xfa"), rd.Levenshtein.editops(b"\xff\xfe", b"\xfe\xfa")
    assert e.apply(b"\xff\xfe", b"\xfe\xfa") == re_.apply(b"\xff\xfe", b"\xfe\xfa") == "\xfe\xfa"


def test_constructors_match_rapidfuzz() -> None:
    cases = [
        ([], 5, 6), ([("insert", 0, 0)], 0, 1), ([("equal", 0, 0), ("delete", 1, 1)], 2, 1),
        ([("equal", 0, 2, 0, 2), ("equal", 2, 3, 2, 3)], 3, 3),
        ([("replace", 0, 1, 0, 1), ("insert", 1, 1, 1, 3)], 1, 3),
        ([Editop("replace", 0, 0)], 1, 1), ([Opcode("delete", 0, 2, 0, 0)], 2, 0),
    ]
    for ops, n1, n2 in cases:
        _same_editops(Editops(ops, n1, n2), rd.Editops(ops, n1, n2))
        _same_opcodes(Opcodes(ops, n1, n2), rd.Opcodes(ops, n1, n2))
    assert Editops(None, 5, 5).src_len == rd.Editops(None, 5, 5).src_len == 0
    _same_editops(Editops(), rd.Editops())
    _same_opcodes(Opcodes(), rd.Opcodes())


BAD_LISTS = [
    [("insert", 2, 0)], [("replace", 1, 0)], [("replace", 0, 1)], [("delete", 1, 1), ("delete", 0, 0)],
    [("delete", 0, 0), ("delete", 0, 0)], [("bogus", 0, 0)], [("insert", 0)], [5],
    [("insert", -1, 0)], [("equal", 0, 1, 0, 1)], [("equal", 1, 2, 1, 2)], [("replace", 0, 1, 0, 2)],
    [("insert", 0, 1, 0, 1)], [("delete", 0, 0, 0, 0)], [("equal", 0, 1, 0, 1), ("equal", 1, 1, 1, 2)],
    [("equal", 0, 1, 0, 1), ("replace", 0, 1, 1, 2)], [("delete", 0, 1, 0, 0), ("insert", 1, 1, 1, 2)],
    [("equal", 0, 2, 0, 2), ("x", 1, 1, 1)], 5, None,
]


@pytest.mark.parametrize("ops", BAD_LISTS)
@pytest.mark.parametrize("cls", ["Editops", "Opcodes"])
def test_bad_lists_raise_like_rapidfuzz(ops, cls: str) -> None:
    ours, theirs = getattr(fd, cls), getattr(rd, cls)
    try:
        expected = theirs(ops, 1, 1)
    except Exception as exc:  # noqa: BLE001 - compare the exception
        with pytest.raises(type(exc)) as info:
            ours(ops, 1, 1)
        if isinstance(exc, ValueError):
            assert str(info.value) == str(exc)
    else:
        assert ours(ops, 1, 1).as_list() == expected.as_list()


def test_bad_inputs() -> None:
    e = fd.Levenshtein.editops("spam", "park")
    o = fd.Levenshtein.opcodes("spam", "park")
    for mod in (fd.Levenshtein, fd.Indel, fd.LCSseq):
        for bad in (None, 5, 1.5, {"a": 1}):
            with pytest.raises(TypeError):
                mod.editops(bad, "a")
            with pytest.raises(TypeError):
                mod.opcodes("a", bad)
        with pytest.raises(TypeError):
            mod.editops("a", "b", processor=lambda s: None)
    for mod in ("Indel", "LCSseq"):  # rapidfuzz has no score_hint there
        for fn in ("editops", "opcodes"):
            with pytest.raises(TypeError):
                getattr(getattr(rd, mod), fn)("a", "b", score_hint=1)
            with pytest.raises(TypeError):
                getattr(getattr(fd, mod), fn)("a", "b", score_hint=1)
    with pytest.raises((ValueError, OverflowError)):
        fd.Levenshtein.editops("a", "b", score_hint=-1)
    with pytest.raises(TypeError):
        fd.Levenshtein.editops("a", "b", score_hint="x")
    with pytest.raises(TypeError):
        fd.Levenshtein.editops("a", "b", 3)  # keyword-only, as in rapidfuzz
    for bad in (["s"], None, 5, bytearray(b"x")):
        with pytest.raises(TypeError, match="expected strings or bytes object"):
            e.apply(bad, "park")
        with pytest.raises(TypeError, match="expected strings or bytes object"):
            o.apply("spam", bad)
    with pytest.raises(ValueError):
        e.apply("", "")  # positions beyond the strings (rapidfuzz reads out of bounds)
    with pytest.raises(ValueError):
        o.apply("", "")
    with pytest.raises(ValueError, match="invalid order"):
        e[::-1]
    with pytest.raises(ValueError, match="invalid order"):
        del e[::-1]
    with pytest.raises(IndexError):
        e[10]
    with pytest.raises(IndexError):
        del e[-10]
    with pytest.raises(TypeError, match="Expected index or slice"):
        e["a"]
    with pytest.raises(TypeError, match="Expected index"):
        o[1:2]
    with pytest.raises(TypeError):
        del o[0]
    with pytest.raises(IndexError):
        o[-10]
    with pytest.raises(OverflowError):
        e.src_len = -1
    with pytest.raises(TypeError):
        e.dest_len = "3"
    with pytest.raises(TypeError):
        Editops.from_opcodes(e)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Opcodes.from_editops(o)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        e.remove_subsequence([])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="subsequence is not a subsequence"):
        e.remove_subsequence(fd.Levenshtein.editops("abc", "xyz"))
    with pytest.raises(TypeError):
        Editop(1, 1, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Opcode("equal", "0", 1, 0, 1)  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        MatchingBlock(-1, 0, 0)


def test_element_classes_match_rapidfuzz() -> None:
    for ours, theirs in [
        (Editop("insert", 1, 2), rd.Editop("insert", 1, 2)),
        (Opcode("equal", 0, 1, 0, 1), rd.Opcode("equal", 0, 1, 0, 1)),
        (MatchingBlock(1, 2, 3), rd.MatchingBlock(1, 2, 3)),
    ]:
        assert repr(ours) == repr(theirs)
        assert len(ours) == len(theirs)
        assert list(ours) == list(theirs)
        assert [ours[i] for i in range(-len(ours), len(ours))] == [theirs[i] for i in range(-len(theirs), len(theirs))]
        assert ours == tuple(theirs) and ours == list(theirs) and ours == theirs
        assert not (ours == 5) and ours != tuple(theirs)[:-1]
        with pytest.raises(IndexError):
            ours[len(ours)]
    assert Editop("x", -1, 1) == ("x", -1, 1)


def test_long_pair_uses_linear_memory() -> None:
    """Two 20,000-char strings: peak RSS must grow far below n*m bytes (400 MB): under n*m/32 (12.5 MB), a quarter of one recorded bit matrix."""
    script = textwrap.dedent(
        """
        import random, resource
        from ferrofuzz.distance import Levenshtein, Indel
        rng = random.Random(7)
        a = "".join(rng.choice("abcdefgh") for _ in range(20000))
        b = "".join(rng.choice("abcdefgh") for _ in range(20000))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        e = Levenshtein.editops(a, b)
        i = Indel.editops(a, b)
        assert e.apply(a, b) == b and i.apply(a, b) == b
        assert len(e) == Levenshtein.distance(a, b) and len(i) == Indel.distance(a, b)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(after - before)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600,
                          env={"PYTHONPATH": str(ROOT / "python"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    growth_kib = int(proc.stdout.strip().splitlines()[-1])
    assert growth_kib * 1024 < 20000 * 20000 // 32, f"peak RSS grew by {growth_kib} KiB"


def test_abi_backend_gives_the_same_alignments() -> None:
    script = textwrap.dedent(
        """
        import ferrofuzz
        from ferrofuzz.distance import Levenshtein, Indel
        assert ferrofuzz.BACKEND == "abi", ferrofuzz.BACKEND
        a, b = "a\\u00e9\\U0001F600b" * 30, "\\U0001F600ab" * 33
        print(Levenshtein.editops(a, b).as_list() == REF_E, Indel.opcodes(a, b).as_list() == REF_O)
        """
    )
    a, b = "a\u00e9\U0001F600b" * 30, "\U0001F600ab" * 33
    refs = f"REF_E = {rd.Levenshtein.editops(a, b).as_list()!r}\nREF_O = {rd.Indel.opcodes(a, b).as_list()!r}\n"
    proc = subprocess.run([sys.executable, "-c", refs + script], capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(ROOT / "python"), "PATH": "/usr/bin:/bin", "FERROFUZZ_BACKEND": "abi"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "True"]
