"""Maps the library's status codes to Python exceptions."""

from __future__ import annotations

from typing import NoReturn

from ._native import ffi, lib


class FerrofuzzError(Exception):
    """Base class of errors raised by the ferrofuzz library itself."""


class InternalError(FerrofuzzError):
    """The library caught a panic: a bug in ferrofuzz. Please report it."""


class Cancelled(FerrofuzzError):
    """A batch call was cancelled before it finished."""


_BY_STATUS: dict[int, type[Exception]] = {
    lib.FFZ_PANIC: InternalError,
    lib.FFZ_NULL_POINTER: ValueError,
    lib.FFZ_INVALID_ARGUMENT: ValueError,
    lib.FFZ_INVALID_UTF8: ValueError,
    lib.FFZ_UNKNOWN_KIND: ValueError,
    lib.FFZ_LENGTH_MISMATCH: ValueError,
    lib.FFZ_TOO_LARGE: ValueError,
    lib.FFZ_IO_ERROR: OSError,
    lib.FFZ_BAD_FILE: ValueError,
    lib.FFZ_CANCELLED: Cancelled,
    lib.FFZ_NOT_ALPHABETIC: ValueError,
}


def last_error_message() -> str:
    return ffi.string(lib.ffz_last_error_message()).decode("utf-8", "replace")


def raise_status(status: int) -> NoReturn:
    """Raises the exception for a nonzero status, with the library's message."""
    status = int(abs(status))
    raise _BY_STATUS.get(status, FerrofuzzError)(last_error_message())


def check(status: int) -> None:
    if status:
        raise_status(status)
