"""Phonetic codes: Soundex, Metaphone, NYSIIS, the Match Rating Approach and
Double Metaphone.

``soundex``, ``metaphone``, ``nysiis``, ``match_rating_codex`` and
``match_rating_comparison`` return exactly what ``jellyfish`` 1.3.0 returns
for every ``str``, and raise the same exception types:

- ``TypeError`` for anything that is not a ``str`` (``None``, ``bytes``,
  numbers);
- ``UnicodeEncodeError`` (a ``ValueError``) for a ``str`` with a lone
  surrogate, which is not text;
- ``ValueError("Strings must only contain alphabetical characters")`` from
  ``match_rating_codex`` for input with a char that is neither alphabetic
  nor a space (``match_rating_comparison`` returns ``None`` then, as
  jellyfish does).

``double_metaphone`` (no jellyfish counterpart) follows Lawrence Philips'
original implementation and returns ``(primary, alternate)``.

Non-ASCII input, in short (docs/phonetic.md has the full rules): every
function uppercases with Unicode full case mapping (``"ß"`` -> ``"SS"``).
Soundex and Metaphone then apply NFKD, so accented Latin letters count as
their base letter, and combining marks separate letters without coding
anything; Soundex keeps the first (decomposed) char verbatim
(``soundex("¿")`` is ``"¿000"``). NYSIIS and the MRA codex do not decompose:
only the 26 ASCII letters are letters to them, and other chars (grapheme
clusters) they do not rewrite are copied into the code (``nysiis("ç")`` is
``"Ç"``). Double Metaphone drops diacritics (``"José"`` is coded as
``"JOSE"``), codes ``Ç`` and ``Ñ`` as ``S`` and ``N``, and skips other
non-ASCII chars.

The ``*_many`` functions code a list of strings. Where single calls go
through cffi (ABI mode, PyPy), they make one library call for the whole
list, several times faster per string than a loop of single calls; where
the single functions are native (API mode on CPython), they map those,
which costs less per string than joining and splitting the list.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

from ._errors import raise_status
from . import _native
from ._native import ffi, lib

__all__ = [
    "soundex",
    "metaphone",
    "nysiis",
    "match_rating_codex",
    "match_rating_comparison",
    "double_metaphone",
    "soundex_many",
    "metaphone_many",
    "nysiis_many",
    "match_rating_codex_many",
    "double_metaphone_many",
]

_SOUNDEX = lib.FFZ_PHONETIC_SOUNDEX
_METAPHONE = lib.FFZ_PHONETIC_METAPHONE
_NYSIIS = lib.FFZ_PHONETIC_NYSIIS
_MRA_CODEX = lib.FFZ_PHONETIC_MATCH_RATING_CODEX
_DOUBLE_METAPHONE = lib.FFZ_PHONETIC_DOUBLE_METAPHONE
_NOT_ALPHABETIC = lib.FFZ_NOT_ALPHABETIC
_TOO_LARGE = lib.FFZ_TOO_LARGE
_KIND_UTF8 = lib.FFZ_KIND_UTF8
_NOT_ALPHABETIC_MESSAGE = "Strings must only contain alphabetical characters"

# Caller buffers for ffz_phonetic_into. A call pops one from the pool and
# puts it back when it has read the result: list.pop and list.append are
# atomic, so threads (the library runs without the GIL) and re-entrant calls
# (a signal handler or finalizer calling these functions) never share one.
# Codes that do not fit (very long input) take the ffz_bytes path.
_CAP = 128
_buffers: List[object] = []
_ints: List[object] = []

_into = lib.ffz_phonetic_into
_compare = lib.ffz_match_rating_comparison_utf8
_new = ffi.new
_string = ffi.string
_NULL = ffi.NULL
_BUF_TYPE = ffi.typeof(f"char[{_CAP}]")
_INT_TYPE = ffi.typeof("int32_t[1]")


def _type_error(s: object) -> TypeError:
    # jellyfish's messages (from PyO3's conversion of the argument).
    if s is None:
        return TypeError("'None' is not an instance of 'str'")
    return TypeError(f"'{type(s).__name__}' object is not an instance of 'str'")


def _fail(status: int) -> None:
    if status == _NOT_ALPHABETIC:
        raise ValueError(_NOT_ALPHABETIC_MESSAGE)
    raise_status(status)


def _exact(algorithm: int, data: bytes) -> bytes:
    """The code(s) through ffz_phonetic_batch, which has no size limit and
    carries NULs (a one-piece batch is the code itself; Double Metaphone
    gives primary, NUL, alternate)."""
    # The struct holds a raw pointer: keep the from_buffer object (which
    # keeps the buffer pinned on PyPy) until the call has returned.
    buf = ffi.from_buffer(data)
    text = _new("ffz_str *", (buf, len(data), _KIND_UTF8))
    # One piece, so the separator must not occur in the input, nor in the
    # code: codes hold ASCII and chars derived from the input by case
    # mapping and NFKD, which never produce the noncharacters U+10FFFF
    # and below unless the input has them.
    used = set(data.decode())
    separator = next(c for c in range(0x10FFFF, 0x10FF00, -1) if chr(c) not in used)
    out = _new("ffz_bytes **")
    status = lib.ffz_phonetic_batch(algorithm, text[0], separator, out)
    del buf
    if status:
        _fail(status)
    try:
        ptr = _new("uint8_t **")
        n = _new("size_t *")
        status = lib.ffz_bytes_data(out[0], ptr, n)
        if status:
            raise_status(status)
        result = ffi.unpack(ffi.cast("char *", ptr[0]), n[0])
    finally:
        lib.ffz_bytes_free(out[0])
    if algorithm == _DOUBLE_METAPHONE:
        return result.replace(chr(separator).encode(), b"\0")
    return result


def _code(algorithm: int, s: object) -> str:
    """The general path: type checks, NULs in the input, long codes."""
    if not isinstance(s, str):
        raise _type_error(s)
    data = str.encode(s)  # UnicodeEncodeError for lone surrogates, as jellyfish
    if "\0" not in s:
        buf = _buffers.pop() if _buffers else _new(_BUF_TYPE)
        status = _into(algorithm, data, len(data), buf, _CAP, _NULL)
        if not status:
            result = _string(buf).decode()
            _buffers.append(buf)
            return result
        _buffers.append(buf)
        if status != _TOO_LARGE:
            _fail(status)
    return _exact(algorithm, data).decode()


def soundex(s: str) -> str:
    """Soundex code of ``s``, as ``jellyfish.soundex``: normally a letter and
    three digits (``"Robert"`` -> ``"R163"``); ``""`` gives ``""``.

    Non-ASCII: uppercased and NFKD-decomposed, so ``"É"`` counts as ``"E"``;
    the first char is kept verbatim (``"¿"`` -> ``"¿000"``).
    """
    if type(s) is str and "\0" not in s:
        data = s.encode()
        buf = _buffers.pop() if _buffers else _new(_BUF_TYPE)
        if not _into(_SOUNDEX, data, len(data), buf, _CAP, _NULL):
            result = _string(buf).decode()
            _buffers.append(buf)
            return result
        _buffers.append(buf)
    return _code(_SOUNDEX, s)


def metaphone(s: str) -> str:
    """Metaphone code of ``s``, as ``jellyfish.metaphone``
    (``"metaphone"`` -> ``"MTFN"``); words stay separated by spaces.

    Non-ASCII: uppercased and NFKD-decomposed, so accented Latin letters
    count as their base letter; other chars code nothing.
    """
    if type(s) is str and "\0" not in s:
        data = s.encode()
        buf = _buffers.pop() if _buffers else _new(_BUF_TYPE)
        if not _into(_METAPHONE, data, len(data), buf, _CAP, _NULL):
            result = _string(buf).decode()
            _buffers.append(buf)
            return result
        _buffers.append(buf)
    return _code(_METAPHONE, s)


def nysiis(s: str) -> str:
    """NYSIIS code of ``s``, as ``jellyfish.nysiis`` (``"Macintosh"`` ->
    ``"MCANT"``).

    Non-ASCII: uppercased, not decomposed; only ASCII letters are letters,
    and other chars (grapheme clusters) are copied into the code
    (``"ç"`` -> ``"Ç"``).
    """
    if type(s) is str and "\0" not in s:
        data = s.encode()
        buf = _buffers.pop() if _buffers else _new(_BUF_TYPE)
        if not _into(_NYSIIS, data, len(data), buf, _CAP, _NULL):
            result = _string(buf).decode()
            _buffers.append(buf)
            return result
        _buffers.append(buf)
    return _code(_NYSIIS, s)


def match_rating_codex(s: str) -> str:
    """Match Rating Approach codex of ``s``, as
    ``jellyfish.match_rating_codex`` (``"Byrne"`` -> ``"BYRN"``).

    Raises ``ValueError`` if ``s`` has a char that is neither alphabetic
    (``str.isalpha``-like, any script) nor a space. Non-ASCII: uppercased,
    not decomposed; non-ASCII letters are copied into the codex.
    """
    if type(s) is str and "\0" not in s:
        data = s.encode()
        buf = _buffers.pop() if _buffers else _new(_BUF_TYPE)
        if not _into(_MRA_CODEX, data, len(data), buf, _CAP, _NULL):
            result = _string(buf).decode()
            _buffers.append(buf)
            return result
        _buffers.append(buf)
    return _code(_MRA_CODEX, s)


def match_rating_comparison(s1: str, s2: str) -> Optional[bool]:
    """Match Rating Approach comparison, as
    ``jellyfish.match_rating_comparison``: ``True`` if ``s1`` and ``s2``
    sound alike, ``False`` if not, ``None`` if their codices' lengths
    differ by 3 or more or either string has a char that is neither
    alphabetic nor a space.
    """
    if type(s1) is not str:
        if not isinstance(s1, str):
            raise _type_error(s1)
    if type(s2) is not str:
        if not isinstance(s2, str):
            raise _type_error(s2)
    b1 = str.encode(s1)
    b2 = str.encode(s2)
    out = _ints.pop() if _ints else _new(_INT_TYPE)
    status = _compare(b1, len(b1), b2, len(b2), out)
    value = out[0]
    _ints.append(out)
    if status:
        if status == _NOT_ALPHABETIC:
            return None
        raise_status(status)
    return None if value < 0 else value == 1


def double_metaphone(s: str) -> Tuple[str, str]:
    """Double Metaphone codes of ``s``: ``(primary, alternate)``, at most 4
    chars each from ``A-Z`` and ``0`` (``"Schmidt"`` -> ``("XMT", "SMT")``).
    The alternate code equals the primary one when no rule offers an
    alternative.

    Non-ASCII: diacritics are dropped (``"José"`` is coded as ``"JOSE"``),
    ``Ç`` and ``Ñ`` are coded ``S`` and ``N``, other chars are skipped.
    """
    if type(s) is not str and not isinstance(s, str):
        raise _type_error(s)
    data = str.encode(s)
    buf = _buffers.pop() if _buffers else _new(_BUF_TYPE)
    status = _into(_DOUBLE_METAPHONE, data, len(data), buf, _CAP, _NULL)
    if status:
        # Cannot overflow (4 + 1 + 4 + 1 bytes); only errors land here.
        _buffers.append(buf)
        raise_status(status)
    primary = _string(buf)
    alternate = _string(buf + (len(primary) + 1))
    _buffers.append(buf)
    return primary.decode(), alternate.decode()


# The common call (one exact ASCII ``str``, two for the comparison) runs
# natively in API mode; every other call goes to the functions above
# (_native.native_fast_path).
soundex = _native.native_fast_path("phonetic", "soundex", soundex)
metaphone = _native.native_fast_path("phonetic", "metaphone", metaphone)
nysiis = _native.native_fast_path("phonetic", "nysiis", nysiis)
match_rating_codex = _native.native_fast_path("phonetic", "match_rating_codex", match_rating_codex)
match_rating_comparison = _native.native_fast_path("phonetic", "match_rating_comparison", match_rating_comparison)
double_metaphone = _native.native_fast_path("phonetic", "double_metaphone", double_metaphone)


# --------------------------------------------------------------------------
# Batches


# Whether the single functions above are native (_native.native_fast_path
# wraps them then): the batches map them.
_NATIVE_SINGLES = hasattr(soundex, "__wrapped__")


def _batch(algorithm: int, strings: Iterable[str]) -> List[str]:
    items = strings if type(strings) is list else list(strings)
    if not items:
        return []
    for s in items:
        if not isinstance(s, str):
            raise _type_error(s)
    joined = "\0".join(items)
    if joined.count("\0") != len(items) - 1:
        # Some string holds a NUL, the separator: code one by one.
        if algorithm == _DOUBLE_METAPHONE:
            return [double_metaphone(s) for s in items]  # type: ignore[misc]
        return [_code(algorithm, s) for s in items]
    try:
        data = joined.encode()
    except UnicodeEncodeError:
        for s in items:
            s.encode()  # raises the error of the first bad string
        raise
    buf = ffi.from_buffer(data)  # kept until the call returns, as in _exact
    text = _new("ffz_str *", (buf, len(data), _KIND_UTF8))
    out = _new("ffz_bytes **")
    status = lib.ffz_phonetic_batch(algorithm, text[0], 0, out)
    del buf
    if status:
        _fail(status)
    try:
        ptr = _new("uint8_t **")
        n = _new("size_t *")
        status = lib.ffz_bytes_data(out[0], ptr, n)
        if status:
            raise_status(status)
        codes = ffi.unpack(ffi.cast("char *", ptr[0]), n[0]).decode().split("\0")
    finally:
        lib.ffz_bytes_free(out[0])
    return codes


def soundex_many(strings: Iterable[str]) -> List[str]:
    """``[soundex(s) for s in strings]``, by the faster way the backend has
    (see the module docs)."""
    if _NATIVE_SINGLES:
        return list(map(soundex, strings))
    return _batch(_SOUNDEX, strings)


def metaphone_many(strings: Iterable[str]) -> List[str]:
    """``[metaphone(s) for s in strings]``, by the faster way the backend has."""
    if _NATIVE_SINGLES:
        return list(map(metaphone, strings))
    return _batch(_METAPHONE, strings)


def nysiis_many(strings: Iterable[str]) -> List[str]:
    """``[nysiis(s) for s in strings]``, by the faster way the backend has."""
    if _NATIVE_SINGLES:
        return list(map(nysiis, strings))
    return _batch(_NYSIIS, strings)


def match_rating_codex_many(strings: Iterable[str]) -> List[str]:
    """``[match_rating_codex(s) for s in strings]``, by the faster way the backend has;
    ``ValueError`` if any string fails."""
    if _NATIVE_SINGLES:
        return list(map(match_rating_codex, strings))
    return _batch(_MRA_CODEX, strings)


def double_metaphone_many(strings: Iterable[str]) -> List[Tuple[str, str]]:
    """``[double_metaphone(s) for s in strings]``, by the faster way the backend has."""
    if _NATIVE_SINGLES:
        return list(map(double_metaphone, strings))
    return _double_metaphone_batch(strings)


def _double_metaphone_batch(strings: Iterable[str]) -> List[Tuple[str, str]]:
    """Double Metaphone codes of ``strings`` in one library call."""
    codes = _batch(_DOUBLE_METAPHONE, strings)
    if codes and type(codes[0]) is tuple:
        return codes  # type: ignore[return-value]
    it = iter(codes)
    return list(zip(it, it))
