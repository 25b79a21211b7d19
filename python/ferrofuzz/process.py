"""``ferrofuzz.process``: one query against many choices, and score matrices.

Same functions, arguments and results as ``rapidfuzz.process`` (3.14):
:func:`extractOne`, :func:`extract`, :func:`extract_iter`, :func:`cdist`
and :func:`cpdist`.

With a ferrofuzz scorer the whole batch runs in the library, on packed
copies of the strings, with the GIL released and no Python call per pair;
``extract`` and ``extractOne`` use every core for lists of
``PARALLEL_CHOICES`` or more (results never depend on the thread count).
Any other callable (rapidfuzz's scorers included) works too, through a
Python loop with rapidfuzz's rules for custom scorers: unless it carries
rapidfuzz's ``_RF_ScorerPy`` flags, it is taken as a similarity from 0 to
100, higher is better.

Long batches stop promptly on Ctrl-C: the library checks a cancellation
token between work units, and KeyboardInterrupt is raised once it has
stopped.

Differences from rapidfuzz, all where rapidfuzz fails or misbehaves:
``limit < 0`` raises ValueError (rapidfuzz raises RuntimeError); in cdist a
None query gives the worst score (rapidfuzz leaves the row uninitialised).
"""

from __future__ import annotations

import heapq
import operator
import struct
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple

from . import _native as _native_module, _scorers
from ._batch import INLINE_WORK, Packed, extract_flat, is_none, pack, pack_str, run
from ._convert import KIND_U8, to_units
from ._native import ffi, lib
from .utils import default_process

__all__ = ["cdist", "cpdist", "extract", "extractOne", "extract_iter"]

#: extract and extractOne use every core from this many choices on.
PARALLEL_CHOICES = 16_384
_MAX_WORKERS = 1024
_UINT64_MAX = 2**64 - 1
_FLOAT32 = struct.Struct("f")
_NAN = float("nan")
_ITER_FIRST_CHUNK = 64
_ITER_MAX_CHUNK = 8192


class _Default:
    """A default scorer named by module and function, looked up per call so
    that it works as soon as that module exists."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name
        self._found: Optional[Callable[..., Any]] = None

    def __repr__(self) -> str:
        return f"{self.module.rsplit('.', 1)[-1]}.{self.name}"

    def get(self) -> Callable[..., Any]:
        if self._found is not None:
            return self._found
        import importlib

        try:
            self._found = getattr(importlib.import_module(self.module), self.name)
            return self._found
        except (ImportError, AttributeError):
            raise TypeError(
                f"the default scorer {self!r} is not available in this build of ferrofuzz; "
                "pass scorer= explicitly"
            ) from None


WRatio = _Default("ferrofuzz.fuzz", "WRatio")
ratio = _Default("ferrofuzz.fuzz", "ratio")


def _scorer(scorer: Any) -> Any:
    return scorer.get() if isinstance(scorer, _Default) else scorer


# -- scorer facts -------------------------------------------------------------


class _Native:
    """A ferrofuzz scorer resolved for the library, with rapidfuzz's flags."""

    __slots__ = ("struct", "address", "integral", "higher", "worst", "optimal", "none_is_worst", "allowed")

    def __init__(self, scorer: Any, resolved: Any, allowed: Tuple[str, ...]) -> None:
        self.allowed = allowed
        self.struct = resolved.struct
        #: The struct's address, for the native short-list path (this object
        #: keeps the struct alive).
        self.address = int(ffi.cast("uintptr_t", self.struct))
        self.integral = bool(resolved.integral)
        self.higher = bool(resolved.higher_is_better)
        scale = _scale(scorer, resolved)
        if self.integral:
            self.worst, self.optimal = (0, 2**63 - 1) if self.higher else (2**63 - 1, 0)
        else:
            self.worst, self.optimal = (0.0, scale) if self.higher else (scale, 0.0)
        # rapidfuzz gives a missing (None) element the worst score for
        # float scorers and rejects it for integer ones.
        self.none_is_worst = not self.integral


def _scale(scorer: Any, resolved: Any) -> float:
    """1.0 for normalized scores, 100.0 for fuzz-style percentages."""
    for obj in (resolved, scorer):
        value = getattr(obj, "optimal_score", None) or getattr(obj, "_ffz_optimal_score", None)
        if isinstance(value, (int, float)) and value > 0:
            return float(value)
    parts = str(getattr(scorer, "__module__", "")).split(".")
    return 100.0 if any("fuzz" in p for p in parts[1:]) else 1.0


