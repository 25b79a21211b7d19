"""Where one ferrofuzz.process.extract call over 100,000 names spends its
time: packing the list in Python, the library call alone (on a list
packed once), and the whole call, next to rapidfuzz's whole call, in one
process and interleaved. Run with RAYON_NUM_THREADS=1 for the
like-for-like single-thread figures:

    RAYON_NUM_THREADS=1 PYTHONPATH=python python3 bench/process_breakdown.py
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import data  # noqa: E402
from rapidfuzz import process as rp  # noqa: E402
from rapidfuzz.distance import Levenshtein as RL  # noqa: E402

from ferrofuzz import process as fp  # noqa: E402
from ferrofuzz._batch import pack_str  # noqa: E402
from ferrofuzz._native import ffi, lib  # noqa: E402
from ferrofuzz.distance import Levenshtein as FL  # noqa: E402


def best(fn, repeats=5):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    names = list(data.names(100_000))
    queries = list(data.name_queries(20))
    n = len(queries)
    native = fp._native(FL.normalized_similarity, {})
    packed = pack_str(names)
    out_pos, out_scores, written = ffi.new("size_t[]", 8), ffi.new("double[]", 8), ffi.new("size_t *")
    qstrs = [fp._query_str(q) for q in queries]

    def raw(limit):
        for qstr, _buf in qstrs:
            status = lib.ffz_process_extract(qstr, packed.ptr, native.struct, limit, ffi.NULL, ffi.NULL, 1,
                                             ffi.NULL, out_pos, out_scores, written)
            assert status == 0

    print(f"pack the list: {best(lambda: pack_str(names)) * 1e3:.2f} ms per call")
    for limit in (5, 1):
        print(f"library call alone, limit={limit}: {best(lambda: raw(limit)) / n * 1e3:.2f} ms per query")
    for label, ours, theirs in [
        ("extract top-5", lambda q: fp.extract(q, names, scorer=FL.normalized_similarity, limit=5),
         lambda q: rp.extract(q, names, scorer=RL.normalized_similarity, limit=5)),
        ("extractOne", lambda q: fp.extractOne(q, names, scorer=FL.normalized_similarity),
         lambda q: rp.extractOne(q, names, scorer=RL.normalized_similarity)),
    ]:
        for _ in range(2):
            f = best(lambda: [ours(q) for q in queries], 3) / n
            r = best(lambda: [theirs(q) for q in queries], 3) / n
            print(f"{label}: ferrofuzz {f * 1e3:.2f} ms, rapidfuzz {r * 1e3:.2f} ms per query: {f / r:.2f}x")


if __name__ == "__main__":
    main()
