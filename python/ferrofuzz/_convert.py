"""Turns Python inputs into the library's sequences: (bytes, length, kind).

- ``str``: ASCII as its bytes (kind 1), anything else as UTF-32 in native
  byte order (kind 4), with lone surrogates kept as code points.
- ``bytes``, ``bytearray``, ``memoryview``: their bytes (kind 1).
- ``array.array``: code points for 'u'/'w', integer values for the integer
  typecodes, element hashes otherwise.
- Any other sequence of hashables: one 64-bit unit per element (kind 8):
  ``ord`` of a one-character ``str``, -1 for the integer -1, else ``hash``.
  This is rapidfuzz's rule, so a list of characters equals the string.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Mapping, Set
from typing import Any

KIND_U8 = 1
KIND_U32 = 4
KIND_U64 = 8

UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_INT_TYPECODES = frozenset("bBhHiIlLqQ")


def _units_of(seq: Any) -> bytes:
    values = array("q")
    append = values.append
    for elem in seq:
        # rapidfuzz's rules, subclasses included: a one-character str is its
        # code point (so a list of characters matches the string), -1 stays
        # -1 (hash(-1) is -2), anything else is its hash.
        if isinstance(elem, str) and len(elem) == 1:
            append(ord(elem))
        elif isinstance(elem, int) and elem == -1:
            append(-1)
        else:
            append(hash(elem))
    return values.tobytes()


def to_units(obj: Any, name: str = "s1") -> tuple[bytes, int, int]:
    """(data, length in units, kind) of ``obj``; TypeError if it is not a sequence."""
    # Lengths always come from the bytes handed to the library, never from
    # the object's own __len__, which a subclass could make lie.
    tp = type(obj)
    if isinstance(obj, str):
        if str.isascii(obj):
            data = str.encode(obj)
            return data, len(data), KIND_U8
        data = str.encode(obj, UTF32, "surrogatepass")
        return data, len(data) >> 2, KIND_U32
    if isinstance(obj, (bytes, bytearray, memoryview)):
        data = bytes(obj) if not isinstance(obj, memoryview) else obj.tobytes()
        return data, len(data), KIND_U8
    if isinstance(obj, array):
        if obj.typecode in ("u", "w"):
            return to_units("".join(obj), name)
        if obj.typecode in _INT_TYPECODES:
            data = array("q", [v if v < 2**63 else v - 2**64 for v in obj]).tobytes()
            return data, len(data) >> 3, KIND_U64
    if obj is None:
        raise TypeError(f"{name} must be a str, bytes or sequence of hashables, not None")
    if isinstance(obj, (Mapping, Set)) or not hasattr(obj, "__len__") or not hasattr(obj, "__iter__"):
        raise TypeError(f"{name} must be a str, bytes or sequence of hashables, not {tp.__name__}")
    data = _units_of(obj)
    return data, len(data) >> 3, KIND_U64