#: extract over short lists of str in C, in API mode (_fastcall.c); it
#: returns None for any call it does not serve, and _plain_flat goes on.
_fast_extract = getattr(_native_module, "fastcall_extract", None)
#: utils.default_process of a list of ASCII str, packed in C (_fastcall.c).
_fast_pack_processed = getattr(_native_module, "fastcall_pack_processed", None)

#: _Native of each ferrofuzz scorer without scorer_kwargs, made once: the
#: library only reads its struct, so calls and threads share it. Resolving
#: costs about 2 us, a quarter of an extractOne over 10 choices.
_PLAIN: Dict[Any, _Native] = {}
#: (ffz_scorer address, integral) of each scorer of _PLAIN: what the native
#: extract and extractOne read (_native.native_extract_path).
_PLAIN_ADDRESSES: Dict[Any, Tuple[int, bool]] = {}


def _native(scorer: Any, scorer_kwargs: Dict[str, Any]) -> Optional[_Native]:
    """The native form of ``scorer``, or None for a Python callable."""
    if not scorer_kwargs:
        try:
            return _PLAIN[scorer]
        except (KeyError, TypeError):  # not yet made, or unhashable
            pass
    if not callable(scorer):
        raise TypeError(f"'{type(scorer).__name__}' object is not callable")
    try:
        entry = _scorers.NATIVE.get(scorer)
    except TypeError:  # unhashable callable
        return None
    if entry is None:
        return None
    try:
        allowed = tuple(entry[2])
    except (TypeError, IndexError, KeyError):
        allowed = tuple(scorer_kwargs)
    # rapidfuzz ignores scorer_kwargs its scorers do not take.
    kwargs = {k: v for k, v in scorer_kwargs.items() if k in allowed}
    native = _Native(scorer, _scorers.resolve(scorer, kwargs), allowed)
    if not scorer_kwargs:
        _PLAIN[scorer] = native
        _PLAIN_ADDRESSES[scorer] = (native.address, native.integral)
    return native


def _py_flags(scorer: Any, scorer_kwargs: Dict[str, Any]) -> Tuple[Any, Any]:
    """(worst, optimal) of a Python scorer, as rapidfuzz's process_py finds them."""
    params = getattr(scorer, "_RF_ScorerPy", None)
    if params is not None:
        flags = params["get_scorer_flags"](**scorer_kwargs)
        return flags["worst_score"], flags["optimal_score"]
    return 0, 100


# -- argument conversion (rapidfuzz's get_score_cutoff_*) -----------------------


def _as_uint(value: Any, what: str = "uint64_t") -> int:
    """A C unsigned integer from ``value`` as Cython converts it: via
    ``__int__`` (floats truncate), negative or too large: OverflowError."""
    if not hasattr(type(value), "__int__") and not hasattr(type(value), "__index__"):
        raise TypeError("an integer is required")
    as_int = int(value)
    if as_int < 0:
        raise OverflowError(f"can't convert negative value to {what}")
    if as_int > _UINT64_MAX:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return as_int


def _as_float(value: Any) -> float:
    """A C double from ``value`` as Cython converts it (no strings)."""
    tp = type(value)
    if not (hasattr(tp, "__float__") or hasattr(tp, "__index__")) or isinstance(value, (str, bytes)):
        raise TypeError(f"must be real number, not {tp.__name__}")
    return float(value)


def _cutoff(value: Any, native: _Native) -> Optional[float]:
    """A cutoff or hint for the library: None, an integer for integral
    scorers, else a float in [worst, optimal] rounded to float32 (NaN kept)."""
    if value is None:
        return None
    if native.integral:
        return float(_as_uint(value))
    as_float = _as_float(value)
    low, high = sorted((native.worst, native.optimal))
    if as_float < low or as_float > high:
        raise TypeError(f"score_cutoff has to be in the range of {float(low)} - {float(high)}")
    return _FLOAT32.unpack(_FLOAT32.pack(as_float))[0]


def _hint(value: Any, native: _Native) -> Optional[float]:
    """A hint, validated like a cutoff; a NaN hint is dropped (it never
    changes results, and the library rejects NaN)."""
    hint = _cutoff(value, native)
    return None if hint is not None and hint != hint else hint


def _double_ptr(value: Optional[float]) -> Any:
    return ffi.NULL if value is None else ffi.new("double *", value)


def _limit(limit: Any) -> int:
    if isinstance(limit, float):
        limit = int(limit)
    try:
        value = operator.index(limit)
    except TypeError:
        raise TypeError("an integer is required") from None
    if value < 0:
        raise ValueError(f"limit must be None or >= 0, got {value}")
    return value


