"""Alignment classes, as in ``rapidfuzz.distance``: ``Editop``/``Editops``
(one operation per edited unit), ``Opcode``/``Opcodes`` (difflib-style
blocks covering both sequences) and ``MatchingBlock``, plus the
``editops``/``opcodes`` functions of Levenshtein and Indel.

The alignments are computed in the library (``ffz_levenshtein_editops``,
``ffz_indel_editops``, ``ffz_editops_to_opcodes``) and copied out in bulk;
the Python list of operations is only built when it is first needed, so
``Levenshtein.editops(a, b)`` creates no per-operation objects.
"""

from __future__ import annotations

import operator
from typing import Any, Callable, Iterator, List, Optional, Tuple, Union

from .._convert import to_units
from .._errors import raise_status
from .._native import ffi, lib
from . import _params

_TAGS = ("equal", "replace", "insert", "delete")
_SIZE_MAX = _params.SIZE_MAX

EditopTuple = Tuple[str, int, int]
OpcodeTuple = Tuple[str, int, int, int, int]


def _size_t(value: Any) -> int:
    as_int = operator.index(value)
    if as_int < 0:
        raise OverflowError("can't convert negative value to size_t")
    if as_int > _SIZE_MAX:
        raise OverflowError("value too large to convert to size_t")
    return as_int


def _ssize_t(value: Any) -> int:
    return operator.index(value)


def _tag(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"Expected str, got {type(value).__name__}")
    return value


def _edit_type(tag: Any) -> str:
    # rapidfuzz compares with ==, so any object equal to a tag name works.
    for name in ("insert", "delete", "replace", "equal"):
        if tag == name:
            return name
    raise ValueError("Invalid Edit Type")


def _seq_eq(other: Any, values: tuple) -> bool:
    try:
        if len(other) != len(values):
            return False
        return all(other[i] == v for i, v in enumerate(values))
    except Exception:
        return False


class MatchingBlock:
    """Triple describing matching subsequences: ``src[a:a+size] == dest[b:b+size]``."""

    __slots__ = ("a", "b", "size")

    def __init__(self, a: int, b: int, size: int) -> None:
        self.a = _size_t(a)
        self.b = _size_t(b)
        self.size = _size_t(size)

    def __len__(self) -> int:
        return 3

    def __eq__(self, other: object) -> bool:
        return _seq_eq(other, (self.a, self.b, self.size))

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, i: int) -> int:
        i = operator.index(i)
        if i in (0, -3):
            return self.a
        if i in (1, -2):
            return self.b
        if i in (2, -1):
            return self.size
        raise IndexError("MatchingBlock index out of range")

    def __iter__(self) -> Iterator[int]:
        yield self.a
        yield self.b
        yield self.size

    def __repr__(self) -> str:
        return f"MatchingBlock(a={self.a}, b={self.b}, size={self.size})"


class Editop:
    """One edit operation ``(tag, src_pos, dest_pos)``: 'replace' (src[src_pos]
    becomes dest[dest_pos]), 'delete' (src[src_pos] is deleted) or 'insert'
    (dest[dest_pos] is inserted at src[src_pos])."""

    __slots__ = ("tag", "src_pos", "dest_pos")

    def __init__(self, tag: str, src_pos: int, dest_pos: int) -> None:
        self.tag = _tag(tag)
        self.src_pos = _ssize_t(src_pos)
        self.dest_pos = _ssize_t(dest_pos)

    def __len__(self) -> int:
        return 3

    def __eq__(self, other: object) -> bool:
        return _seq_eq(other, (self.tag, self.src_pos, self.dest_pos))

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, i: int) -> Union[str, int]:
        i = operator.index(i)
        if i in (0, -3):
            return self.tag
        if i in (1, -2):
            return self.src_pos
        if i in (2, -1):
            return self.dest_pos
        raise IndexError("Editop index out of range")

    def __iter__(self) -> Iterator[Union[str, int]]:
        yield self.tag
        yield self.src_pos
        yield self.dest_pos

    def __repr__(self) -> str:
        return f"Editop(tag='{self.tag}', src_pos={self.src_pos}, dest_pos={self.dest_pos})"


