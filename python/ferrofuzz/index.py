"""``ferrofuzz.Index``: a corpus encoded once in the library and searched many
times, without converting the choices again for every query.

Levenshtein, Indel and OSA searches run through a pruned trie and give exactly
the results of a brute-force scan; other scorers scan in parallel. See
docs/index.md for how it works and what it costs.
"""

from __future__ import annotations

import os
import threading
from typing import (
    Any,
    Callable,
    Hashable,
    Iterable,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _scorers
from ._convert import UTF32, to_units
from ._errors import check
from ._native import ffi, lib
from .distance import Levenshtein
from .distance._params import as_float32

Choice = Union[str, bytes, Sequence[Hashable]]
Key = Union[str, int]
Result = Tuple[Any, Union[int, float], Any]

# Queries per library call in search_many: small enough that Ctrl-C, which
# Python only sees between calls, stops a long batch within a moment.
_SEARCH_CHUNK = 512
# Limits up to this use result arrays allocated by Python; larger ones let
# the library size the result to what it found.
_CALLER_BUFFER_MAX = 64
_INT64 = (-(2**63), 2**63 - 1)


class DuplicateGroup(NamedTuple):
    """One group of near-duplicates: positions ascending, with their choices."""

    indices: List[int]
    choices: List[Any]


def _ffz_strs(items: Sequence[Any], what: str) -> Tuple[Any, Any]:
    """An ``ffz_str[]`` over ``items`` and the buffer it points into."""
    pieces: List[bytes] = []
    spans: List[Tuple[int, int, int]] = []
    offset = 0
    for i, item in enumerate(items):
        data, length, kind = to_units(item, f"{what}[{i}]")
        pieces.append(data)
        spans.append((offset, length, kind))
        offset += len(data)
    blob = ffi.from_buffer(b"".join(pieces)) if offset else None
    base = ffi.cast("const char *", blob) if blob is not None else ffi.NULL
    array = ffi.new("ffz_str[]", max(len(items), 1))
    for i, (start, length, kind) in enumerate(spans):
        entry = array[i]
        entry.data = base + start if length else ffi.NULL
        entry.len = length
        entry.kind = kind
    return array, blob


def _ffz_keys(keys: Sequence[Any]) -> Tuple[Any, List[Any]]:
    array = ffi.new("ffz_key[]", max(len(keys), 1))
    keep: List[Any] = []
    for i, key in enumerate(keys):
        entry = array[i]
        if key is None:
            entry.kind = lib.FFZ_KEY_NONE
        elif isinstance(key, bool) or not isinstance(key, (str, int)):
            raise TypeError(f"keys must be str or int, got {type(key).__name__} at {i}")
        elif isinstance(key, int):
            if not _INT64[0] <= key <= _INT64[1]:
                raise ValueError(f"integer key {key} does not fit in 64 bits")
            entry.kind = lib.FFZ_KEY_INT
            entry.int_value = key
        else:
            data = key.encode("utf-8", "surrogatepass")
            buf = ffi.new("char[]", data) if data else ffi.NULL
            keep.append(buf)
            entry.kind = lib.FFZ_KEY_TEXT
            entry.text = buf
            entry.text_len = len(data)
    return array, keep


def _choice_from_units(data: bytes, kind: int) -> Any:
    if kind == lib.FFZ_KIND_U8:
        return data.decode("latin-1")
    if kind == lib.FFZ_KIND_U32:
        return data.decode(UTF32, "surrogatepass")
    # Sequences of hashables are stored as hashes; their elements are gone.
    return tuple(int.from_bytes(data[i : i + 8], "little", signed=True) for i in range(0, len(data), 8))


class Index:
    """A searchable list of choices, each with an optional key.

    ``Index(choices)`` copies the choices into the library. ``choices`` may
    be a Mapping, whose keys become the choices' keys (str or int), or any
    iterable together with ``keys=``. Search results carry a choice's key
    when it has one, and its position otherwise.

    Use it as a context manager, or call :meth:`close`, to free it at a known
    time; it is also freed when garbage-collected. Searches may run from many
    threads at once (the library releases the GIL), and :meth:`add` from any
    thread is serialised with them. :meth:`close` while another thread
    searches is safe: the memory is freed when the search ends, and later
    calls raise ValueError.
    """

    def __init__(self, choices: Union[Iterable[Choice], Mapping[Key, Choice]] = (), *, keys: Optional[Iterable[Key]] = None) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._ptr: Any = None
        self._closed = False
        self._choices: List[Any] = []
        self._keys: Optional[List[Any]] = None
        out = ffi.new("ffz_index **")
        check(lib.ffz_index_new(ffi.NULL, 0, out))
        self._ptr = out[0]
        if isinstance(choices, Mapping):
            if keys is not None:
                raise TypeError("pass keys either as a Mapping's keys or as keys=, not both")
            keys, choices = list(choices.keys()), list(choices.values())
        self.extend(choices, keys=keys)

    # -- lifetime ---------------------------------------------------------

    def _acquire(self) -> Any:
        with self._lock:
            if self._ptr is None:
                raise ValueError("Index is closed")
            self._users += 1
            return self._ptr

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            if self._users == 0 and self._closed and self._ptr is not None:
                ptr, self._ptr = self._ptr, None
                lib.ffz_index_free(ptr)

    def _call(self, fn: Callable[..., int], *args: Any) -> None:
        ptr = self._acquire()
        try:
            check(fn(ptr, *args))
        finally:
            self._release()

    def close(self) -> None:
        """Frees the index. Further use raises ValueError. Idempotent."""
        lock = getattr(self, "_lock", None)
        if lock is None:
            return
        with lock:
            self._closed = True
            if self._users == 0 and self._ptr is not None:
                ptr, self._ptr = self._ptr, None
                lib.ffz_index_free(ptr)

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> "Index":
        if self._closed:
            raise ValueError("Index is closed")
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: module globals may be gone
            pass

    # -- contents ---------------------------------------------------------

    def add(self, choice: Choice, *, key: Optional[Key] = None) -> int:
        """Appends one choice (with an optional key); returns its position."""
        return self.extend([choice], keys=None if key is None else [key])

    def extend(self, choices: Iterable[Choice], keys: Optional[Iterable[Key]] = None) -> int:
        """Appends choices (with optional keys); returns the first position."""
        items = list(choices)
        key_list = None if keys is None else list(keys)
        if key_list is not None and len(key_list) != len(items):
            raise ValueError(f"got {len(key_list)} keys for {len(items)} choices")
        array, keep = _ffz_strs(items, "choices")
        key_array, key_keep = _ffz_keys(key_list) if key_list is not None else (ffi.NULL, None)
        first = ffi.new("size_t *")
        with self._lock:  # keeps Python's lists in step with the library's order
            if self._ptr is None:
                raise ValueError("Index is closed")
            check(lib.ffz_index_add(self._ptr, array, key_array, len(items), first))
            if self._keys is None and key_list is not None and any(k is not None for k in key_list):
                self._keys = [None] * len(self._choices)
            self._choices.extend(items)
            if self._keys is not None:
                self._keys.extend(key_list if key_list is not None else [None] * len(items))
        del keep, key_keep
        return int(first[0])

    def __len__(self) -> int:
        out = ffi.new("size_t *")
        self._call(lib.ffz_index_len, out)
        return int(out[0])

    def __getitem__(self, position: int) -> Any:
        """The choice at ``position`` (negative positions count from the end)."""
        n = len(self._choices)
        if not isinstance(position, int) or isinstance(position, bool):
            raise TypeError(f"Index positions must be integers, not {type(position).__name__}")
        if position < 0:
            position += n
        if not 0 <= position < n:
            raise IndexError("Index position out of range")
        if self._closed:
            raise ValueError("Index is closed")
        return self._choices[position]

    def __iter__(self) -> Iterator[Any]:
        if self._closed:
            raise ValueError("Index is closed")
        return iter(list(self._choices))

    def key(self, position: int) -> Optional[Key]:
        """The key of the choice at ``position``, or None if it has none."""
        self[position]  # range and closed checks
        return None if self._keys is None else self._keys[position]

    def memory_usage(self) -> int:
        """Bytes of memory the library holds for this index."""
        out = ffi.new("size_t *")
        self._call(lib.ffz_index_memory, out)
        return int(out[0])

    # -- queries ----------------------------------------------------------

    def _limit(self, limit: Optional[int]) -> int:
        n = len(self._choices)
        if limit is None:
            return n
        if not isinstance(limit, int) or isinstance(limit, bool):
            raise TypeError(f"limit must be an int or None, not {type(limit).__name__}")
        if limit < 0:
            raise ValueError(f"limit must be >= 0, got {limit}")
        return min(limit, n)

    @staticmethod
    def _cutoff(score_cutoff: Optional[float], native: Any) -> Any:
        if score_cutoff is None:
            return ffi.NULL
        try:
            value = float(score_cutoff)
        except (TypeError, ValueError):
            raise TypeError(f"score_cutoff must be a number, not {type(score_cutoff).__name__}") from None
        if value != value:
            raise ValueError("score_cutoff must not be NaN")
        if not native.integral:
            value = as_float32(value)  # as rapidfuzz rounds it
        return ffi.new("double *", value)

    def _results(self, positions: Any, scores: Any, count: int, integral: bool) -> List[Result]:
        choices, keys = self._choices, self._keys
        out = []
        for i in range(count):
            p = int(positions[i])
            score = int(scores[i]) if integral else scores[i]
            label = p if keys is None or keys[p] is None else keys[p]
            out.append((choices[p], score, label))
        return out

    def search(
        self,
        query: Choice,
        *,
        limit: Optional[int] = 5,
        scorer: Any = Levenshtein.normalized_similarity,
        score_cutoff: Optional[float] = None,
        processor: Optional[Callable[[Any], Any]] = None,
        scorer_kwargs: Optional[Mapping[str, Any]] = None,
    ) -> List[Result]:
        """The best ``limit`` choices for ``query`` as (choice, score, key).

        ``key`` is the choice's key, or its position if it has none. Ordered
        as ``rapidfuzz.process.extract`` orders them: best score first
        (highest similarity, lowest distance), ties by position.
        ``limit=None`` returns every choice that passes ``score_cutoff``;
        ``scorer=Levenshtein.distance, score_cutoff=2, limit=None`` finds
        every choice within distance 2. ``processor`` is applied to the
        query only; the choices were stored as given.
        """
        native = _scorers.resolve(scorer, scorer_kwargs)
        if processor is not None:
            query = processor(query)
        limit = self._limit(limit)
        cutoff = self._cutoff(score_cutoff, native)
        if limit > _CALLER_BUFFER_MAX:
            # Few of many possible results: let the library size the result.
            return self._search_chunk([query], native, limit, cutoff, 0)[0]
        data, length, kind = to_units(query, "query")
        positions = ffi.new("size_t[]", max(limit, 1))
        scores = ffi.new("double[]", max(limit, 1))
        count = ffi.new("size_t *")
        query_str = ffi.new("ffz_str *")
        buf = ffi.from_buffer(data) if data else None
        query_str.data = buf if buf is not None else ffi.NULL
        query_str.len = length
        query_str.kind = kind
        self._call(lib.ffz_index_search, query_str[0], native.struct, limit, cutoff, positions, scores, count)
        return self._results(positions, scores, count[0], native.integral)

    def _search_chunk(self, queries: List[Any], native: Any, limit: int, cutoff: Any, workers: int) -> List[List[Result]]:
        """One ``ffz_index_search_many`` call; results sized by the library."""
        array, keep = _ffz_strs(queries, "queries")
        out = ffi.new("ffz_matches **")
        self._call(lib.ffz_index_search_many, array, len(queries), native.struct, limit, cutoff, workers, out)
        matches = out[0]
        results = []
        try:
            count, written = ffi.new("size_t *"), ffi.new("size_t *")
            for q in range(len(queries)):
                check(lib.ffz_matches_count(matches, q, count))
                positions = ffi.new("size_t[]", max(count[0], 1))
                scores = ffi.new("double[]", max(count[0], 1))
                check(lib.ffz_matches_copy(matches, q, positions, scores, count[0], written))
                results.append(self._results(positions, scores, written[0], native.integral))
        finally:
            lib.ffz_matches_free(matches)
        del keep
        return results

    def search_many(
        self,
        queries: Iterable[Choice],
        *,
        limit: Optional[int] = 5,
        scorer: Any = Levenshtein.normalized_similarity,
        score_cutoff: Optional[float] = None,
        processor: Optional[Callable[[Any], Any]] = None,
        scorer_kwargs: Optional[Mapping[str, Any]] = None,
        workers: int = 1,
    ) -> List[List[Result]]:
        """:meth:`search` for many queries, run in parallel inside the library.

        ``workers`` threads are used (-1: one per core). The work is sent in
        chunks, so Ctrl-C stops a long batch promptly.
        """
        native = _scorers.resolve(scorer, scorer_kwargs)
        items = list(queries)
        if processor is not None:
            items = [processor(q) for q in items]
        limit = self._limit(limit)
        cutoff = self._cutoff(score_cutoff, native)
        n_workers = _workers(workers)
        results: List[List[Result]] = []
        for start in range(0, len(items), _SEARCH_CHUNK):
            results.extend(self._search_chunk(items[start : start + _SEARCH_CHUNK], native, limit, cutoff, n_workers))
        return results

    def dedupe(
        self,
        *,
        threshold: float,
        scorer: Any = Levenshtein.normalized_similarity,
        scorer_kwargs: Optional[Mapping[str, Any]] = None,
        workers: int = 1,
    ) -> List[DuplicateGroup]:
        """Groups of near-duplicate choices.

        Two choices are joined when the score of one against the other
        passes ``threshold`` (at least it for a similarity, at most it for a
        distance). Groups are the connected components of those joins, so a
        chain a~b~c is one group even if a and c are not similar. Choices
        with no near-duplicate are not listed. Groups are ordered by their
        first position; positions ascend within a group.
        """
        native = _scorers.resolve(scorer, scorer_kwargs)
        try:
            value = float(threshold)
        except (TypeError, ValueError):
            raise TypeError(f"threshold must be a number, not {type(threshold).__name__}") from None
        if value != value:
            raise ValueError("threshold must not be NaN")
        out = ffi.new("ffz_groups **")
        self._call(lib.ffz_index_dedupe, native.struct, value, _workers(workers), out)
        groups = out[0]
        try:
            count, size, written = ffi.new("size_t *"), ffi.new("size_t *"), ffi.new("size_t *")
            check(lib.ffz_groups_len(groups, count))
            result = []
            for g in range(count[0]):
                check(lib.ffz_groups_size(groups, g, size))
                members = ffi.new("size_t[]", size[0])
                check(lib.ffz_groups_copy(groups, g, members, size[0], written))
                indices = [int(members[i]) for i in range(written[0])]
                result.append(DuplicateGroup(indices, [self._choices[i] for i in indices]))
            return result
        finally:
            lib.ffz_groups_free(groups)

    # -- persistence ------------------------------------------------------

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the index to ``path`` atomically (see docs/index.md)."""
        raw = os.fsencode(path)
        self._call(lib.ffz_index_save, raw, len(raw))

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Index":
        """Reads an index written by :meth:`save`. A missing or unreadable file
        raises OSError; a file that is not a valid index raises ValueError."""
        raw = os.fsencode(path)
        out = ffi.new("ffz_index **")
        check(lib.ffz_index_load(raw, len(raw), out))
        return cls._adopt(out[0])

    def to_bytes(self) -> bytes:
        """The index in the file format of :meth:`save`."""
        out = ffi.new("ffz_bytes **")
        self._call(lib.ffz_index_to_bytes, out)
        try:
            data, size = ffi.new("const uint8_t **"), ffi.new("size_t *")
            check(lib.ffz_bytes_data(out[0], data, size))
            return bytes(ffi.buffer(data[0], size[0]))
        finally:
            lib.ffz_bytes_free(out[0])

    @classmethod
    def from_bytes(cls, data: bytes) -> "Index":
        """Rebuilds an index from :meth:`to_bytes`; ValueError if invalid."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        raw = bytes(data)
        out = ffi.new("ffz_index **")
        check(lib.ffz_index_from_bytes(raw, len(raw), out))
        return cls._adopt(out[0])

    @classmethod
    def _adopt(cls, ptr: Any, read_back: bool = True) -> "Index":
        """Wraps a library index, reading its choices and keys back unless
        the caller supplies them."""
        self = cls.__new__(cls)
        self._lock = threading.Lock()
        self._users = 0
        self._closed = False
        self._ptr = ptr
        self._choices = []
        self._keys = None
        if not read_back:
            return self
        n = ffi.new("size_t *")
        check(lib.ffz_index_len(ptr, n))
        length, kind = ffi.new("size_t *"), ffi.new("uint32_t *")
        key_kind, int_value, text_len = ffi.new("uint32_t *"), ffi.new("int64_t *"), ffi.new("size_t *")
        choices: List[Any] = []
        keys: List[Any] = []
        for i in range(n[0]):
            check(lib.ffz_index_choice(ptr, i, ffi.NULL, 0, length, kind))
            width = 1 if kind[0] == lib.FFZ_KIND_U8 else (4 if kind[0] == lib.FFZ_KIND_U32 else 8)
            buf = ffi.new("char[]", max(length[0] * width, 1))
            check(lib.ffz_index_choice(ptr, i, buf, length[0], length, kind))
            choices.append(_choice_from_units(ffi.buffer(buf, length[0] * width)[:], kind[0]))
            check(lib.ffz_index_key(ptr, i, key_kind, int_value, ffi.NULL, 0, text_len))
            if key_kind[0] == lib.FFZ_KEY_TEXT:
                text = ffi.new("char[]", max(text_len[0], 1))
                check(lib.ffz_index_key(ptr, i, key_kind, int_value, text, text_len[0], text_len))
                keys.append(ffi.buffer(text, text_len[0])[:].decode("utf-8", "surrogatepass"))
            elif key_kind[0] == lib.FFZ_KEY_INT:
                keys.append(int(int_value[0]))
            else:
                keys.append(None)
        self._choices = choices
        self._keys = keys if any(k is not None for k in keys) else None
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        # The library's bytes hold the search structures; the Python lists
        # keep the original choice objects (bytes, sequences) exactly.
        return (_restore, (self.to_bytes(), list(self._choices), self._keys))

    def __repr__(self) -> str:
        state = "closed" if self._closed else f"{len(self._choices)} choices"
        return f"<ferrofuzz.Index ({state})>"


def _restore(data: bytes, choices: List[Any], keys: Optional[List[Any]]) -> Index:
    out = ffi.new("ffz_index **")
    check(lib.ffz_index_from_bytes(data, len(data), out))
    index = Index._adopt(out[0], read_back=False)
    index._choices = choices
    index._keys = keys
    return index


def _workers(workers: int) -> int:
    """The library's thread count for ``workers`` (-1: all cores)."""
    if not isinstance(workers, int) or isinstance(workers, bool):
        raise TypeError(f"workers must be an int, not {type(workers).__name__}")
    if workers == -1:
        return 0
    if workers < 1:
        raise ValueError(f"workers must be -1 or >= 1, got {workers}")
    return workers