def _workers(workers: Any) -> int:
    """rapidfuzz's workers: 0 and 1 run on one thread, negative on all cores."""
    if workers is None or not (hasattr(type(workers), "__index__") or isinstance(workers, float)):
        raise TypeError("an integer is required")
    n = int(workers)
    if n < 0:
        return 0
    return min(max(n, 1), _MAX_WORKERS)


# -- choices -------------------------------------------------------------------


def _entries(choices: Any) -> Tuple[Optional[List[Any]], List[Any]]:
    """(keys or None, values) of a mapping (anything with ``items``, such as a
    dict or a pandas Series) or of any other iterable."""
    if hasattr(choices, "items"):
        pairs = list(choices.items())
        return [k for k, _ in pairs], [v for _, v in pairs]
    return None, list(choices)


def _check_processor(processor: Any) -> None:
    if processor not in (None, False) and not callable(processor):
        raise TypeError(f"'{type(processor).__name__}' object is not callable")


def _pack_default_processed(values: List[Any], processor: Any) -> Optional[Packed]:
    """``values`` processed by ``utils.default_process`` and packed in one
    native pass (_fastcall.c), or None: another processor, another backend,
    or an item that is not an ASCII ``str``."""
    if processor is not default_process or _fast_pack_processed is None:
        return None
    found = _fast_pack_processed(values)
    if found is None:
        return None
    data, lengths, units = found
    return Packed(data, lengths, KIND_U8, units, len(values))


def _pack_choices(values: List[Any], processor: Any) -> Tuple[Packed, Optional[List[int]]]:
    """The non-missing values, processed and packed, and their positions in
    ``values`` (None when nothing was left out)."""
    _check_processor(processor)
    fast = _pack_default_processed(values, processor)
    if fast is not None:  # all str: nothing missing
        return fast, None
    if not processor:
        fast = pack_str(values)
        if fast is not None:  # all str: nothing missing
            return fast, None
        positions = [i for i, v in enumerate(values) if not is_none(v)]
        items = values if len(positions) == len(values) else [values[i] for i in positions]
    else:
        positions = [i for i, v in enumerate(values) if not is_none(v)]
        items = [processor(values[i]) for i in positions]
    return pack(items), (None if len(positions) == len(values) else positions)


def _query_str(query: Any) -> Tuple[Any, Any]:
    data, length, kind = to_units(query, "query")
    buf = ffi.from_buffer(data) if length else ffi.NULL
    return ffi.new("ffz_str *", (buf, length, kind))[0], buf


def _score_value(score: float, native: _Native) -> Any:
    return int(score) if native.integral else score


# -- extract ------------------------------------------------------------------


def _native_extract(
    query: Any,
    keys: Optional[List[Any]],
    values: List[Any],
    processor: Any,
    native: _Native,
    limit: int,
    cutoff: Optional[float],
    hint: Optional[float],
) -> List[Tuple[Any, Any, Any]]:
    if not processor and len(values) < INLINE_WORK:
        # Short lists of str: one flat call (all str, so nothing is missing).
        workers = 0 if len(values) >= PARALLEL_CHOICES else 1
        found = extract_flat(query, values, keys, native.struct, native.integral, limit,
                             _NAN if cutoff is None else cutoff, _NAN if hint is None else hint, workers)
        if found is not None:
            return found
    packed, positions = _pack_choices(values, processor)
    n = packed.count
    capacity = min(limit, n)
    out_pos = ffi.new("size_t[]", max(capacity, 1))
    out_scores = ffi.new("double[]", max(capacity, 1))
    written = ffi.new("size_t *")
    qstr, qbuf = _query_str(query)
    workers = 0 if n >= PARALLEL_CHOICES else 1
    cut, hnt = _double_ptr(cutoff), _double_ptr(hint)

    def call(cancel: Any) -> int:
        return lib.ffz_process_extract(
            qstr, packed.ptr, native.struct, limit, cut, hnt, workers, cancel, out_pos, out_scores, written
        )

    run(call, n, (packed,))
    del qbuf
    results = []
    for i in range(written[0]):
        p = out_pos[i]
        if positions is not None:
            p = positions[p]
        results.append((values[p], _score_value(out_scores[i], native), p if keys is None else keys[p]))
    return results


