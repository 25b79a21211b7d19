"""Resident memory stays flat while every Python entry point is called many
times, on its success paths and its error paths.

Each round calls every entry point (every distance metric in every form,
the fuzz scorers, utils.default_process, the phonetic functions and their
_many forms, process.*, cdist/cpdist with numpy, and Index from build to
close, pickling and garbage collection without close), plus a set of calls
that must fail. After warm-up rounds (allocator pools, caches, lazily
built tables), the RSS growth over many more rounds must stay under a
bound that a leak of even a few bytes per call would exceed: the measured
rounds make over 120000 calls, and a leak of even one byte costs a
32-byte allocator chunk.
"""

from __future__ import annotations

import gc
import pickle
from pathlib import Path

import pytest

import ferrofuzz
from ferrofuzz import fuzz, phonetic, process, utils
from ferrofuzz import distance as fd

from test_process_runtime import _rss_kb

np = pytest.importorskip("numpy")

METRICS = [fd.Levenshtein, fd.Indel, fd.Hamming, fd.LCSseq, fd.OSA, fd.DamerauLevenshtein,
           fd.Jaro, fd.JaroWinkler, fd.Prefix, fd.Postfix]
FORMS = ["distance", "similarity", "normalized_distance", "normalized_similarity"]
FUZZ = [fuzz.ratio, fuzz.partial_ratio, fuzz.token_sort_ratio, fuzz.token_set_ratio, fuzz.token_ratio,
        fuzz.partial_token_sort_ratio, fuzz.partial_token_set_ratio, fuzz.partial_token_ratio,
        fuzz.WRatio, fuzz.QRatio]
PHONETIC = ["soundex", "metaphone", "nysiis", "match_rating_codex", "double_metaphone"]
WORDS = [f"Name {i} caf\u00e9 \U0001F600{'x' * (i % 11)}" for i in range(300)]

calls = 0


def expect(exc, fn, *args, **kwargs):
    global calls
    calls += 1
    with pytest.raises(exc):
        fn(*args, **kwargs)


def call(fn, *args, **kwargs):
    global calls
    calls += 1
    return fn(*args, **kwargs)


class Raises:
    def __str__(self):
        raise RuntimeError("no str")


def bad_processor(_):
    raise RuntimeError("processor failed")


