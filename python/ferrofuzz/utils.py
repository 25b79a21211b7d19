"""``ferrofuzz.utils``: string preprocessing, as ``rapidfuzz.utils``."""

from __future__ import annotations

from typing import Any

from ._convert import UTF32, to_units
from ._errors import check
from . import _native
from ._native import ffi, lib

# ASCII: letters to lowercase, digits kept, everything else a space.
_ASCII_TABLE = bytes(
    c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256)
)
_WIDTH = {lib.FFZ_KIND_U8: 1, lib.FFZ_KIND_U32: 4}


def _native_process(data: bytes, length: int, kind: int) -> str:
    source = ffi.new("ffz_str *")
    keep = ffi.from_buffer(data) if length else ffi.NULL
    source.data = keep
    source.len = length
    source.kind = kind
    out = ffi.new("ffz_string *")
    check(lib.ffz_default_process(source[0], out))
    try:
        if out.len == 0:
            return ""
        raw = ffi.buffer(out.data, out.len * _WIDTH[out.kind])[:]
    finally:
        lib.ffz_string_free(out)
    return raw.decode("latin-1") if out.kind == lib.FFZ_KIND_U8 else raw.decode(UTF32)


def default_process(sentence: Any) -> str:
    """Lowercases alphanumeric characters, replaces every other character
    with a space, and trims spaces from both ends.

    Same results as ``rapidfuzz.utils.default_process``: "alphanumeric" is
    Python's ``str.isalnum`` under Unicode 13.0 and lowercasing uses the
    simple one-to-one mappings (so "İ" becomes "i" and a final "Σ" becomes
    "σ"). ``bytes`` are read as Latin-1. Raises TypeError for anything but
    ``str`` and ``bytes``.
    """
    if type(sentence) is str and sentence.isascii():
        return sentence.encode().translate(_ASCII_TABLE).strip(b" ").decode()
    if isinstance(sentence, str):
        data, length, kind = to_units(str(sentence), "sentence")
    elif isinstance(sentence, bytes):
        data, length, kind = bytes(sentence), len(sentence), lib.FFZ_KIND_U8
    else:
        raise TypeError("sentence must be a String")
    return _native_process(data, length, kind)


_native.native_default_process(default_process)

__all__ = ["default_process"]