def _py_extract_one(query, keys, values, scorer, processor, cutoff, worst, optimal, kwargs):
    """rapidfuzz's py_extractOne_list / py_extractOne_dict."""
    lowest_score_worst = optimal > worst
    kwargs = dict(kwargs)
    kwargs["score_cutoff"] = cutoff
    result = None
    for i, choice in enumerate(values):
        if is_none(choice):
            continue
        score = scorer(query, choice if processor is None else processor(choice), **kwargs)
        if lowest_score_worst:
            if score >= cutoff and (result is None or score > result[1]):
                cutoff = kwargs["score_cutoff"] = score
                result = (choice, score, i if keys is None else keys[i])
        else:
            if score <= cutoff and (result is None or score < result[1]):
                cutoff = kwargs["score_cutoff"] = score
                result = (choice, score, i if keys is None else keys[i])
        if score == optimal:
            break
    return result


def _py_iter(query, keys, values, scorer, processor, cutoff, worst, optimal, kwargs, skip_none_after=False):
    """rapidfuzz's py_extract_iter_list / py_extract_iter_dict."""
    lowest_score_worst = optimal > worst
    kwargs = dict(kwargs)
    kwargs["score_cutoff"] = cutoff
    for i, choice in enumerate(values):
        if is_none(choice):
            continue
        proc = choice if processor is None else processor(choice)
        if skip_none_after and processor is not None and is_none(proc):
            continue
        score = scorer(query, proc, **kwargs)
        if (score >= cutoff) if lowest_score_worst else (score <= cutoff):
            yield (choice, score, i if keys is None else keys[i])


def extractOne(
    query: Any,
    choices: Any,
    *,
    scorer: Any = WRatio,
    processor: Optional[Callable[[Any], Any]] = None,
    score_cutoff: Any = None,
    score_hint: Any = None,
    scorer_kwargs: Optional[Mapping[str, Any]] = None,
) -> Optional[Tuple[Any, Any, Any]]:
    """The best choice for ``query`` as (choice, score, index or key), or
    None when no choice passes ``score_cutoff``. Ties go to the first choice.
    See ``rapidfuzz.process.extractOne``."""
    if (score_hint is scorer_kwargs is None and (processor is None or processor is default_process)
            and query.__class__ is str and choices.__class__ is list):
        found = _plain_flat(query, choices, scorer, 1, score_cutoff, processor)
        if found is not None:
            return found[0] if found else None
    scorer = _scorer(scorer)
    kwargs = dict(scorer_kwargs) if scorer_kwargs else {}
    native = _native(scorer, kwargs)
    if is_none(query):
        return None
    if callable(processor):
        query = processor(query)
    keys, values = _entries(choices)
    if native is None:
        worst, optimal = _py_flags(scorer, kwargs)
        cutoff = worst if score_cutoff is None else score_cutoff
        return _py_extract_one(query, keys, values, scorer, processor, cutoff, worst, optimal, kwargs)
    cutoff = _cutoff(score_cutoff, native)
    hint = _hint(score_hint, native)
    if cutoff is not None and cutoff != cutoff:  # NaN: nothing passes
        return None
    try:
        found = _native_extract(query, keys, values, processor, native, 1, cutoff, hint)
    except TypeError:
        # A choice that cannot be converted: rapidfuzz converts lazily and
        # stops at a perfect score, so repeat the scan choice by choice.
        cut = native.worst if cutoff is None else _score_value(cutoff, native)
        return _py_extract_one(query, keys, values, scorer, processor, cut, native.worst, native.optimal, _kw(native, kwargs))
    return found[0] if found else None


def _plain_flat(
    query: Any, choices: Any, scorer: Any, limit: int, score_cutoff: Any = None, processor: Any = None,
) -> Optional[List[Tuple[Any, Any, Any]]]:
    """extract's results for the common call, in one flat library call
    (``_batch.extract_flat``), or None for the general path. The caller has
    checked: a ``str`` query, a ``list`` of choices, no hint or
    scorer_kwargs, no processor or ``utils.default_process`` (which only the
    native path applies). ``limit`` and ``score_cutoff`` may be anything."""
    if scorer.__class__ is _Default:
        scorer = scorer.get()
    try:
        native = _PLAIN.get(scorer)  # set by the first general call
    except TypeError:  # unhashable
        return None
    n = len(choices)
    if native is None or n >= INLINE_WORK:
        return None
    if limit is None or (limit.__class__ is int and limit > n):
        limit = n
    if limit.__class__ is not int or limit <= 0:
        return None
    cutoff = _NAN
    if score_cutoff is not None:
        # The general path raises for a bad cutoff, and a NaN one passes
        # nothing; both are left to it.
        try:
            cutoff = _cutoff(score_cutoff, native)
        except (TypeError, ValueError, OverflowError):
            return None
        if cutoff != cutoff:
            return None
    if _fast_extract is not None:
        found = _fast_extract(query, choices, native.address, limit, native.integral, cutoff, processor is not None)
        if found is not None:
            return found
    if processor is not None:
        return None  # only the native path applies it
    return extract_flat(query, choices, None, native.struct, native.integral, limit, cutoff, _NAN,
                        0 if n >= PARALLEL_CHOICES else 1)


