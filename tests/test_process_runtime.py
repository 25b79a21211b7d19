"""ferrofuzz.process at run time: Ctrl-C stops a long batch promptly, many
calls leak nothing, and the C API's cancel token and packed lists behave."""

from __future__ import annotations

import gc
import os
import platform
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from ferrofuzz import process as fp
from ferrofuzz._batch import pack
from ferrofuzz._native import ffi, lib
from ferrofuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent(
    """
    import random, sys, time
    import numpy  # imported up front: the signal must land in the batch, not in numpy's import
    from ferrofuzz import process
    from ferrofuzz.distance import Levenshtein
    rng = random.Random(1)
    words = ["".join(rng.choice("abcdefghij") for _ in range(60)) for _ in range(20000)]
    sys.stdout.write("ready\\n"); sys.stdout.flush()
    t0 = time.monotonic()
    try:
        process.{call}
    except KeyboardInterrupt:
        print("interrupted after %.2f s" % (time.monotonic() - t0), flush=True)
        sys.exit(42)
    print("finished", flush=True)
    """
)


@pytest.mark.parametrize(
    "call",
    [
        "cdist(words, words, scorer=Levenshtein.distance, workers={workers})",
        "cpdist(words * 200, words[::-1] * 200, scorer=Levenshtein.distance, workers={workers})",
    ],
    ids=["cdist", "cpdist"],
)
@pytest.mark.parametrize("workers", [1, -1])
def test_sigint_stops_a_long_batch_promptly(call, workers):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "python"))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(call=call.format(workers=workers))],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.5)  # well into the batch (it takes many seconds)
        proc.send_signal(signal.SIGINT)
        # The whole batch takes minutes; ending within this bound (generous,
        # for a loaded machine) with "interrupted" means it stopped early.
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 42, (out, err)
    assert "interrupted" in out


def _helper_threads():
    return [t for t in threading.enumerate() if t.name == "ferrofuzz-batch"]


def test_batch_helper_threads_are_reused_and_report_errors():
    """Calls past INLINE_WORK run on a kept helper thread: sequential calls
    share one, concurrent calls each get their own, and a failure inside the
    helper reaches the caller."""
    from ferrofuzz import _batch

    words = ["w%05d" % i for i in range(400)]  # 160,000 cells: a helper runs it
    want = fp.cdist(words[:3], words[:3], scorer=Levenshtein.distance)
    fp.cdist(words, words, scorer=Levenshtein.distance)
    before = len(_helper_threads())
    assert before >= 1
    for _ in range(5):
        fp.cdist(words, words, scorer=Levenshtein.distance)
    assert len(_helper_threads()) == before

    results, errors = [], []

    def worker():
        try:
            m = fp.cdist(words, words, scorer=Levenshtein.distance)
            results.append(m[:3, :3].tolist())
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and results == [want.tolist()] * 4

    # A library error and a Python exception raised by the call both come back.
    from ferrofuzz.distance import Hamming

    with pytest.raises(ValueError, match="same length"):  # the library's message, from the helper
        fp.cdist(words, words + ["longer1"], scorer=Hamming.distance, scorer_kwargs={"pad": False})

    def boom(token):
        raise RuntimeError("from the helper")

    with pytest.raises(RuntimeError, match="from the helper"):
        _batch.run_once(boom, _batch.INLINE_WORK)
    fp.cdist(words, words, scorer=Levenshtein.distance)  # helpers still serve


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_batch_after_fork_runs_in_the_child():
    """A forked child does not inherit the parent's helper threads; its
    batches start their own instead of waiting forever on a dead one."""
    words = ["w%05d" % i for i in range(400)]
    fp.cdist(words, words, scorer=Levenshtein.distance)  # the parent keeps a helper
    assert _helper_threads()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            m = fp.cdist(words, words, scorer=Levenshtein.distance)
            os.write(w, b"ok %d" % int(m[1, 2]))
        finally:
            os._exit(0)
    os.close(w)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the child's batch hung")
    assert os.read(r, 100) == b"ok 1"
    os.close(r)


def test_cancel_token_from_another_thread():
    words = ["abcdefghij" * 5] * 3000
    queries, choices = pack(words), pack(words)
    scorer = ffi.new("ffz_scorer *")
    scorer.metric, scorer.form = lib.FFZ_METRIC_LEVENSHTEIN, lib.FFZ_FORM_DISTANCE
    scorer.weights.insertion = scorer.weights.deletion = scorer.weights.substitution = 1
    out = ffi.new("uint32_t[]", 3000 * 3000)
    token_out = ffi.new("ffz_cancel **")
    assert lib.ffz_cancel_new(token_out) == 0
    token = token_out[0]
    status = []
    thread = threading.Thread(
        target=lambda: status.append(
            lib.ffz_process_cdist(queries.ptr, choices.ptr, scorer, ffi.NULL, ffi.NULL, 1.0,
                                  lib.FFZ_DTYPE_UINT32, 1, token, out, 3000 * 3000)))
    thread.start()
    time.sleep(0.05)
    assert lib.ffz_cancel_set(token) == 0
    thread.join(10)
    assert not thread.is_alive()
    assert status == [lib.FFZ_CANCELLED]
    flag = ffi.new("bool *")
    assert lib.ffz_cancel_is_set(token, flag) == 0 and flag[0]
    # a set token cancels the next call at once
    assert lib.ffz_process_cpdist(queries.ptr, choices.ptr, scorer, ffi.NULL, ffi.NULL, 1.0,
                                  lib.FFZ_DTYPE_UINT32, 1, token, out, 3000) == lib.FFZ_CANCELLED
    lib.ffz_cancel_free(token)
    lib.ffz_cancel_free(ffi.NULL)


