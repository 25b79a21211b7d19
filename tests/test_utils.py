"""ferrofuzz.utils.default_process against rapidfuzz.utils.default_process,
and the C ABI of ffz_default_process / ffz_string_free."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.utils import default_process as rf_default_process

from ferrofuzz._native import ffi, lib
from ferrofuzz.utils import default_process

ALL_CODE_POINTS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_every_code_point_matches_rapidfuzz():
    # Each code point maps to exactly one, so comparing one long string
    # (fenced so that nothing is trimmed) compares every code point's image.
    text = "a" + ALL_CODE_POINTS + "a"
    ours = default_process(text)
    assert ours == rf_default_process(text)
    assert len(ours) == len(text)


def test_every_code_point_alone_matches_rapidfuzz():
    # Alone, code points below 256 make 1-byte strings (another code path).
    for c in range(0x110000):
        if 0xD800 <= c <= 0xDFFF:
            continue
        if c < 0x3000 or c % 7 == 0:
            ch = chr(c)
            assert default_process(ch) == rf_default_process(ch), hex(c)


def test_every_byte_matches_rapidfuzz():
    data = bytes(range(256))
    assert default_process(b"a" + data + b"a") == rf_default_process(b"a" + data + b"a")
    for b in range(256):
        assert default_process(bytes([b])) == rf_default_process(bytes([b]))


def test_surrogates_become_spaces():
    assert default_process("a\ud800B\udfff") == rf_default_process("a\ud800B\udfff") == "a b"


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_random_text(text):
    assert default_process(text) == rf_default_process(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_random_ascii(text):
    assert default_process(text) == rf_default_process(text)


def test_examples():
    assert default_process("  Ab-C  ") == "ab c"
    assert default_process("İstanbul") == "istanbul"  # simple lowercase of U+0130
    assert default_process("ΑΣ Σ") == "ασ σ"  # no final-sigma rule
    assert default_process("\u0870") == ""  # assigned after Unicode 13.0
    assert default_process(b"AB-c\xc0") == "ab c\xe0"
    assert default_process("") == ""

    class Sub(str):
        pass

    assert default_process(Sub("X Y!")) == "x y"


@pytest.mark.parametrize("bad", [None, 5, ["a"], bytearray(b"a"), memoryview(b"a")])
def test_bad_types(bad):
    with pytest.raises(TypeError):
        rf_default_process(bad)
    with pytest.raises(TypeError, match="sentence must be a String"):
        default_process(bad)


def _call(data: bytes, length: int, kind: int):
    source = ffi.new("ffz_str *")
    keep = ffi.from_buffer(data) if length else ffi.NULL
    source.data = keep
    source.len = length
    source.kind = kind
    out = ffi.new("ffz_string *")
    status = lib.ffz_default_process(source[0], out)
    return status, out


def test_c_abi_utf8_in_utf8_out():
    text = "  Grüße, İSTANBUL! 😀 "
    data = text.encode()
    status, out = _call(data, len(data), lib.FFZ_KIND_UTF8)
    assert status == lib.FFZ_OK
    assert out.kind == lib.FFZ_KIND_UTF8
    assert ffi.buffer(out.data, out.len)[:].decode() == rf_default_process(text)
    lib.ffz_string_free(out)
    assert out.data == ffi.NULL and out.len == 0
    lib.ffz_string_free(out)  # a second call is harmless
    lib.ffz_string_free(ffi.NULL)


def test_c_abi_keeps_unit_width():
    status, out = _call(b"A-b", 3, lib.FFZ_KIND_U8)
    assert status == 0 and out.kind == lib.FFZ_KIND_U8 and ffi.buffer(out.data, out.len)[:] == b"a b"
    lib.ffz_string_free(out)
    units = ffi.new("uint64_t[]", [0x41, 2**64 - 1, 0x42])
    status, out = _call(ffi.buffer(units)[:], 3, lib.FFZ_KIND_U64)
    assert status == 0 and out.kind == lib.FFZ_KIND_U64 and out.len == 3
    assert list(ffi.cast("uint64_t *", out.data)[0:3]) == [0x61, 0x20, 0x62]
    lib.ffz_string_free(out)
    status, out = _call(b"", 0, lib.FFZ_KIND_U32)
    assert status == 0 and out.len == 0 and out.data == ffi.NULL
    lib.ffz_string_free(out)


def test_c_abi_errors():
    source = ffi.new("ffz_str *")
    assert lib.ffz_default_process(source[0], ffi.NULL) == lib.FFZ_NULL_POINTER
    status, _ = _call(b"\xff\xfe", 2, lib.FFZ_KIND_UTF8)
    assert status == lib.FFZ_INVALID_UTF8
    status, _ = _call(b"ab", 2, 3)
    assert status == lib.FFZ_UNKNOWN_KIND