def _kw(native: _Native, kwargs: Dict[str, Any]) -> Dict[str, Any]:
    """The scorer_kwargs the ferrofuzz scorer function accepts."""
    return {k: v for k, v in kwargs.items() if k in native.allowed}


def extract(
    query: Any,
    choices: Any,
    *,
    scorer: Any = WRatio,
    processor: Optional[Callable[[Any], Any]] = None,
    limit: Optional[int] = 5,
    score_cutoff: Any = None,
    score_hint: Any = None,
    scorer_kwargs: Optional[Mapping[str, Any]] = None,
) -> List[Tuple[Any, Any, Any]]:
    """The best ``limit`` choices for ``query`` (None: all that pass
    ``score_cutoff``) as (choice, score, index or key), best first, ties in
    list order. See ``rapidfuzz.process.extract``."""
    if (score_hint is scorer_kwargs is None and (processor is None or processor is default_process)
            and query.__class__ is str and choices.__class__ is list):
        found = _plain_flat(query, choices, scorer, limit, score_cutoff, processor)
        if found is not None:
            return found
    scorer = _scorer(scorer)
    kwargs = dict(scorer_kwargs) if scorer_kwargs else {}
    if is_none(query):
        return []
    try:
        n = len(choices)
    except TypeError:
        choices = list(choices)
        n = len(choices)
    if limit is None or limit > n:
        limit = n
    limit = _limit(limit)
    if limit == 1:
        found = extractOne(
            query, choices, scorer=scorer, processor=processor, score_cutoff=score_cutoff,
            score_hint=score_hint, scorer_kwargs=kwargs,
        )
        return [] if found is None else [found]
    if callable(processor):
        query = processor(query)
    native = _native(scorer, kwargs)
    keys, values = _entries(choices)
    if native is None:
        worst, optimal = _py_flags(scorer, kwargs)
        cutoff = worst if score_cutoff is None else score_cutoff
        found_all = list(_py_iter(query, keys, values, scorer, processor, cutoff, worst, optimal, kwargs))
        pick = heapq.nlargest if optimal > worst else heapq.nsmallest
        return pick(limit, found_all, key=lambda r: r[1])
    cutoff = _cutoff(score_cutoff, native)
    hint = _hint(score_hint, native)
    if limit == 0 or (cutoff is not None and cutoff != cutoff):
        _pack_choices(values, processor)  # rapidfuzz still processes (and checks) them
        return []
    return _native_extract(query, keys, values, processor, native, limit, cutoff, hint)


# In API mode the common calls of extract and extractOne (a str query, a
# list, a ready scorer, no cutoff) are served in C, without the frames
# above; every other call goes to them (_native.native_extract_path).
extractOne = _native_module.native_extract_path(extractOne, _PLAIN_ADDRESSES, True)
extract = _native_module.native_extract_path(extract, _PLAIN_ADDRESSES, False)


def extract_iter(
    query: Any,
    choices: Any,
    *,
    scorer: Any = WRatio,
    processor: Optional[Callable[[Any], Any]] = None,
    score_cutoff: Any = None,
    score_hint: Any = None,
    scorer_kwargs: Optional[Mapping[str, Any]] = None,
) -> Iterator[Tuple[Any, Any, Any]]:
    """Yields (choice, score, index or key) for every choice that passes
    ``score_cutoff``, in list order. See ``rapidfuzz.process.extract_iter``.
    Scores are computed by the library in growing chunks."""
    scorer = _scorer(scorer)
    kwargs = dict(scorer_kwargs) if scorer_kwargs else {}
    if is_none(query):
        return
    if callable(processor):
        query = processor(query)
    native = _native(scorer, kwargs)
    keys, values = _entries(choices) if hasattr(choices, "items") else (None, choices)
    if native is None:
        worst, optimal = _py_flags(scorer, kwargs)
        cutoff = worst if score_cutoff is None else score_cutoff
        yield from _py_iter(query, keys, values, scorer, processor, cutoff, worst, optimal, kwargs)
        return
    cutoff = _cutoff(score_cutoff, native)
    hint = _hint(score_hint, native)
    if cutoff is not None and cutoff != cutoff:
        return
    yield from _native_iter(query, keys, values, scorer, processor, native, cutoff, hint, kwargs)


