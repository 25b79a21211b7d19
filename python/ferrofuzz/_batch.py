"""Helpers for the batch functions of :mod:`ferrofuzz.process`.

- :func:`pack`: a list of choices as one ``ffz_strs`` (all units back to
  back plus an array of lengths), built with C-speed operations when every
  item is a ``str``.
- :func:`run`: runs a batch call on a helper thread (the library releases
  the GIL) while the calling thread waits in short joins, so that Ctrl-C
  sets the call's cancellation token, waits for the library to stop, frees
  everything and re-raises.
"""

from __future__ import annotations

import math
import threading
from array import array
from typing import Any, Callable, List, Optional, Sequence, Tuple

from ._convert import KIND_U8, KIND_U32, KIND_U64, UTF32, to_units
from ._errors import _BY_STATUS, FerrofuzzError, check, last_error_message
from ._native import ffi, lib

_SIZE_T_CODE = "Q" if ffi.sizeof("size_t") == 8 else "I"
_WIDE = {KIND_U32: "I", KIND_U64: "q"}

#: Pairs of work below which a batch runs on the calling thread: it ends
#: within milliseconds, sooner than a helper thread starts.
INLINE_WORK = 50_000


class Packed:
    """An ``ffz_strs *`` and the Python objects its pointers point into."""

    __slots__ = ("ptr", "count", "_keep")

    def __init__(self, data: bytes, lengths: "array[int]", kind: int, units: int) -> None:
        self.count = len(lengths)
        buf = ffi.from_buffer(data) if units else ffi.NULL
        lens = ffi.from_buffer(lengths) if self.count else ffi.NULL
        self._keep = (data, lengths, buf, lens)
        self.ptr = ffi.new("ffz_strs *", (buf, units, ffi.cast("const size_t *", lens), self.count, kind))


def pack_str(items: Sequence[Any]) -> Optional[Packed]:
    """Fast path for lists of ``str``; None when an item is not a str (or a
    str subclass reports a false length)."""
    try:
        joined = "".join(items)
    except TypeError:
        return None
    lengths = array(_SIZE_T_CODE, map(len, items))
    if sum(lengths) != len(joined):
        return None
    if joined.isascii():
        return Packed(joined.encode("ascii"), lengths, KIND_U8, len(joined))
    try:
        return Packed(joined.encode("latin-1"), lengths, KIND_U8, len(joined))
    except UnicodeEncodeError:
        return Packed(joined.encode(UTF32, "surrogatepass"), lengths, KIND_U32, len(joined))


def _widen(data: bytes, kind: int, to: int) -> bytes:
    if kind == to:
        return data
    if kind == KIND_U8:
        return array(_WIDE[to], list(data)).tobytes()
    wide = array("I")
    wide.frombytes(data)
    return array("q", wide).tobytes()


def pack(items: Sequence[Any], what: str = "choices") -> Packed:
    """Packs ``items`` (str, bytes or sequences of hashables; no None)."""
    fast = pack_str(items)
    if fast is not None:
        return fast
    parts: List[Tuple[bytes, int, int]] = [to_units(item, f"{what}[{i}]") for i, item in enumerate(items)]
    kind = max((k for _, _, k in parts), default=KIND_U8)
    data = b"".join(_widen(d, k, kind) for d, _, k in parts)
    lengths = array(_SIZE_T_CODE, [n for _, n, _ in parts])
    return Packed(data, lengths, kind, sum(lengths))


def is_none(obj: Any) -> bool:
    """rapidfuzz's test for a missing value: None, pandas.NA or a float NaN."""
    if obj is None:
        return True
    if isinstance(obj, float):
        return math.isnan(obj)
    return type(obj).__name__ == "NAType" and type(obj).__module__.startswith("pandas")


def _raise(status: int, message: str) -> None:
    raise _BY_STATUS.get(status, FerrofuzzError)(message)


def run(call: Callable[[Any], int], work: int) -> None:
    """Runs ``call(cancel_token)`` (a library call returning a status) and
    raises its error, if any.

    Small batches run on this thread with no token. Larger ones run on a
    helper thread while this one waits in 50 ms joins; an exception here
    (KeyboardInterrupt) sets the token, waits for the library to return
    (promptly: it checks the token between work units), frees the token
    and re-raises. Further interrupts while waiting are ignored, so nothing
    the library still reads is ever freed early.
    """
    if work < INLINE_WORK:
        check(call(ffi.NULL))
        return
    out = ffi.new("ffz_cancel **")
    check(lib.ffz_cancel_new(out))
    token = out[0]
    outcome: List[Any] = [None, ""]

    def target() -> None:
        status = call(token)
        outcome[0] = status
        if status:
            outcome[1] = last_error_message()  # the message is per thread

    thread = threading.Thread(target=target, name="ferrofuzz-batch", daemon=True)
    try:
        thread.start()
        try:
            while thread.is_alive():
                thread.join(0.05)
        except BaseException:
            lib.ffz_cancel_set(token)
            while True:
                try:
                    thread.join()
                    break
                except BaseException:  # a second Ctrl-C: keep waiting
                    continue
            raise
    finally:
        if not thread.is_alive():
            lib.ffz_cancel_free(token)
    if outcome[0]:
        _raise(outcome[0], outcome[1])