def one_round(tmp_path: Path) -> None:
    a, b = "kitten \u00e9\U0001F600", "sitting \u00e9"
    for m in METRICS:
        for form in FORMS:
            f = getattr(m, form)
            call(f, a, b)
            call(f, a, b, score_cutoff=0.5 if form.startswith("normalized") or m in (fd.Jaro, fd.JaroWinkler) else 2)
            call(f, [1, 2, 3], (1, 2, 4))
            expect(TypeError, f, 5, b)
            expect(TypeError, f, a, 3.5)
        if m is fd.Hamming:
            expect(ValueError, m.distance, "ab", "abc", pad=False)
        if m is fd.JaroWinkler:
            expect(ValueError, m.similarity, a, b, prefix_weight=2.0)
        if hasattr(m, "editops"):
            call(m.editops, a, b)
            call(m.opcodes, a, b)
    expect(ValueError, fd.Levenshtein.distance, a, b, weights=(-1, 1, 1))
    for f in FUZZ:
        call(f, a, b)
        call(f, a, b, score_cutoff=50, processor=utils.default_process)
        expect(TypeError, f, a, 7)
        expect(RuntimeError, f, a, b, processor=bad_processor)
    call(fuzz.partial_ratio_alignment, a, b)
    call(utils.default_process, "  Hello, W\u00f6rld! \U0001F600 ")
    expect(TypeError, utils.default_process, 5)
    for name in PHONETIC:
        call(getattr(phonetic, name), "Robert")
        call(getattr(phonetic, name + "_many"), ["Robert", "Rupert", "Ashcraft"])
        expect(TypeError, getattr(phonetic, name), 5)
        expect(TypeError, getattr(phonetic, name + "_many"), ["ok", 5])
    call(phonetic.match_rating_comparison, "Byrne", "Boern")

    scorers = [fd.Levenshtein.distance, fd.Jaro.similarity, fd.OSA.normalized_similarity, fuzz.WRatio]
    for sc in scorers:
        call(process.extractOne, a, WORDS, scorer=sc)
        call(process.extract, a, WORDS, scorer=sc, limit=3)
        call(lambda: list(process.extract_iter(a, WORDS[:20], scorer=sc)))
        call(process.cdist, WORDS[:10], WORDS[:30], scorer=sc)
        call(process.cpdist, WORDS[:30], WORDS[30:60], scorer=sc, workers=2)
    call(process.cdist, WORDS[:10], WORDS[:30], scorer=fd.Levenshtein.distance, dtype=np.int32, workers=-1)
    call(process.extract, a, {"k": a, 3: b}, scorer=fd.Indel.distance)
    expect(TypeError, process.extract, a, WORDS + [5], scorer=fd.Levenshtein.distance)
    expect(TypeError, process.cdist, [a, 5], WORDS[:5])
    expect(ValueError, process.cpdist, WORDS[:3], WORDS[:4])
    expect(RuntimeError, process.extractOne, a, WORDS[:5], processor=bad_processor)
    expect(RuntimeError, process.extract, Raises(), WORDS[:5], processor=str)

    index = call(ferrofuzz.Index, WORDS[:100])
    call(index.add, "another one", key="k")
    call(index.extend, WORDS[100:120], keys=range(1000, 1020))
    call(index.search, a, limit=3)
    call(index.search, a, scorer=fd.JaroWinkler.similarity, score_cutoff=0.5)
    call(index.search_many, [a, b], limit=2)
    call(index.dedupe, threshold=0.9)
    data = call(index.to_bytes)
    call(ferrofuzz.Index.from_bytes, data).close()
    path = tmp_path / "leak.ffz"
    call(index.save, path)
    call(ferrofuzz.Index.load, path).close()
    call(pickle.loads, pickle.dumps(index)).close()
    expect(TypeError, index.search, 5)
    expect(TypeError, index.add, None)
    expect(ValueError, ferrofuzz.Index.from_bytes, data[: len(data) // 2])
    expect(ValueError, ferrofuzz.Index.from_bytes, b"not an index at all")
    index.close()
    expect(ValueError, index.search, a)
    expect(ValueError, index.add, a)
    # Freed by the garbage collector, never closed.
    dropped = ferrofuzz.Index(WORDS[:50])
    call(dropped.search, a)
    del dropped


@pytest.fixture
def interpreted():
    """Runs the test with PyPy's JIT off. The JIT goes on compiling traces of
    the rounds long after the warm-up, and its machine code grows RSS by
    megabytes where nothing leaks (run alone, the test grew 6-15 MB with it
    and passed without). CPython has no JIT to turn off."""
    try:
        import pypyjit
    except ImportError:
        yield
        return
    pypyjit.set_param("off")
    try:
        yield
    finally:
        pypyjit.set_param("default")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_every_entry_point_leaks_nothing(tmp_path, interpreted):
    global calls
    # RSS settles after about 200 rounds (allocator arenas, caches).
    for _ in range(250):
        one_round(tmp_path)
    gc.collect()
    before = _rss_kb()
    calls = 0
    rounds = 400
    for _ in range(rounds):
        one_round(tmp_path)
    gc.collect()
    grown_kb = _rss_kb() - before
    # Any leaked allocation costs at least 32 bytes (glibc's smallest
    # chunk), so a leak in one call of the round alone grows RSS by
    # rounds * 32 bytes per leaking call; one in every call by calls * 32
    # bytes. The bound is a quarter of the latter; after the warm-up the
    # measured growth is under 100 kB.
    bound_kb = calls * 32 // 1024 // 4
    assert calls > 120000, calls
    assert grown_kb < bound_kb, f"RSS grew by {grown_kb} kB over {calls} calls (bound {bound_kb} kB)"