def _native_iter(query, keys, values, scorer, processor, native, cutoff, hint, kwargs):
    row = _Row(query, native, cutoff, hint)
    higher = native.higher
    source = iter(values)
    chunk_size = _ITER_FIRST_CHUNK
    start = 0
    while True:
        chunk = []
        for item in source:
            chunk.append(item)
            if len(chunk) >= chunk_size:
                break
        if not chunk:
            return
        positions: List[int] = []
        proc: List[Any] = []
        failure: Optional[BaseException] = None
        for i, v in enumerate(chunk):
            if is_none(v):
                continue
            if processor is not None:
                try:
                    v = processor(v)
                except Exception as e:  # raised after the choices before it are yielded
                    failure = e
                    break
                if is_none(v):  # rapidfuzz skips choices the processor maps to None
                    continue
            positions.append(i)
            proc.append(v)
        scores = None
        if failure is None:
            try:
                scores = row.scores(proc)
            except (TypeError, ValueError):
                pass
        if scores is None:
            # Score choice by choice to yield what precedes the failing one,
            # then raise there, as rapidfuzz's lazy loop does.
            cut = native.worst if cutoff is None else _score_value(cutoff, native)
            kw = _kw(native, kwargs)
            kw["score_cutoff"] = cut
            for k, i in enumerate(positions):
                score = scorer(query, proc[k], **kw)
                if score >= cut if higher else score <= cut:
                    pos = start + i
                    yield (chunk[i], score, pos if keys is None else keys[pos])
            if failure is not None:
                raise failure
        else:
            for k, i in enumerate(positions):
                score = scores[k]
                if cutoff is None or (score >= cutoff if higher else score <= cutoff):
                    pos = start + i
                    yield (chunk[i], _score_value(score, native), pos if keys is None else keys[pos])
        start += len(chunk)
        chunk_size = min(chunk_size * 4, _ITER_MAX_CHUNK)


class _Row:
    """Scores one query against lists of choices through the library."""

    def __init__(self, query: Any, native: _Native, cutoff: Optional[float], hint: Optional[float]) -> None:
        self.query = pack([query], "query")
        self.native = native
        self.cutoff = _double_ptr(cutoff)
        self.hint = _double_ptr(hint)

    def scores(self, items: List[Any]) -> List[float]:
        packed = pack(items)
        n = packed.count
        out = ffi.new("double[]", max(n, 1))
        run(
            lambda cancel: lib.ffz_process_cdist(
                self.query.ptr, packed.ptr, self.native.struct, self.cutoff, self.hint, 1.0,
                lib.FFZ_DTYPE_FLOAT64, 1, cancel, out, n,
            ),
            n,
            (self.query, packed),
        )
        return ffi.unpack(out, n)


# -- cdist / cpdist --------------------------------------------------------------


def _numpy() -> Any:
    try:
        import numpy
    except ImportError as e:
        # Ctrl-C during numpy's (slow) first import can surface as an
        # ImportError raised while handling the KeyboardInterrupt: report
        # the interrupt, not a missing numpy.
        cause: Optional[BaseException] = e
        while cause is not None:
            if isinstance(cause, KeyboardInterrupt):
                raise KeyboardInterrupt from e
            cause = cause.__cause__ or cause.__context__
        raise ImportError(
            "ferrofuzz.process.cdist and cpdist return numpy arrays and need numpy: pip install numpy"
        ) from None
    return numpy


_DTYPE_IDS = {
    "float32": 1, "float64": 2, "int8": 3, "int16": 4, "int32": 5,
    "int64": 6, "uint8": 7, "uint16": 8, "uint32": 9, "uint64": 10,
}


def _dtype(np: Any, dtype: Any, default: Any) -> Tuple[Any, int]:
    """The numpy dtype and the library's FFZ_DTYPE_* id; TypeError when
    rapidfuzz does not support it."""
    dt = np.dtype(default if dtype is None else dtype)
    for name, ident in _DTYPE_IDS.items():
        if dt == np.dtype(name):
            return np.dtype(name), ident
    raise TypeError(f"unsupported dtype: {dt}")


def _py_default_dtype(scorer: Any, kwargs: Dict[str, Any]) -> str:
    params = getattr(scorer, "_RF_ScorerPy", None)
    if params is not None:
        flags = params["get_scorer_flags"](**kwargs)["flags"]
        if flags & (1 << 6):  # RESULT_I64
            return "int32"
        if flags & (1 << 7):  # RESULT_SIZE_T
            return "uint32"
    return "float32"


