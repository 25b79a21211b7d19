"""Runs the benchmark cases and prints Markdown to stdout.

    PYTHONPATH=python python3 bench/run.py                  # full run (~1-2 min)
    PYTHONPATH=python python3 bench/run.py --quick          # smoke run (<30 s)
    PYTHONPATH=python python3 bench/run.py --only index --threads 1
    PYTHONPATH=python python3 bench/run.py --json out.json  # raw numbers too

Exits 1 if any implementation raised or returned results that differ from
ferrofuzz's without a documented reason.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
import time


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="short run: fewer repeats, shorter repeats, fewer queries")
    parser.add_argument("--only", metavar="PATTERN", action="append",
                        help="run cases whose name or group contains PATTERN (or matches it as a glob); repeatable")
    parser.add_argument("--json", metavar="FILE", help="also write raw numbers to FILE")
    parser.add_argument("--threads", type=int, metavar="N",
                        help="ferrofuzz thread pool size (sets RAYON_NUM_THREADS; default: all CPUs)")
    parser.add_argument("--repeats", type=int, help="timed repeats per implementation (default 7, quick 3)")
    parser.add_argument("--target", type=float, help="seconds per repeat (default 0.2, quick 0.05)")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    return parser.parse_args(argv)


def selected(cases, patterns):
    if not patterns:
        return list(cases)
    def hit(case, pattern):
        return any(pattern in text or fnmatch.fnmatchcase(text, pattern) for text in (case.name, case.group))
    return [c for c in cases if any(hit(c, p) for p in patterns)]


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.threads is not None:
        # Must happen before the library's thread pool starts (first Index search).
        os.environ["RAYON_NUM_THREADS"] = str(args.threads)

    import bench_alignment  # noqa: F401  (registers cases)
    import bench_distance  # noqa: F401  (registers cases)
    import bench_index  # noqa: F401
    import bench_metrics  # noqa: F401
    import bench_phonetic  # noqa: F401
    import bench_process  # noqa: F401
    import environment
    import harness
    from registry import REGISTRY

    cases = selected(REGISTRY.values(), args.only)
    if args.list or not cases:
        for case in REGISTRY.values():
            print(f"{case.name:45} [{case.group}] {case.description}")
        return 0 if args.list else 2

    repeats = args.repeats or (3 if args.quick else 7)
    target = args.target or (0.05 if args.quick else 0.2)
    setup_repeats = 1 if args.quick else 3
    env = environment.describe()
    command = "python3 bench/run.py " + " ".join(sys.argv[1:] if argv is None else argv)

    started = time.perf_counter()
    results = []
    for case in cases:
        print(f"running {case.name} ...", file=sys.stderr, flush=True)
        results.append(harness.run_case(case, quick=args.quick, repeats=repeats, target=target,
                                        setup_repeats=setup_repeats))
    elapsed = time.perf_counter() - started

    print(f"## ferrofuzz benchmarks{' (quick)' if args.quick else ''}\n")
    print(f"Command: `{command.strip()}`; best of {repeats} repeats of ~{target} s each, "
          f"implementations interleaved; {elapsed:.0f} s in total. "
          "Ratios above 1 mean ferrofuzz is slower. Spread = (median - best) / best over the repeats.\n")
    print(environment.markdown(env) + "\n")
    print(harness.markdown(results) + "\n")
    setups = harness.setup_table(results)
    if setups:
        print(setups + "\n")
    print(harness.details(results))

    if args.json:
        meta = {"command": command.strip(), "quick": args.quick, "repeats": repeats, "target": target,
                "elapsed_seconds": elapsed, "environment": env}
        harness.to_json(args.json, meta, results)
        print(f"wrote {args.json}", file=sys.stderr)
    if harness.has_failures(results):
        print("FAILED: an implementation raised or returned unexpected results (see table)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
