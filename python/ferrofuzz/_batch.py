"""Helpers for the batch functions of :mod:`ferrofuzz.process`.

- :func:`pack`: a list of choices as one ``ffz_strs`` (all units back to
  back plus an array of lengths), built with C-speed operations when every
  item is a ``str``.
- :func:`extract_flat`: ``ffz_process_extract`` for a short list of
  ``str`` in one flat call, with no ``ffz_str``/``ffz_strs`` objects.
- :func:`run`: runs a batch call on a helper thread (the library releases
  the GIL) while the calling thread waits in short joins, so that Ctrl-C
  sets the call's cancellation token, waits for the library to stop, frees
  everything and re-raises.
"""

from __future__ import annotations

import math
import os
import threading
from array import array
from typing import Any, Callable, List, Optional, Sequence, Tuple

from ._convert import KIND_U8, KIND_U32, KIND_U64, UTF32, to_units
from ._errors import _BY_STATUS, FerrofuzzError, check, last_error_message
from ._native import ffi, flat, lib

_SIZE_T_CODE = "Q" if ffi.sizeof("size_t") == 8 else "I"
_WIDE = {KIND_U32: "I", KIND_U64: "q"}

#: Pairs of work below which a batch runs on the calling thread: it ends
#: within milliseconds, sooner than a helper thread starts.
INLINE_WORK = 50_000


class Packed:
    """An ``ffz_strs *`` and the Python objects its pointers point into.

    Lists of ``str`` are first packed NUL-separated (``lengths`` NULL: no
    Python-level pass over the items); if an item contains a NUL the
    library rejects the layout and :meth:`relayout` switches to lengths.
    """

    __slots__ = ("ptr", "count", "_keep", "_items")

    def __init__(self, data: bytes, lengths: Optional["array[int]"], kind: int, units: int, count: int, items: Any = None) -> None:
        self.count = count
        self._items = items  # set while the layout is NUL-separated
        self.ptr = ffi.new("ffz_strs *")
        self._set(data, lengths, kind, units)

    def _set(self, data: bytes, lengths: Optional["array[int]"], kind: int, units: int) -> None:
        buf = ffi.from_buffer(data) if units else ffi.NULL
        lens = ffi.from_buffer(lengths) if lengths is not None and self.count else ffi.NULL
        self._keep = (data, lengths, buf, lens)
        p = self.ptr
        p.data, p.data_len, p.lengths, p.count, p.kind = buf, units, ffi.cast("const size_t *", lens), self.count, kind

    @property
    def separated(self) -> bool:
        return self._items is not None

    def relayout(self) -> None:
        """Switches a NUL-separated list to explicit lengths."""
        items, self._items = self._items, None
        joined = "".join(items)
        lengths = array(_SIZE_T_CODE, map(len, items))
        self._set(*_encode(joined, lengths))


def _encode(joined: str, lengths: Optional["array[int]"]) -> Tuple[bytes, Optional["array[int]"], int, int]:
    if joined.isascii():
        return joined.encode("ascii"), lengths, KIND_U8, len(joined)
    try:
        return joined.encode("latin-1"), lengths, KIND_U8, len(joined)
    except UnicodeEncodeError:
        return joined.encode(UTF32, "surrogatepass"), lengths, KIND_U32, len(joined)


def pack_str(items: Sequence[Any]) -> Optional[Packed]:
    """Fast path for lists of ``str``; None when an item is not a str."""
    try:
        joined = "\0".join(items)
    except TypeError:
        return None
    data, _, kind, units = _encode(joined, None)
    return Packed(data, None, kind, units, len(items), items)


#: Output buffers of :func:`extract_flat` for limits up to this, reused.
_POOLED_LIMIT = 32
#: (positions, scores) pairs not in use. A call takes one and puts it back,
#: so two threads (or a signal handler) never share one.
_POOL: List[Tuple[Any, Any]] = []
_extract = flat.ffzpy_process_extract


def extract_flat(
    query: Any, values: List[Any], keys: Optional[List[Any]], scorer: Any, integral: bool,
    limit: int, cutoff: float, hint: float, workers: int,
) -> Optional[List[Tuple[Any, Any, Any]]]:
    """``ffz_process_extract`` of ``query`` against ``values`` in one flat
    call, as extract's (choice, score, index or key) results: ``values``
    all ``str``, joined NUL-separated; ``keys`` None or as long as
    ``values``; ``cutoff`` and ``hint`` NaN for none (a NaN cutoff must not
    reach here). Runs on this thread with no cancellation token, so callers
    keep it for lists shorter than ``INLINE_WORK``.

    None when the call cannot be made this way or fails (an item that is
    not a ``str``, an item containing a NUL, any library error): the
    general path then repeats it and raises what it should."""
    try:
        joined = "\0".join(values)
    except TypeError:
        return None
    data, _, kind, units = _encode(joined, None)
    if query.__class__ is str and query.isascii():
        qdata = query.encode()
        qlen, qkind = len(qdata), KIND_U8
    else:
        try:
            qdata, qlen, qkind = to_units(query, "query")
        except TypeError:
            return None
    count = len(values)
    pooled = limit <= _POOLED_LIMIT or count <= _POOLED_LIMIT
    if pooled:
        try:
            buffers = _POOL.pop()
        except IndexError:
            buffers = (ffi.new("size_t[]", _POOLED_LIMIT), ffi.new("double[]", _POOLED_LIMIT))
    else:
        capacity = limit if limit < count else count
        buffers = (ffi.new("size_t[]", capacity), ffi.new("double[]", capacity))
    positions, scores = buffers
    written = _extract(qdata, qlen, qkind, data, units, count, kind, scorer, limit, cutoff, hint, workers, positions, scores)
    found = None
    if written >= 0:
        found = []
        for i in range(written):
            p = positions[i]
            score = scores[i]
            found.append((values[p], int(score) if integral else score, p if keys is None else keys[p]))
    if pooled:
        _POOL.append(buffers)
    return found


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
    return Packed(data, lengths, kind, sum(lengths), len(parts))