def _to_dtype(np: Any, values: Any, dt: Any) -> Any:
    """Doubles converted as rapidfuzz's Matrix::set converts them: floats by
    C conversion, integers by llround (INT64_MIN when out of range) then
    truncation to the type's width."""
    values = np.asarray(values, dtype=np.float64)
    if dt.kind == "f":
        with np.errstate(over="ignore", invalid="ignore"):
            return values.astype(dt)
    mag = np.abs(values)
    with np.errstate(invalid="ignore"):
        rounded = np.floor(mag)
        rounded = np.copysign(rounded + ((mag - rounded) >= 0.5), values)
        ok = (rounded >= -(2.0**63)) & (rounded < 2.0**63)
    ints = np.where(ok, rounded, 0).astype(np.int64)
    ints[~ok] = np.iinfo(np.int64).min
    return ints.astype(dt)


def _multiplier(value: Any, native: _Native) -> float:
    if native.integral:
        return float(_as_uint(value, "size_t"))
    return _as_float(value)


def _fill(np: Any, out: Any, where: Any, value: float, native: _Native, multiplier: float) -> None:
    """Writes the worst score (converted like any cell) into ``out[where]``."""
    if native.integral:
        scaled = float((int(value) * int(multiplier)) % 2**64)
        converted = _to_dtype(np, [scaled], out.dtype) if out.dtype.kind == "f" else np.array(
            [int(scaled) % 2**64], dtype=np.uint64).astype(np.int64).astype(out.dtype)
    else:
        converted = _to_dtype(np, [value * multiplier], out.dtype)
    out[where] = converted[0]


def _prepare_matrix_side(values: List[Any], processor: Any, native: _Native) -> Tuple[Packed, List[int]]:
    """The values, processed and packed, and the positions of missing ones
    (packed as empty strings, given the worst score afterwards). Integer
    scorers reject missing values, as in rapidfuzz."""
    _check_processor(processor)
    fast = _pack_default_processed(values, processor)
    if fast is not None:  # all str: nothing missing
        return fast, []
    if not processor:
        fast = pack_str(values)
        if fast is not None:
            return fast, []
    missing: List[int] = []
    items: List[Any] = []
    for i, v in enumerate(values):
        if is_none(v) and native.none_is_worst:
            missing.append(i)
            items.append("")
        elif processor:  # integer scorers pass even missing values to it, as rapidfuzz does
            items.append(processor(v))
        elif is_none(v):
            raise ValueError(f"passed unsupported element {v}")
        else:
            items.append(v)
    return pack(items), missing


def _sized(items: Any) -> List[Any]:
    return items if isinstance(items, list) else list(items)


def cdist(
    queries: Any,
    choices: Any,
    *,
    scorer: Any = ratio,
    processor: Optional[Callable[[Any], Any]] = None,
    score_cutoff: Any = None,
    score_hint: Any = None,
    score_multiplier: Any = 1,
    dtype: Any = None,
    workers: int = 1,
    scorer_kwargs: Optional[Mapping[str, Any]] = None,
) -> Any:
    """The score of every query against every choice, as a numpy array of
    ``len(queries)`` rows and ``len(choices)`` columns. ``dtype`` defaults to
    float32 (normalized scorers) or uint32 (distances and similarities);
    integer dtypes get rounded, wrapped values as in rapidfuzz.
    ``workers=-1`` uses every core. See ``rapidfuzz.process.cdist``."""
    np = _numpy()
    scorer = _scorer(scorer)
    kwargs = dict(scorer_kwargs) if scorer_kwargs else {}
    native = _native(scorer, kwargs)
    same = queries is choices
    if native is None:
        return _py_matrix(np, queries, choices, scorer, processor, score_cutoff, score_multiplier, dtype, kwargs, pairwise=False)
    dt, dtype_id = _dtype(np, dtype, "uint32" if native.integral else "float32")
    cutoff = _cutoff(score_cutoff, native)
    hint = _hint(score_hint, native)
    multiplier = _multiplier(score_multiplier, native)
    n_workers = _workers(workers)
    choice_list = _sized(choices)
    query_list = choice_list if same else _sized(queries)
    out = np.empty((len(query_list), len(choice_list)), dtype=dt)
    if cutoff is not None and cutoff != cutoff:  # NaN: every cell fails it
        _fill(np, out, Ellipsis, native.worst, native, multiplier)
        return out
    packed_c, missing_c = _prepare_matrix_side(choice_list, processor, native)
    packed_q, missing_q = (None, missing_c) if same else _prepare_matrix_side(query_list, processor, native)
    if out.size:
        cut, hnt = _double_ptr(cutoff), _double_ptr(hint)
        buf = ffi.from_buffer(out, require_writable=True)
        qptr = ffi.NULL if packed_q is None else packed_q.ptr
        run(
            lambda cancel: lib.ffz_process_cdist(
                qptr, packed_c.ptr, native.struct, cut, hnt, multiplier, dtype_id, n_workers, cancel, buf, out.size
            ),
            out.size,
            (packed_c,) if packed_q is None else (packed_q, packed_c),
        )
    if missing_q:
        _fill(np, out, (missing_q, slice(None)), native.worst, native, multiplier)
    if missing_c:
        _fill(np, out, (slice(None), missing_c), native.worst, native, multiplier)
    return out


