"""Index build time, memory and dedupe time at 100,000 and 1,000,000 names.

    PYTHONPATH=python python3 bench/index_scale.py [--million] [--dedupe]

Memory is what the library holds (``Index.memory_usage()``), compared with
the raw UTF-8 size of the names. Dedupe groups names whose normalized
Levenshtein similarity is at least 0.9 (connected components).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import data  # noqa: E402

import ferrofuzz  # noqa: E402


def measure(count: int, dedupe: bool) -> dict:
    names = list(data.names(count))
    raw = sum(len(n.encode()) for n in names)
    started = time.perf_counter()
    index = ferrofuzz.Index(names)
    build = time.perf_counter() - started
    memory = index.memory_usage()
    row = {"names": count, "build_s": build, "memory_mb": memory / 1e6, "raw_mb": raw / 1e6, "ratio": memory / raw}
    if dedupe:
        started = time.perf_counter()
        groups = index.dedupe(threshold=0.9, workers=-1)
        row["dedupe_s"] = time.perf_counter() - started
        row["groups"] = len(groups)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--million", action="store_true", help="also measure 1,000,000 names")
    parser.add_argument("--dedupe", action="store_true", help="also time dedupe(threshold=0.9)")
    args = parser.parse_args()
    counts = [100_000] + ([1_000_000] if args.million else [])
    print("| names | build (Python call, s) | library memory (MB) | raw UTF-8 (MB) | memory / raw | dedupe (s) | groups |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for count in counts:
        r = measure(count, args.dedupe)
        print(
            f"| {r['names']:,} | {r['build_s']:.2f} | {r['memory_mb']:.1f} | {r['raw_mb']:.1f} | {r['ratio']:.2f}x"
            f" | {r.get('dedupe_s', float('nan')):.1f} | {r.get('groups', '-')} |"
        )


if __name__ == "__main__":
    main()
