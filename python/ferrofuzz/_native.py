"""Loads the ferrofuzz library through one of two cffi modules.

- API mode (``_ffz_api``, compiled): the fast path, used by default.
- ABI mode (``_ffz_abi``, pure Python, dlopen): used on PyPy, when the
  compiled module cannot load, when ``FERROFUZZ_LIBRARY`` names another build
  of the library, or when ``FERROFUZZ_BACKEND=abi`` asks for it.

Either way this module exports ``ffi``, ``lib`` (the header's functions),
``flat`` (the flat pair-scoring shims and ``ffzpy_process_extract``, see build.py), ``exact`` (their
exact, raising versions) and ``BACKEND``.
"""

from __future__ import annotations

import functools
import os
import platform
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Tuple

PACKAGE_DIR = Path(__file__).resolve().parent
LIBRARY_PATH = PACKAGE_DIR / ("libferrofuzz.dylib" if sys.platform == "darwin" else "libferrofuzz.so")
HEADER_PATH = PACKAGE_DIR / "ferrofuzz.h"


def _load_api() -> tuple[Any, Any, Any]:
    from . import _ffz_api  # type: ignore[attr-defined]

    return _ffz_api.ffi, _ffz_api.lib, _ffz_api.lib


def _struct_call(ffi: Any, func: Any, out_ctype: str) -> Callable[..., Any]:
    """A call of ``func`` with the flat arguments of a shim (see build.py),
    building the two ``ffz_str`` structs and the out-param in Python.
    Returns (status, value)."""
    new, from_buffer = ffi.new, ffi.from_buffer
    str_type = ffi.typeof("ffz_str *")
    empty = b"\0"

    def call(p1: bytes, n1: int, k1: int, p2: bytes, n2: int, k2: int, *middle: Any) -> Any:
        out = new(out_ctype)
        b1 = from_buffer(p1 or empty)
        b2 = from_buffer(p2 or empty)
        s1 = new(str_type, (b1, n1, k1))
        s2 = new(str_type, (b2, n2, k2))
        return func(s1[0], s2[0], *middle, out), out[0]

    return call


class _Shims:
    """Shims built in Python from the function types the module knows:
    ``ffzpy_NAME`` returns the result or -status (the ABI-mode twin of the
    compiled flat shims), ``ffzx_NAME`` returns the exact result or raises.
    """

    def __init__(self, ffi: Any, lib: Any, with_flat: bool) -> None:
        for name in dir(lib):
            if not name.startswith("ffz_"):
                continue
            func = getattr(lib, name)
            try:
                ctype = ffi.typeof(func)
            except TypeError:
                continue  # an integer constant
            args = ctype.args
            if len(args) < 3 or args[0].cname != "ffz_str" or args[1].cname != "ffz_str":
                continue
            out = args[-1]
            if out.kind != "pointer" or out.item.cname not in ("size_t", "double"):
                continue
            call = _struct_call(ffi, func, out.cname)
            stem = name[len("ffz_"):]
            setattr(self, "ffzx_" + stem, _exact(call))
            if with_flat:
                setattr(self, "ffzpy_" + stem, _flat(call))
        if with_flat:
            self.ffzpy_process_extract = _extract_call(ffi, lib)


def _extract_call(ffi: Any, lib: Any) -> Callable[..., Any]:
    """The ABI-mode twin of build.py's ``ffzpy_process_extract`` shim."""
    new, from_buffer, null = ffi.new, ffi.from_buffer, ffi.NULL
    empty = b"\0"

    def ffzpy_process_extract(
        query: bytes, query_len: int, query_kind: int, data: bytes, data_len: int, count: int,
        kind: int, scorer: Any, limit: int, cutoff: float, hint: float, workers: int,
        positions: Any, scores: Any,
    ) -> int:
        # The from_buffer objects must outlive the call: the structs hold
        # only raw pointers, and on PyPy the buffer stays pinned (unmoved
        # by the GC) only while its from_buffer object lives.
        query_buf = from_buffer(query or empty)
        data_buf = from_buffer(data or empty)
        q = new("ffz_str *", (query_buf, query_len, query_kind))
        choices = new("ffz_strs *", (data_buf, data_len, null, count, kind))
        cut = null if cutoff != cutoff else new("double *", cutoff)
        hnt = null if hint != hint else new("double *", hint)
        written = new("size_t *")
        status = lib.ffz_process_extract(q[0], choices, scorer, limit, cut, hnt, workers, null, positions, scores, written)
        del query_buf, data_buf  # only now
        return -status if status else written[0]

    return ffzpy_process_extract


def _flat(call: Callable[..., Any]) -> Callable[..., Any]:
    def flat(*args: Any) -> Any:
        status, value = call(*args)
        return -status if status else value

    return flat


