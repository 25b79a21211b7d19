"""Every scorer through extractOne and cdist, against rapidfuzz in the same
process: the batch paths beyond the few scorers bench/run.py times.

    PYTHONPATH=python python3 bench/scorer_sweep.py            # ~1 min
    PYTHONPATH=python python3 bench/scorer_sweep.py --quick

extractOne: 20 queries (names with 1-3 edits) over 10,000 names, one
thread on both sides (ferrofuzz uses threads from 16,384 choices on).
cdist: 200 x 2,000 names at workers=1. Each time is the best of 3 runs;
the last column is ferrofuzz's time over rapidfuzz's. Results are compared
(extractOne as (index, score), cdist element-wise) and a difference exits 1.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402
import numpy as np  # noqa: E402
import rapidfuzz  # noqa: E402
from rapidfuzz import distance as rdistance  # noqa: E402

from ferrofuzz import distance as fdistance  # noqa: E402
from ferrofuzz import fuzz as ffuzz  # noqa: E402
from ferrofuzz import process  # noqa: E402

FUZZ = ["ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio", "token_ratio",
        "partial_token_sort_ratio", "partial_token_set_ratio", "partial_token_ratio", "WRatio", "QRatio"]
METRICS = ["Levenshtein", "Indel", "LCSseq", "OSA", "DamerauLevenshtein", "Jaro", "JaroWinkler",
           "Hamming", "Prefix", "Postfix"]


def scorers():
    for name in FUZZ:
        yield f"fuzz.{name}", getattr(ffuzz, name), getattr(rapidfuzz.fuzz, name)
    for name in METRICS:
        yield (f"{name}.normalized_similarity", getattr(fdistance, name).normalized_similarity,
               getattr(rdistance, name).normalized_similarity)


def best(fn, repeats: int) -> float:
    return min(timeit.repeat(fn, number=1, repeat=repeats))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 queries, 50 x 2,000 cells, 2 repeats")
    args = parser.parse_args()
    names = list(data.names(12_000))
    queries = list(data.name_queries(5 if args.quick else 20))
    choices, rows = names[:10_000], names[10_000:10_000 + (50 if args.quick else 200)]
    columns = names[:2_000]
    repeats = 2 if args.quick else 3
    mismatches = []
    print("| scorer | extractOne, 10,000 names | rapidfuzz | ratio | cdist 200 x 2,000 | rapidfuzz | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, ours, theirs in scorers():
        one_ours = [process.extractOne(q, choices, scorer=ours) for q in queries]
        one_theirs = [rapidfuzz.process.extractOne(q, choices, scorer=theirs) for q in queries]
        if [(r[2], r[1]) for r in one_ours] != [(r[2], r[1]) for r in one_theirs]:
            mismatches.append(f"{label} extractOne")
        m_ours = process.cdist(rows, columns, scorer=ours, workers=1)
        m_theirs = rapidfuzz.process.cdist(rows, columns, scorer=theirs, workers=1)
        if m_ours.dtype != m_theirs.dtype or not np.array_equal(m_ours, m_theirs):
            mismatches.append(f"{label} cdist")
        a = best(lambda: [process.extractOne(q, choices, scorer=ours) for q in queries], repeats) / len(queries)
        b = best(lambda: [rapidfuzz.process.extractOne(q, choices, scorer=theirs) for q in queries], repeats) / len(queries)
        c = best(lambda: process.cdist(rows, columns, scorer=ours, workers=1), repeats)
        d = best(lambda: rapidfuzz.process.cdist(rows, columns, scorer=theirs, workers=1), repeats)
        print(f"| `{label}` | {a * 1e3:.2f} ms | {b * 1e3:.2f} ms | {a / b:.2f}x "
              f"| {c * 1e3:.1f} ms | {d * 1e3:.1f} ms | {c / d:.2f}x |", flush=True)
    if mismatches:
        print("\nresults differ from rapidfuzz:", ", ".join(mismatches))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