def is_none(obj: Any) -> bool:
    """rapidfuzz's test for a missing value: None, pandas.NA or a float NaN."""
    if obj is None:
        return True
    if isinstance(obj, float):
        return math.isnan(obj)
    return type(obj).__name__ == "NAType" and type(obj).__module__.startswith("pandas")


def _raise(status: int, message: str) -> None:
    error = _BY_STATUS.get(status, FerrofuzzError)(message)
    error.ffz_status = status  # type: ignore[attr-defined]
    raise error


def run(call: Callable[[Any], int], work: int, packs: Sequence[Packed] = ()) -> None:
    """:func:`run_once`, repeated with explicit lengths if a NUL-separated
    list in ``packs`` was rejected (an item contains a NUL)."""
    try:
        run_once(call, work)
    except ValueError as error:
        separated = [p for p in packs if p.separated]
        if getattr(error, "ffz_status", None) != lib.FFZ_INVALID_ARGUMENT or not separated:
            raise
        for p in separated:
            p.relayout()
        run_once(call, work)


class _Helper:
    """A daemon thread that runs the batch calls handed to it, one at a
    time. Idle helpers are kept (:data:`_idle`) so that a call does not pay
    for starting a thread (about 0.1 ms, 5% of a 2 ms cdist).

    ``finished`` says whether the current job is done; the ``done`` lock
    only lets the waiting thread sleep until then (a release left over from
    an earlier job wakes it once, harmlessly, as it re-checks the flag).
    """

    __slots__ = ("go", "done", "job", "finished", "outcome", "thread")

    def __init__(self) -> None:
        self.go = threading.Lock()
        self.go.acquire()
        self.done = threading.Lock()
        self.done.acquire()
        self.job: Any = None
        self.finished = True
        self.outcome: Tuple[int, str, Optional[BaseException]] = (0, "", None)
        self.thread = threading.Thread(target=self._loop, name="ferrofuzz-batch", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            self.go.acquire()
            call, token = self.job
            self.job = None
            try:
                status = call(token)
                # The message is per thread: read it here.
                self.outcome = (status, last_error_message() if status else "", None)
            except BaseException as error:  # reported by the waiting thread
                self.outcome = (0, "", error)
            self.finished = True
            self.done.release()

    def start(self, call: Callable[[Any], int], token: Any) -> None:
        self.finished = False
        self.job = (call, token)
        self.go.release()

    def wait(self, timeout: float) -> None:
        self.done.acquire(timeout=timeout)


_idle: List[_Helper] = []
_idle_lock = threading.Lock()


def _forget_helpers() -> None:
    """In a forked child the helpers' threads do not exist. (threading marks
    them stopped, so :func:`_take_helper` would skip them anyway; this also
    replaces the lock, which a parent's thread may have held at the fork.)"""
    global _idle_lock
    _idle.clear()
    _idle_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_helpers)


def _take_helper() -> _Helper:
    with _idle_lock:
        while _idle:
            helper = _idle.pop()
            if helper.thread.is_alive():
                return helper
    return _Helper()


def run_once(call: Callable[[Any], int], work: int) -> None:
    """Runs ``call(cancel_token)`` (a library call returning a status) and
    raises its error, if any.

    Small batches run on this thread with no token. Larger ones run on a
    helper thread (:class:`_Helper`) while this one waits in 50 ms steps;
    an exception here (KeyboardInterrupt) sets the token, waits for the
    library to return (promptly: it checks the token between work units),
    frees the token and re-raises. Further interrupts while waiting are
    ignored, so nothing the library still reads is ever freed early.
    """
    if work < INLINE_WORK:
        status = call(ffi.NULL)
        if status:
            _raise(status, last_error_message())
        return
    out = ffi.new("ffz_cancel **")
    check(lib.ffz_cancel_new(out))
    token = out[0]
    helper = _take_helper()
    helper.start(call, token)
    try:
        while not helper.finished:
            helper.wait(0.05)
    except BaseException:
        lib.ffz_cancel_set(token)
        while not helper.finished:
            try:
                helper.wait(0.05)
            except BaseException:  # a second Ctrl-C: keep waiting
                continue
        raise
    finally:
        if helper.finished:
            lib.ffz_cancel_free(token)
            with _idle_lock:
                _idle.append(helper)
    status, message, error = helper.outcome
    if error is not None:
        raise error
    if status:
        _raise(status, message)