def _exact(call: Callable[..., Any]) -> Callable[..., Any]:
    def exact(*args: Any) -> Any:
        status, value = call(*args)
        if status:
            from ._errors import raise_status

            raise_status(status)
        return value

    return exact


def _load_abi(library: str) -> tuple[Any, Any, Any]:
    from ._ffz_abi import ffi

    lib = ffi.dlopen(library)
    return ffi, lib, _Shims(ffi, lib, with_flat=True)


def _load() -> tuple[Any, Any, Any, str]:
    custom = os.environ.get("FERROFUZZ_LIBRARY")
    wanted = os.environ.get("FERROFUZZ_BACKEND", "").lower()
    if wanted not in ("", "api", "abi"):
        raise ImportError(f"FERROFUZZ_BACKEND must be 'api' or 'abi', not {wanted!r}")
    if custom:
        if wanted == "api":
            raise ImportError("FERROFUZZ_LIBRARY needs the ABI backend; unset FERROFUZZ_BACKEND=api")
        if not Path(custom).is_file():
            raise ImportError(f"FERROFUZZ_LIBRARY={custom!r} is not a file")
        return (*_load_abi(custom), "abi")
    if wanted != "abi" and platform.python_implementation() == "CPython":
        try:
            return (*_load_api(), "api")
        except ImportError:
            if wanted == "api":
                raise
    return (*_load_abi(str(LIBRARY_PATH)), "abi")


ffi, lib, flat, BACKEND = _load()
#: Exact, raising versions of the flat shims, for results the flat shims
#: cannot carry (errors, and size_t values beyond int64_t).
exact = flat if BACKEND == "abi" else _Shims(ffi, lib, with_flat=False)


def _check_abi_version() -> None:
    loaded = lib.ffz_abi_version()
    expected = lib.FFZ_ABI_VERSION
    if loaded != expected:
        raise ImportError(
            f"ferrofuzz: the loaded library has ABI version {loaded}, but this package "
            f"was built for {expected}. Rebuild the package (python build.py) or point "
            f"FERROFUZZ_LIBRARY at a matching library."
        )


_check_abi_version()


# The single-call fast path (build.py's _fastcall.c): in API mode the
# compiled module adds ``fastcall_wrap`` to this module. Elsewhere (ABI
# mode, PyPy) ``native_fast_path`` returns the Python function unchanged.
if BACKEND == "api" and hasattr(lib, "ffzfc_install"):
    if lib.ffzfc_install(__name__.encode()) != 0:
        raise ImportError("ferrofuzz: the compiled module could not set up its fast path")


def native_fast_path(table: str, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, with its common call served natively where the backend
    can: positional ``str`` arguments, with ``score_cutoff``, ``processor``
    (None or ``utils.default_process``), ``score_hint``, ``weights``,
    ``pad`` and ``prefix_weight`` as keywords for the pair scorers that take
    them, in the forms docs/single_calls.md lists.

    ``table`` is ``"pair"`` (``name`` is the stem of a flat shim with a fast
    twin, such as ``levenshtein_distance``) or ``"phonetic"``. The result
    has ``function``'s name, docs and module, ``__wrapped__`` is
    ``function`` (which serves every other call, so the two always agree),
    and it pickles and binds as a method as ``function`` does.
    """
    wrap = globals().get("fastcall_wrap")
    if wrap is None:
        return function
    fast = wrap(table, name, function)
    functools.update_wrapper(fast, function)
    return fast


def native_extract_path(function: Callable[..., Any], scorers: Dict[Any, Tuple[int, bool]], one: bool) -> Callable[..., Any]:
    """``process.extract`` (``extractOne`` when ``one``), with its common
    call served natively where the backend can: a ``str`` query, a list of
    choices and a ``scorer`` found in ``scorers`` ({scorer: (ffz_scorer
    address, integral)}, filled by the process module), with at most
    ``limit``, ``processor`` (None or ``utils.default_process``) and None
    for ``score_cutoff``, ``score_hint`` and ``scorer_kwargs``. As for
    :func:`native_fast_path`, every other call goes to ``function``."""
    wrap = globals().get("fastcall_wrap_extract")
    default_limit = 1 if one else (function.__kwdefaults__ or {}).get("limit")
    if wrap is None or type(default_limit) is not int:
        return function
    fast = wrap(function, scorers, one, default_limit)
    functools.update_wrapper(fast, function)
    return fast


def native_default_process(function: Callable[..., Any]) -> None:
    """Tells the native path that ``processor=function`` is
    ``utils.default_process``, which it then applies itself to ASCII text."""
    register = globals().get("fastcall_default_process")
    if register is not None:
        register(function)


LIBRARY_VERSION: str = ffi.string(lib.ffz_version()).decode()
