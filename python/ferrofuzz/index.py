"""``ferrofuzz.Index``: a corpus encoded once in the library and searched many
times, without converting the choices again for every query."""

from __future__ import annotations

import threading
from typing import Any, Hashable, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _scorers
from ._convert import to_units
from ._errors import check
from ._native import ffi, lib
from .distance import Levenshtein

Choice = Union[str, bytes, Sequence[Hashable]]
Result = Tuple[Any, Union[int, float], int]


class Index:
    """A searchable list of choices.

    ``Index(choices)`` copies the choices into the library. Use it as a
    context manager, or call :meth:`close`, to free it at a known time; it is
    also freed when garbage-collected. Searches may run from many threads at
    once (the library releases the GIL). :meth:`close` from one thread while
    another searches is safe: the memory is freed when the search ends.
    """

    def __init__(self, choices: Iterable[Choice]) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._ptr: Any = None
        self._closed = False
        items = list(choices)
        pieces: List[bytes] = []
        spans: List[Tuple[int, int, int]] = []
        offset = 0
        for i, choice in enumerate(items):
            data, length, kind = to_units(choice, f"choices[{i}]")
            pieces.append(data)
            spans.append((offset, length, kind))
            offset += len(data)
        blob = b"".join(pieces)
        base = ffi.cast("const char *", ffi.from_buffer(blob)) if blob else ffi.NULL
        array = ffi.new("ffz_str[]", max(len(items), 1))
        for i, (start, length, kind) in enumerate(spans):
            entry = array[i]
            entry.data = base + start if length else ffi.NULL
            entry.len = length
            entry.kind = kind
        out = ffi.new("ffz_index **")
        check(lib.ffz_index_new(array, len(items), out))
        self._ptr = out[0]
        self._choices = items

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

    # -- queries ----------------------------------------------------------

    def __len__(self) -> int:
        ptr = self._acquire()
        try:
            out = ffi.new("size_t *")
            check(lib.ffz_index_len(ptr, out))
            return int(out[0])
        finally:
            self._release()

    def search(
        self,
        query: Choice,
        *,
        limit: Optional[int] = 5,
        scorer: Any = Levenshtein.normalized_similarity,
        score_cutoff: Optional[float] = None,
        processor: Any = None,
        scorer_kwargs: Optional[Mapping[str, Any]] = None,
    ) -> List[Result]:
        """The best ``limit`` choices for ``query`` as (choice, score, index).

        Ordered as ``rapidfuzz.process.extract`` orders them: best score
        first (highest similarity, lowest distance), ties by index.
        ``limit=None`` returns every choice that passes ``score_cutoff``.
        ``processor`` is applied to the query only; the choices were stored
        as given.
        """
        native = _scorers.resolve(scorer, scorer_kwargs)
        if processor is not None:
            query = processor(query)
        data, length, kind = to_units(query, "query")
        if limit is None:
            limit = len(self._choices)
        elif not isinstance(limit, int) or isinstance(limit, bool):
            raise TypeError(f"limit must be an int or None, not {type(limit).__name__}")
        elif limit < 0:
            raise ValueError(f"limit must be >= 0, got {limit}")
        limit = min(limit, len(self._choices))
        cutoff = ffi.NULL
        if score_cutoff is not None:
            try:
                cutoff = ffi.new("double *", float(score_cutoff))
            except (TypeError, ValueError):
                raise TypeError(f"score_cutoff must be a number, not {type(score_cutoff).__name__}") from None
        indices = ffi.new("size_t[]", max(limit, 1))
        scores = ffi.new("double[]", max(limit, 1))
        count = ffi.new("size_t *")
        query_str = ffi.new("ffz_str *")
        keep = ffi.from_buffer(data) if data else None
        query_str.data = keep if keep is not None else ffi.NULL
        query_str.len = length
        query_str.kind = kind
        ptr = self._acquire()
        try:
            check(lib.ffz_index_search(ptr, query_str[0], native.struct, limit, cutoff, indices, scores, count))
        finally:
            self._release()
        choices = self._choices
        if native.integral:
            return [(choices[indices[i]], int(scores[i]), int(indices[i])) for i in range(count[0])]
        return [(choices[indices[i]], scores[i], int(indices[i])) for i in range(count[0])]

    def __repr__(self) -> str:
        state = "closed" if self._closed else f"{len(self._choices)} choices"
        return f"<ferrofuzz.Index ({state})>"
