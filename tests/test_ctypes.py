"""The shared library from ctypes, without cffi: the C ABI is usable from
any FFI."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ferrofuzz

ROOT = Path(__file__).resolve().parent.parent
FFZ_OK, FFZ_NULL_POINTER, FFZ_INVALID_UTF8, FFZ_UNKNOWN_KIND = 0, 2, 4, 5
KIND_U8, KIND_U32, KIND_UTF8 = 1, 4, 16
SIZE_MAX = ctypes.c_size_t(-1).value


class ffz_str(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("len", ctypes.c_size_t), ("kind", ctypes.c_uint32)]


class ffz_scorer(ctypes.Structure):
    _fields_ = [
        ("metric", ctypes.c_uint32),
        ("form", ctypes.c_uint32),
        ("insertion", ctypes.c_size_t),
        ("deletion", ctypes.c_size_t),
        ("substitution", ctypes.c_size_t),
        ("pad", ctypes.c_bool),
        ("prefix_weight", ctypes.c_double),
    ]


@pytest.fixture(scope="module")
def lib():
    lib = ctypes.CDLL(ferrofuzz.get_library())
    lib.ffz_version.restype = ctypes.c_char_p
    lib.ffz_last_error_message.restype = ctypes.c_char_p
    lib.ffz_abi_version.restype = ctypes.c_uint32
    size_p = ctypes.POINTER(ctypes.c_size_t)
    lib.ffz_levenshtein_distance.argtypes = [ffz_str, ffz_str, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, size_p]
    lib.ffz_levenshtein_distance.restype = ctypes.c_int32
    lib.ffz_index_new.argtypes = [ctypes.POINTER(ffz_str), ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p)]
    lib.ffz_index_len.argtypes = [ctypes.c_void_p, size_p]
    lib.ffz_index_search.argtypes = [ctypes.c_void_p, ffz_str, ctypes.POINTER(ffz_scorer), ctypes.c_size_t,
                                     ctypes.POINTER(ctypes.c_double), size_p, ctypes.POINTER(ctypes.c_double), size_p]
    lib.ffz_index_free.argtypes = [ctypes.c_void_p]
    lib.ffz_index_free.restype = None
    return lib


def encode(text: str, kind: int):
    raw = text.encode("utf-32-le" if kind == KIND_U32 else "utf-8")
    units = len(raw) // 4 if kind == KIND_U32 else len(raw)
    buf = ctypes.create_string_buffer(raw, len(raw))
    return ffz_str(ctypes.cast(buf, ctypes.c_void_p), units, kind), buf


def distance(lib, a, b):
    out = ctypes.c_size_t(12345)
    status = lib.ffz_levenshtein_distance(a, b, None, SIZE_MAX, SIZE_MAX, ctypes.byref(out))
    return status, out.value


def test_versions(lib):
    assert lib.ffz_version().decode() == ferrofuzz.__version__
    assert lib.ffz_abi_version() == 2


@pytest.mark.parametrize("kind", [KIND_UTF8, KIND_U32])
def test_distance_in_each_kind(lib, kind):
    a, keep_a = encode("kitten\U0001F600", kind)
    b, keep_b = encode("sitting\U0001F601", kind)
    assert distance(lib, a, b) == (FFZ_OK, 4)


def test_error_paths(lib):
    good, keep = encode("abc", KIND_UTF8)
    bad_raw = ctypes.create_string_buffer(b"\xff\xfe", 2)
    bad = ffz_str(ctypes.cast(bad_raw, ctypes.c_void_p), 2, KIND_UTF8)
    assert distance(lib, bad, good) == (FFZ_INVALID_UTF8, 12345)
    assert "UTF-8" in lib.ffz_last_error_message().decode()
    unknown = ffz_str(good.data, good.len, 3)
    assert distance(lib, unknown, good)[0] == FFZ_UNKNOWN_KIND
    assert lib.ffz_levenshtein_distance(good, good, None, SIZE_MAX, SIZE_MAX, None) == FFZ_NULL_POINTER
    null_data = ffz_str(None, 3, KIND_U8)
    assert distance(lib, null_data, good)[0] == FFZ_NULL_POINTER


def test_index_through_ctypes(lib):
    words = ["apple", "apply", "banana"]
    encoded = [encode(w, KIND_UTF8) for w in words]
    array = (ffz_str * 3)(*[e[0] for e in encoded])
    handle = ctypes.c_void_p()
    assert lib.ffz_index_new(array, 3, ctypes.byref(handle)) == FFZ_OK
    try:
        n = ctypes.c_size_t()
        assert lib.ffz_index_len(handle, ctypes.byref(n)) == FFZ_OK and n.value == 3
        scorer = ffz_scorer(1, 0, 1, 1, 1, True)  # Levenshtein distance
        query, keep = encode("appel", KIND_UTF8)
        positions = (ctypes.c_size_t * 3)()
        scores = (ctypes.c_double * 3)()
        count = ctypes.c_size_t()
        status = lib.ffz_index_search(handle, query, ctypes.byref(scorer), 3, None, positions, scores, ctypes.byref(count))
        assert status == FFZ_OK
        assert [(positions[i], scores[i]) for i in range(count.value)] == [(0, 2.0), (1, 2.0), (2, 5.0)]
    finally:
        lib.ffz_index_free(handle)
    lib.ffz_index_free(None)


def test_ctypes_example_runs():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    result = subprocess.run([sys.executable, str(ROOT / "examples" / "ctypes_example.py")],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "levenshtein(kitten, sitting) = 3"
    assert lines[2].startswith("invalid UTF-8 -> status 4:")
