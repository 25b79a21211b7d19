"""ferrofuzz: fast fuzzy string matching on a Rust core.

The API mirrors rapidfuzz (``ferrofuzz.distance``, ``ferrofuzz.fuzz``,
``ferrofuzz.process``, ``ferrofuzz.utils``) and jellyfish's phonetic codes
(``ferrofuzz.phonetic``), and adds :class:`ferrofuzz.Index` for searching
large corpora.
"""

from __future__ import annotations

from . import distance, fuzz, phonetic, process, utils
from ._errors import FerrofuzzError, InternalError
from ._native import BACKEND, HEADER_PATH, LIBRARY_PATH, LIBRARY_VERSION, lib
from .index import Index

__version__ = LIBRARY_VERSION


def get_include() -> str:
    """The directory that holds ``ferrofuzz.h``, for compiling C against it."""
    return str(HEADER_PATH.parent)


def get_library() -> str:
    """The path of the shared library, for linking or loading it via FFI."""
    return str(LIBRARY_PATH)


__all__ = [
    "BACKEND",
    "FerrofuzzError",
    "Index",
    "InternalError",
    "distance",
    "fuzz",
    "get_include",
    "get_library",
    "phonetic",
    "process",
    "utils",
]