def test_packed_list_validation():
    scorer = ffi.new("ffz_scorer *")
    scorer.metric, scorer.form = lib.FFZ_METRIC_INDEL, lib.FFZ_FORM_DISTANCE
    data = ffi.new("char[]", b"abcd")
    lengths = ffi.new("size_t[]", [2, 3])
    bad = ffi.new("ffz_strs *", (data, 4, lengths, 2, lib.FFZ_KIND_U8))  # 2 + 3 != 4
    good = ffi.new("ffz_strs *", (data, 4, ffi.NULL, 1, lib.FFZ_KIND_U8))
    out = ffi.new("double[]", 2)
    assert lib.ffz_process_cdist(bad, good, scorer, ffi.NULL, ffi.NULL, 1.0, lib.FFZ_DTYPE_FLOAT64, 1, ffi.NULL, out, 2) \
        == lib.FFZ_INVALID_ARGUMENT
    assert lib.ffz_process_cdist(good, good, scorer, ffi.NULL, ffi.NULL, 1.0, lib.FFZ_DTYPE_FLOAT64, 1, ffi.NULL, out, 2) \
        == lib.FFZ_INVALID_ARGUMENT  # out_len must be exactly 1
    assert lib.ffz_process_cdist(good, good, scorer, ffi.NULL, ffi.NULL, 1.0, 99, 1, ffi.NULL, out, 1) \
        == lib.FFZ_INVALID_ARGUMENT
    assert lib.ffz_process_cdist(good, good, scorer, ffi.NULL, ffi.NULL, 1.0, lib.FFZ_DTYPE_FLOAT64, 1, ffi.NULL, out, 1) == 0
    assert out[0] == 0.0
    odd = ffi.new("ffz_strs *", (data, 4, ffi.NULL, 1, 3))
    assert lib.ffz_process_cdist(odd, good, scorer, ffi.NULL, ffi.NULL, 1.0, lib.FFZ_DTYPE_FLOAT64, 1, ffi.NULL, out, 1) \
        == lib.FFZ_UNKNOWN_KIND
    nan = ffi.new("double *", float("nan"))
    assert lib.ffz_process_cdist(good, good, scorer, nan, ffi.NULL, 1.0, lib.FFZ_DTYPE_FLOAT64, 1, ffi.NULL, out, 1) \
        == lib.FFZ_INVALID_ARGUMENT


def _rss_kb() -> int:
    gc.collect()  # PyPy frees unreachable objects (and their cffi buffers) only when it collects
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_many_calls_leak_nothing(monkeypatch):
    words = [f"name {i} {'x' * (i % 13)}" for i in range(3000)]
    monkeypatch.setattr("ferrofuzz._batch.INLINE_WORK", 1000)  # exercise the helper thread too

    def burst():
        for i in range(40):
            fp.extract(words[i], words, scorer=Levenshtein.normalized_similarity, limit=5)
            fp.extractOne(words[i], words, scorer=Levenshtein.distance)
            fp.cdist(words[:20], words[:200], scorer=Levenshtein.distance, workers=2)
            fp.cpdist(words[:500], words[500:1000], scorer=Levenshtein.normalized_distance)
            next(fp.extract_iter(words[i], words, scorer=Levenshtein.distance))
            try:
                fp.extract("a", words + [5], scorer=Levenshtein.distance)
            except TypeError:
                pass

    # Warm-up: allocator pools, and on PyPy the JIT's compiled traces,
    # which keep growing, and make RSS swing by megabytes, for over ten
    # bursts (not a leak: measured growth then stays well under the bound).
    for _ in range(20 if platform.python_implementation() == "PyPy" else 2):
        burst()
    before = _rss_kb()
    for _ in range(4):
        burst()
    grown = _rss_kb() - before
    assert grown < 4096, f"RSS grew by {grown} kB"


def test_interrupted_numpy_import_is_a_keyboard_interrupt(monkeypatch):
    """Ctrl-C during numpy's first import (numpy may re-raise it as an
    ImportError) is reported as KeyboardInterrupt, not as missing numpy."""
    import builtins

    from ferrofuzz import process

    real_import = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == "numpy":
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt:
                raise ImportError("partially initialized module 'numpy'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(KeyboardInterrupt):
        process.cdist(["a"], ["b"])
    with pytest.raises(KeyboardInterrupt):
        process.cpdist(["a"], ["b"])

    def missing(name, *args, **kwargs):
        if name == "numpy":
            raise ImportError("No module named 'numpy'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", missing)
    with pytest.raises(ImportError, match="need numpy"):
        process.cdist(["a"], ["b"])
