"""Distance metrics, mirroring ``rapidfuzz.distance``."""

from ..fuzz import ScoreAlignment
from ._alignment import Editop, Editops, MatchingBlock, Opcode, Opcodes
from . import DamerauLevenshtein, Hamming, Indel, Jaro, JaroWinkler, LCSseq, Levenshtein, OSA, Postfix, Prefix

__all__ = [
    "Editop",
    "Editops",
    "MatchingBlock",
    "Opcode",
    "Opcodes",
    "ScoreAlignment",
    "DamerauLevenshtein",
    "Hamming",
    "Indel",
    "Jaro",
    "JaroWinkler",
    "LCSseq",
    "Levenshtein",
    "OSA",
    "Postfix",
    "Prefix",
]