class Opcode:
    """One block ``(tag, src_start, src_end, dest_start, dest_end)``:
    src[src_start:src_end] relates to dest[dest_start:dest_end] as 'equal',
    'replace', 'insert' or 'delete'. Compatible with difflib's opcodes."""

    __slots__ = ("tag", "src_start", "src_end", "dest_start", "dest_end")

    def __init__(self, tag: str, src_start: int, src_end: int, dest_start: int, dest_end: int) -> None:
        self.tag = _tag(tag)
        self.src_start = _ssize_t(src_start)
        self.src_end = _ssize_t(src_end)
        self.dest_start = _ssize_t(dest_start)
        self.dest_end = _ssize_t(dest_end)

    def _values(self) -> tuple:
        return (self.tag, self.src_start, self.src_end, self.dest_start, self.dest_end)

    def __len__(self) -> int:
        return 5

    def __eq__(self, other: object) -> bool:
        return _seq_eq(other, self._values())

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, i: int) -> Union[str, int]:
        i = operator.index(i)
        if -5 <= i < 5:
            return self._values()[i]
        raise IndexError("Opcode index out of range")

    def __iter__(self) -> Iterator[Union[str, int]]:
        return iter(self._values())

    def __repr__(self) -> str:
        return (
            f"Opcode(tag='{self.tag}', src_start={self.src_start}, src_end={self.src_end}, "
            f"dest_start={self.dest_start}, dest_end={self.dest_end})"
        )


# ---- validation of user lists (rapidfuzz's rules and messages) ----

def _list_to_editops(ops: Any, src_len: int, dest_len: int) -> List[EditopTuple]:
    if not len(ops):
        return []
    if len(ops[0]) == 5:
        return _opcodes_to_editops(_list_to_opcodes(ops, src_len, dest_len))
    result: List[EditopTuple] = []
    for op in ops:
        if len(op) != 3:
            raise TypeError("Expected list of 3-tuples, or a list of 5-tuples")
        tag = _edit_type(op[0])
        src_pos = _size_t(op[1])
        dest_pos = _size_t(op[2])
        if src_pos > src_len or dest_pos > dest_len:
            raise ValueError("List of edit operations invalid")
        if src_pos == src_len and tag != "insert":
            raise ValueError("List of edit operations invalid")
        if dest_pos == dest_len and tag != "delete":
            raise ValueError("List of edit operations invalid")
        if tag != "equal":
            result.append((tag, src_pos, dest_pos))
    for (_, s0, d0), (_, s1, d1) in zip(result, result[1:]):
        if s1 < s0 or d1 < d0:
            raise ValueError("List of edit operations out of order")
        if s1 == s0 and d1 == d0:
            raise ValueError("Duplicated edit operation")
    return result


def _list_to_opcodes(ops: Any, src_len: int, dest_len: int) -> List[OpcodeTuple]:
    if not len(ops) or len(ops[0]) == 3:
        return _editops_to_opcodes(_list_to_editops(ops, src_len, dest_len), src_len, dest_len)
    result: List[list] = []
    for op in ops:
        if len(op) != 5:
            raise TypeError("Expected list of 3-tuples, or a list of 5-tuples")
        tag = _edit_type(op[0])
        src_start, src_end, dest_start, dest_end = (_size_t(op[i]) for i in range(1, 5))
        if src_end > src_len or dest_end > dest_len or src_end < src_start or dest_end < dest_start:
            raise ValueError("List of edit operations invalid")
        src_n, dest_n = src_end - src_start, dest_end - dest_start
        if tag in ("equal", "replace"):
            ok = src_n == dest_n and src_n != 0
        elif tag == "insert":
            ok = src_n == 0 and dest_n != 0
        else:
            ok = src_n != 0 and dest_n == 0
        if not ok:
            raise ValueError("List of edit operations invalid")
        if result:
            last = result[-1]
            if last[0] == tag and last[2] == src_start and last[4] == dest_start:
                last[2] = src_end
                last[4] = dest_end
                continue
        result.append([tag, src_start, src_end, dest_start, dest_end])
    if result[0][1] != 0 or result[0][3] != 0:
        raise ValueError("List of edit operations does not start at position 0")
    if result[-1][2] != src_len or result[-1][4] != dest_len:
        raise ValueError("List of edit operations does not end at the string ends")
    for a, b in zip(result, result[1:]):
        if b[1] != a[2] or b[3] != a[4]:
            raise ValueError("List of edit operations is not continuous")
    return [tuple(op) for op in result]  # type: ignore[misc]