def cpdist(
    queries: Any,
    choices: Any,
    *,
    scorer: Any = ratio,
    processor: Optional[Callable[[Any], Any]] = None,
    score_cutoff: Any = None,
    score_hint: Any = None,
    score_multiplier: Any = 1,
    dtype: Any = None,
    workers: int = 1,
    scorer_kwargs: Optional[Mapping[str, Any]] = None,
) -> Any:
    """The score of ``queries[i]`` against ``choices[i]`` for every i, as a
    one-dimensional numpy array; the lists must have the same length
    (ValueError otherwise). See ``rapidfuzz.process.cpdist``."""
    if len(queries) != len(choices):
        raise ValueError("Length of queries and choices must be the same!")
    np = _numpy()
    scorer = _scorer(scorer)
    kwargs = dict(scorer_kwargs) if scorer_kwargs else {}
    native = _native(scorer, kwargs)
    if native is None:
        return _py_matrix(np, queries, choices, scorer, processor, score_cutoff, score_multiplier, dtype, kwargs, pairwise=True)
    dt, dtype_id = _dtype(np, dtype, "uint32" if native.integral else "float32")
    cutoff = _cutoff(score_cutoff, native)
    hint = _hint(score_hint, native)
    multiplier = _multiplier(score_multiplier, native)
    n_workers = _workers(workers)
    query_list, choice_list = _sized(queries), _sized(choices)
    out = np.empty(len(query_list), dtype=dt)
    if cutoff is not None and cutoff != cutoff:
        _fill(np, out, Ellipsis, native.worst, native, multiplier)
        return out
    packed_q, missing_q = _prepare_matrix_side(query_list, processor, native)
    packed_c, missing_c = _prepare_matrix_side(choice_list, processor, native)
    if out.size:
        cut, hnt = _double_ptr(cutoff), _double_ptr(hint)
        buf = ffi.from_buffer(out, require_writable=True)
        run(
            lambda cancel: lib.ffz_process_cpdist(
                packed_q.ptr, packed_c.ptr, native.struct, cut, hnt, multiplier, dtype_id, n_workers, cancel, buf, out.size
            ),
            out.size,
            (packed_q, packed_c),
        )
    missing = sorted(set(missing_q) | set(missing_c))
    if missing:
        _fill(np, out, missing, native.worst, native, multiplier)
    return out


def _py_matrix(np, queries, choices, scorer, processor, score_cutoff, score_multiplier, dtype, kwargs, pairwise):
    """rapidfuzz's cdist_py / cpdist_py: a Python scorer called per pair."""
    if dtype is None:
        dt = np.dtype(_py_default_dtype(scorer, kwargs))
    else:
        dt, _ = _dtype(np, dtype, None)
    multiplier = _as_float(score_multiplier)

    def prep(items: Iterable[Any]) -> List[Any]:
        if not processor:
            return list(items)
        return [q if is_none(q) else processor(q) for q in items]

    proc_q, proc_c = prep(queries), prep(choices)
    kwargs = dict(kwargs)
    kwargs["score_cutoff"] = score_cutoff
    if pairwise:
        raw = np.empty(len(proc_q), dtype=np.float64)
        for i in range(len(proc_q)):
            raw[i] = float(scorer(proc_q[i], proc_c[i], **kwargs)) * multiplier
    else:
        raw = np.empty((len(proc_q), len(proc_c)), dtype=np.float64)
        for i, q in enumerate(proc_q):
            for j, c in enumerate(proc_c):
                raw[i, j] = float(scorer(q, c, **kwargs)) * multiplier
    return _to_dtype(np, raw, dt)