# ---- conversions on lists of tuples ----

_STEP = {"replace": (1, 1), "insert": (0, 1), "delete": (1, 0)}


def _editops_to_opcodes(ops: List[EditopTuple], src_len: int, dest_len: int) -> List[OpcodeTuple]:
    blocks: List[OpcodeTuple] = []
    append = blocks.append
    src_pos = dest_pos = 0
    i, n = 0, len(ops)
    while i < n:
        tag, s, d = ops[i]
        if src_pos < s or dest_pos < d:
            append(("equal", src_pos, s, dest_pos, d))
            src_pos, dest_pos = s, d
        src_begin, dest_begin = src_pos, dest_pos
        ds, dd = _STEP[tag]
        while True:
            src_pos += ds
            dest_pos += dd
            i += 1
            if i >= n:
                break
            t2, s2, d2 = ops[i]
            if t2 != tag or s2 != src_pos or d2 != dest_pos:
                break
        append((tag, src_begin, src_pos, dest_begin, dest_pos))
    if src_pos < src_len or dest_pos < dest_len:
        append(("equal", src_pos, src_len, dest_pos, dest_len))
    return blocks


def _opcodes_to_editops(ops: List[OpcodeTuple]) -> List[EditopTuple]:
    result: List[EditopTuple] = []
    extend = result.extend
    for tag, s0, s1, d0, d1 in ops:
        if tag == "replace":
            extend(zip(["replace"] * max(s1 - s0, 0), range(s0, s1), range(d0, d0 + s1 - s0)))
        elif tag == "insert":
            extend(("insert", s0, d) for d in range(d0, d1))
        elif tag == "delete":
            extend(("delete", s, d0) for s in range(s0, s1))
    return result


def _wrap_size(value: int) -> int:
    return value % (_SIZE_MAX + 1)


def _editops_to_blocks(ops: List[EditopTuple], src_len: int, dest_len: int) -> List[MatchingBlock]:
    blocks: List[MatchingBlock] = []
    src_pos = dest_pos = 0
    for tag, s, d in ops:
        if src_pos < s or dest_pos < d:
            length = min(_wrap_size(s - src_pos), _wrap_size(d - dest_pos))
            if length > 0:
                blocks.append(MatchingBlock(src_pos, dest_pos, length))
            src_pos, dest_pos = s, d
        ds, dd = _STEP[tag]
        src_pos += ds
        dest_pos += dd
    if src_pos < src_len or dest_pos < dest_len:
        length = min(_wrap_size(src_len - src_pos), _wrap_size(dest_len - dest_pos))
        if length > 0:
            blocks.append(MatchingBlock(src_pos, dest_pos, length))
    blocks.append(MatchingBlock(src_len, dest_len, 0))
    return blocks


def _check_apply_strings(source: Any, destination: Any) -> None:
    if not (isinstance(source, (str, bytes)) and isinstance(destination, (str, bytes))):
        raise TypeError("expected strings or bytes object")


def _text(s: Union[str, bytes]) -> str:
    return s.decode("latin-1") if isinstance(s, bytes) else s


def _apply_error() -> ValueError:
    return ValueError("edit operations do not fit the sequences")


class _Alignment:
    """What Editops and Opcodes share: a list of operation tuples (unpacked
    from the library's arrays on first use), src_len and dest_len, equality,
    length, iteration as ``_ITEM`` objects, and the repr."""

    __slots__ = ("_ops", "_pending", "_count", "_src_len", "_dest_len")
    _ITEM: Any = None  # Editop or Opcode
    _from_list: Any = None  # checks and converts a user's list of operations

    def __init__(self, ops: Any = None, src_len: int = 0, dest_len: int = 0) -> None:
        self._pending: Any = None
        self._src_len = 0
        self._dest_len = 0
        self._ops: Optional[List[Any]] = []
        if ops is not None:
            src_len, dest_len = _size_t(src_len), _size_t(dest_len)
            self._ops = type(self)._from_list(ops, src_len, dest_len)
            self._src_len, self._dest_len = src_len, dest_len

    @classmethod
    def _make(cls, ops: Optional[List[Any]], src_len: int, dest_len: int, pending: Any = None) -> Any:
        """An instance of ``ops``, or of the library's arrays in ``pending``
        (a count first), which are unpacked on first use."""
        self = cls.__new__(cls)
        self._ops = ops
        self._pending = pending
        self._count = pending[0] if pending is not None else 0
        self._src_len = src_len
        self._dest_len = dest_len
        return self

    def _unpack(self, pending: Any) -> List[Any]:
        raise NotImplementedError

    def _list(self) -> List[Any]:
        ops = self._ops
        if ops is None:
            ops = self._ops = self._unpack(self._pending)
            self._pending = None
        return ops

    def _index(self, key: int, ops: List[Any]) -> int:
        index = key + len(ops) if key < 0 else key
        if index < 0 or index >= len(ops):
            raise IndexError(f"{type(self).__name__} index out of range")
        return index

    @property
    def src_len(self) -> int:
        return self._src_len

    @src_len.setter
    def src_len(self, value: int) -> None:
        self._src_len = _size_t(value)

    @property
    def dest_len(self) -> int:
        return self._dest_len

    @dest_len.setter
    def dest_len(self, value: int) -> None:
        self._dest_len = _size_t(value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, type(self)) or isinstance(self, type(other)):
            return (
                self._src_len == other._src_len  # type: ignore[attr-defined]
                and self._dest_len == other._dest_len  # type: ignore[attr-defined]
                and self._list() == other._list()  # type: ignore[attr-defined]
            )
        return False

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return self._count if self._ops is None else len(self._ops)

    def __iter__(self) -> Iterator[Any]:
        item = self._ITEM
        for op in self._list():
            yield item(*op)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}([" + ", ".join(repr(op) for op in self)
            + f"], src_len={self._src_len}, dest_len={self._dest_len})"
        )


class Editops(_Alignment):
    """List-like object of edit operations describing how to turn s1 into s2."""

    __slots__ = ()
    _ITEM = Editop
    _from_list = staticmethod(_list_to_editops)

    def __init__(self, editops: Any = None, src_len: int = 0, dest_len: int = 0) -> None:
        super().__init__(editops, src_len, dest_len)

    def _unpack(self, pending: Any) -> List[EditopTuple]:
        n, tags, src, dest = pending
        return list(zip(map(_TAGS.__getitem__, bytes(ffi.buffer(tags, n))), ffi.unpack(src, n), ffi.unpack(dest, n)))

    @classmethod
    def from_opcodes(cls, opcodes: "Opcodes") -> "Editops":
        """Editops from Opcodes."""
        if not isinstance(opcodes, Opcodes):
            raise TypeError(f"Argument 'opcodes' has incorrect type (expected Opcodes, got {type(opcodes).__name__})")
        return cls._make(_opcodes_to_editops(opcodes._list()), opcodes._src_len, opcodes._dest_len)

    def as_opcodes(self) -> "Opcodes":
        """The editops converted to Opcodes."""
        return Opcodes._make(_editops_to_opcodes(self._list(), self._src_len, self._dest_len), self._src_len, self._dest_len)

    def as_matching_blocks(self) -> List[MatchingBlock]:
        """The matching blocks between the edits, ending with (src_len, dest_len, 0)."""
        return _editops_to_blocks(self._list(), self._src_len, self._dest_len)

    def as_list(self) -> List[EditopTuple]:
        """The operations as a list of (tag, src_pos, dest_pos) tuples."""
        return list(self._list())

    def copy(self) -> "Editops":
        return Editops._make(list(self._list()), self._src_len, self._dest_len)

    def inverse(self) -> "Editops":
        """Editops turning the destination into the source."""
        swap = {"insert": "delete", "delete": "insert", "replace": "replace"}
        return Editops._make([(swap[t], d, s) for t, s, d in self._list()], self._dest_len, self._src_len)

    def remove_subsequence(self, subsequence: "Editops") -> "Editops":
        """A copy without the operations of ``subsequence`` (which must be a
        subsequence), with the source positions of the others corrected."""
        if not isinstance(subsequence, Editops):
            raise TypeError(
                f"Argument 'subsequence' has incorrect type (expected Editops, got {type(subsequence).__name__})"
            )
        ops, sub = self._list(), subsequence._list()
        if len(sub) > len(ops):
            raise ValueError("subsequence is not a subsequence")
        result: List[EditopTuple] = []
        offset = 0
        it = iter(ops)
        for sop in sub:
            for op in it:
                if op == sop:
                    break
                result.append((op[0], _wrap_size(op[1] + offset), op[2]))
            else:
                raise ValueError("subsequence is not a subsequence")
            if sop[0] == "insert":
                offset += 1
            elif sop[0] == "delete":
                offset -= 1
        result.extend((op[0], _wrap_size(op[1] + offset), op[2]) for op in it)
        return Editops._make(result, self._src_len, self._dest_len)

    def apply(self, source_string: Union[str, bytes], destination_string: Union[str, bytes]) -> str:
        """Applies the operations to ``source_string``, taking replaced and
        inserted characters from ``destination_string``."""
        _check_apply_strings(source_string, destination_string)
        src, dest = _text(source_string), _text(destination_string)
        parts: List[str] = []
        src_pos = 0
        for tag, s, d in self._list():
            if s > len(src):
                raise _apply_error()
            parts.append(src[src_pos:s])
            src_pos = max(src_pos, s)
            if tag == "delete":
                src_pos += 1
            else:
                if d >= len(dest):
                    raise _apply_error()
                parts.append(dest[d])
                if tag == "replace":
                    src_pos += 1
        parts.append(src[src_pos:])
        return "".join(parts)

    def _slice(self, key: slice) -> range:
        start, stop, step = key.indices(len(self))
        if step < 0:
            raise ValueError("step sizes below 0 lead to an invalid order of editops")
        return range(start, stop, step)

    def __delitem__(self, key: Union[int, slice]) -> None:
        ops = self._list()
        if isinstance(key, int):
            del ops[self._index(key, ops)]
        elif isinstance(key, slice):
            r = self._slice(key)
            del ops[r.start:r.stop:r.step]
        else:
            raise TypeError("Expected index or slice")

    def __getitem__(self, key: Union[int, slice]) -> Any:
        ops = self._list()
        if isinstance(key, int):
            return Editop(*ops[self._index(key, ops)])
        if isinstance(key, slice):
            r = self._slice(key)
            return Editops._make(ops[r.start:r.stop:r.step], self._src_len, self._dest_len)
        raise TypeError("Expected index or slice")


class Opcodes(_Alignment):
    """List-like object of opcode blocks describing how to turn s1 into s2.
    The first block starts at (0, 0), each next one where the previous one
    ends, and the last one ends at (src_len, dest_len)."""

    __slots__ = ()
    _ITEM = Opcode
    _from_list = staticmethod(_list_to_opcodes)

    def __init__(self, opcodes: Any = None, src_len: int = 0, dest_len: int = 0) -> None:
        super().__init__(opcodes, src_len, dest_len)

    def _unpack(self, pending: Any) -> List[OpcodeTuple]:
        n, tags, a, b, c, d = pending
        unpack = ffi.unpack
        return list(
            zip(map(_TAGS.__getitem__, bytes(ffi.buffer(tags, n))), unpack(a, n), unpack(b, n), unpack(c, n), unpack(d, n))
        )

    @classmethod
    def from_editops(cls, editops: Editops) -> "Opcodes":
        """Opcodes from Editops."""
        if not isinstance(editops, Editops):
            raise TypeError(f"Argument 'editops' has incorrect type (expected Editops, got {type(editops).__name__})")
        return editops.as_opcodes()

    def as_editops(self) -> Editops:
        """The opcodes converted to Editops."""
        return Editops._make(_opcodes_to_editops(self._list()), self._src_len, self._dest_len)

    def as_matching_blocks(self) -> List[MatchingBlock]:
        """The 'equal' blocks as matching blocks, ending with (src_len, dest_len, 0)."""
        blocks = [
            MatchingBlock(s0, d0, min(_wrap_size(s1 - s0), _wrap_size(d1 - d0)))
            for tag, s0, s1, d0, d1 in self._list()
            if tag == "equal" and min(_wrap_size(s1 - s0), _wrap_size(d1 - d0)) > 0
        ]
        blocks.append(MatchingBlock(self._src_len, self._dest_len, 0))
        return blocks

    def as_list(self) -> List[OpcodeTuple]:
        """The blocks as a list of 5-tuples, compatible with difflib's opcodes."""
        return list(self._list())

    def copy(self) -> "Opcodes":
        return Opcodes._make(list(self._list()), self._src_len, self._dest_len)

    def inverse(self) -> "Opcodes":
        """Opcodes turning the destination into the source."""
        swap = {"insert": "delete", "delete": "insert", "replace": "replace", "equal": "equal"}
        return Opcodes._make(
            [(swap[t], d0, d1, s0, s1) for t, s0, s1, d0, d1 in self._list()], self._dest_len, self._src_len
        )

    def apply(self, source_string: Union[str, bytes], destination_string: Union[str, bytes]) -> str:
        """Applies the blocks: 'equal' copies from ``source_string``,
        'replace' and 'insert' from ``destination_string``."""
        _check_apply_strings(source_string, destination_string)
        src, dest = _text(source_string), _text(destination_string)
        parts: List[str] = []
        for tag, s0, s1, d0, d1 in self._list():
            if tag == "equal":
                if s1 > len(src) or s0 > s1:
                    raise _apply_error()
                parts.append(src[s0:s1])
            elif tag != "delete":
                if d1 > len(dest) or d0 > d1:
                    raise _apply_error()
                parts.append(dest[d0:d1])
        return "".join(parts)

    def __getitem__(self, key: int) -> Opcode:
        if not isinstance(key, int):
            raise TypeError("Expected index")
        ops = self._list()
        return Opcode(*ops[self._index(key, ops)])


# ---- computing alignments in the library ----

_new = ffi.new
_from_buffer = ffi.from_buffer
_EMPTY = b"\0"


def _pair(s1: Any, s2: Any, processor: Optional[Callable[..., Any]]) -> Tuple[Any, Any, Any]:
    if processor is not None:
        s1 = processor(s1)
        s2 = processor(s2)
    if s1 is None or s2 is None:
        raise TypeError("object of type 'NoneType' has no len()")
    p1, n1, k1 = to_units(s1, "s1")
    p2, n2, k2 = to_units(s2, "s2")
    # The buffers must outlive the call: return them with the structs.
    b1, b2 = _from_buffer(p1 or _EMPTY), _from_buffer(p2 or _EMPTY)
    return (b1, b2), _new("ffz_str *", (b1, n1, k1))[0], _new("ffz_str *", (b2, n2, k2))[0]


def _read_editops(handle: Any) -> Editops:
    info = _new("size_t[3]")
    status = lib.ffz_editops_info(handle, info, info + 1, info + 2)
    if status:
        raise_status(status)
    n = info[0]
    tags, src, dest = _new("uint8_t[]", n), _new("size_t[]", n), _new("size_t[]", n)
    written = _new("size_t *")
    status = lib.ffz_editops_copy(handle, tags, src, dest, n, written)
    if status:
        raise_status(status)
    return Editops._make(None, info[1], info[2], (n, tags, src, dest))


def _read_opcodes(handle: Any) -> Opcodes:
    out = _new("ffz_opcodes **")
    status = lib.ffz_editops_to_opcodes(handle, out)
    if status:
        raise_status(status)
    try:
        info = _new("size_t[3]")
        status = lib.ffz_opcodes_info(out[0], info, info + 1, info + 2)
        if status:
            raise_status(status)
        n = info[0]
        tags = _new("uint8_t[]", n)
        cols = [_new("size_t[]", n) for _ in range(4)]
        written = _new("size_t *")
        status = lib.ffz_opcodes_copy(out[0], tags, *cols, n, written)
        if status:
            raise_status(status)
    finally:
        lib.ffz_opcodes_free(out[0])
    return Opcodes._make(None, info[1], info[2], (n, tags, *cols))


def _compute(kind: str, s1: Any, s2: Any, processor: Any, score_hint: Any, read: Callable[[Any], Any]) -> Any:
    keep, a, b = _pair(s1, s2, processor)
    out = _new("ffz_editops **")
    if kind == "levenshtein":
        hint = _SIZE_MAX if score_hint is None else _params.int_cutoff(score_hint)
        status = lib.ffz_levenshtein_editops(a, b, hint, out)
    else:
        status = lib.ffz_indel_editops(a, b, out)
    del keep
    if status:
        raise_status(status)
    try:
        return read(out[0])
    finally:
        lib.ffz_editops_free(out[0])


def levenshtein_editops(
    s1: Any, s2: Any, *, processor: Optional[Callable[..., Any]] = None, score_hint: Optional[int] = None
) -> Editops:
    """Levenshtein edit operations turning s1 into s2 (see
    rapidfuzz.distance.Levenshtein.editops). ``score_hint`` is an expected
    distance that can make the computation faster; it never changes the result."""
    return _compute("levenshtein", s1, s2, processor, score_hint, _read_editops)  # type: ignore[no-any-return]


def levenshtein_opcodes(
    s1: Any, s2: Any, *, processor: Optional[Callable[..., Any]] = None, score_hint: Optional[int] = None
) -> Opcodes:
    """Levenshtein opcodes turning s1 into s2 (see rapidfuzz.distance.Levenshtein.opcodes)."""
    return _compute("levenshtein", s1, s2, processor, score_hint, _read_opcodes)  # type: ignore[no-any-return]


def indel_editops(s1: Any, s2: Any, *, processor: Optional[Callable[..., Any]] = None) -> Editops:
    """Indel (insertions and deletions) edit operations turning s1 into s2
    (see rapidfuzz.distance.Indel.editops; like rapidfuzz's, no score_hint)."""
    return _compute("indel", s1, s2, processor, None, _read_editops)  # type: ignore[no-any-return]


def indel_opcodes(s1: Any, s2: Any, *, processor: Optional[Callable[..., Any]] = None) -> Opcodes:
    """Indel opcodes turning s1 into s2 (see rapidfuzz.distance.Indel.opcodes)."""
    return _compute("indel", s1, s2, processor, None, _read_opcodes)  # type: ignore[no-any-return]


__all__ = ["Editop", "Editops", "MatchingBlock", "Opcode", "Opcodes"]
