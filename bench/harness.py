"""Timing, result checking and reporting for registered cases.

Timing follows ``timeit``: a batch is run ``number`` times in a loop with the
garbage collector off, ``number`` being calibrated so that one repeat takes
about ``target`` seconds, and the best of ``repeats`` repeats is kept (the
minimum is the measurement least disturbed by the rest of the machine).
Implementations are interleaved: every round runs each one once, and the
starting implementation rotates between rounds, so slow drifts (CPU clock,
other load) hit all of them alike.

Before timing, each implementation's batch is run once; its results, after
the case's ``normalise``, are compared with ferrofuzz's.
"""

from __future__ import annotations

import gc
import json
import statistics
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Optional

from registry import Batch, Case, same


@dataclass
class ImplResult:
    label: str
    note: str = ""
    status: str = "ok"  # ok | skipped | error
    reason: str = ""
    setup_label: Optional[str] = None
    setup_seconds: Optional[float] = None  # best of the setup repeats
    number: int = 0  # batches per timed repeat
    batch_seconds: List[float] = field(default_factory=list)  # per repeat, per batch
    per_op: Optional[float] = None  # best seconds per operation
    spread: Optional[float] = None  # (median - best) / best over repeats
    check: str = ""  # reference | match | differs (documented) | MISMATCH
    check_detail: str = ""


@dataclass
class CaseResult:
    name: str
    group: str
    description: str
    unit: str
    ops: int
    impls: List[ImplResult]
    notes: List[str]


def _run(batch: Batch, number: int) -> float:
    """Seconds for ``number`` batches, with the GC off like timeit."""
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(number):
            batch()
        return time.perf_counter() - start
    finally:
        if gc_was_enabled:
            gc.enable()


def calibrate(batch: Batch, target: float) -> int:
    """Batches per repeat so that a repeat lasts about ``target`` seconds."""
    number = 1
    while True:
        elapsed = _run(batch, number)
        if elapsed >= target / 4:
            return max(1, round(number * target / elapsed))
        # Grow towards target/4 in one or two steps, at most 100x at a time.
        number = max(number * 2, min(number * 100, int(number * (target / 4) / max(elapsed, 1e-9)) + 1))


def _compare(reference: List[Any], got: List[Any]) -> tuple[int, str]:
    """(number of differing items, description of the first)."""
    if len(reference) != len(got):
        return max(len(reference), len(got)), f"{len(got)} results vs {len(reference)} from ferrofuzz"
    bad = [i for i, (r, g) in enumerate(zip(reference, got)) if not same(r, g)]
    if not bad:
        return 0, ""
    i = bad[0]
    return len(bad), f"item {i}: ferrofuzz {reference[i]!r} vs {got[i]!r}"


def run_case(case: Case, *, quick: bool, repeats: int, target: float, setup_repeats: int, log=print) -> CaseResult:
    inputs = case.inputs(quick)
    ops = case.ops(inputs)
    results: List[ImplResult] = []
    batches: Dict[str, Batch] = {}
    reference: Optional[List[Any]] = None

    for position, impl in enumerate(case.impls):
        res = ImplResult(label=impl.label, note=impl.note, setup_label=impl.setup_label)
        results.append(res)
        try:
            times = []
            batch = None
            for _ in range(setup_repeats if impl.setup_label else 1):
                batch = None  # free the previous setup's resources first
                start = time.perf_counter()
                batch = impl.setup(inputs)
                times.append(time.perf_counter() - start)
            res.setup_seconds = min(times)
            got = case.normalise(batch())
        except ImportError as exc:
            res.status, res.reason = "skipped", f"not installed: {exc}"
            continue
        except Exception as exc:  # report and carry on with the other libraries
            res.status, res.reason = "error", f"{type(exc).__name__}: {exc}"
            continue
        batches[impl.label] = batch
        if position == 0:
            reference = got
            res.check = "reference"
        elif reference is None:
            res.check = "unchecked (no reference)"
        else:
            count, detail = _compare(reference, got)
            if count == 0:
                res.check = "match"
            elif impl.expect == "differs":
                res.check = f"differs (documented) {count}/{len(reference)}"
            else:
                res.check = f"MISMATCH {count}/{len(reference)}"
            res.check_detail = detail

    live = [r for r in results if r.label in batches]
    for res in live:
        res.number = calibrate(batches[res.label], target)
    for round_no in range(repeats):
        shift = round_no % max(len(live), 1)
        for res in live[shift:] + live[:shift]:
            res.batch_seconds.append(_run(batches[res.label], res.number) / res.number)
    for res in live:
        best = min(res.batch_seconds)
        res.per_op = best / ops
        res.spread = (statistics.median(res.batch_seconds) - best) / best
    batches.clear()
    return CaseResult(case.name, case.group, case.description, case.unit, ops, results, list(case.notes))


def has_failures(cases: List[CaseResult]) -> bool:
    return any(r.status == "error" or r.check.startswith("MISMATCH") for c in cases for r in c.impls)


# -- reporting ------------------------------------------------------------------


# Spread above which a measurement is flagged as noisy.
NOISY = 0.20


def format_seconds(seconds: Optional[float]) -> str:
    if seconds is None:
        return "-"
    for scale, unit in ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")):
        if seconds >= scale or unit == "ns":
            value = seconds / scale
            return f"{value:.0f} {unit}" if value >= 100 else f"{value:.3g} {unit}"
    raise AssertionError


def markdown(cases: List[CaseResult]) -> str:
    lines = [
        "| case | implementation | time / op | ferrofuzz / this | spread | results |",
        "|---|---|---:|---:|---:|---|",
    ]
    for case in cases:
        ferro = case.impls[0].per_op if case.impls and case.impls[0].label == "ferrofuzz" else None
        for i, res in enumerate(case.impls):
            name = f"`{case.name}`" if i == 0 else ""
            label = res.label + (f" ({res.note})" if res.note else "")
            if res.status != "ok":
                lines.append(f"| {name} | {label} | {res.status} | | | {res.reason} |")
                continue
            if i == 0:
                ratio = "-"
            elif ferro is None:
                ratio = "n/a"
            else:
                ratio = f"{ferro / res.per_op:.2f}x"
            time_op = f"{format_seconds(res.per_op)} / {case.unit}"
            lines.append(f"| {name} | {label} | {time_op} | {ratio} | {res.spread * 100:.0f}% | {res.check} |")
    return "\n".join(lines)


def setup_table(cases: List[CaseResult]) -> str:
    rows = [(c, r) for c in cases for r in c.impls if r.setup_label and r.setup_seconds is not None]
    if not rows:
        return ""
    lines = ["| case | one-off cost | time |", "|---|---|---:|"]
    for case, res in rows:
        lines.append(f"| `{case.name}` | {res.setup_label} | {format_seconds(res.setup_seconds)} |")
    return "\n".join(lines)


def details(cases: List[CaseResult]) -> str:
    lines = []
    for case in cases:
        units = "queries" if case.unit == "query" else case.unit + "s"
        lines.append(f"- `{case.name}`: {case.description}; {case.ops:,} {units} per batch.")
        for res in case.impls:
            if res.check_detail:
                lines.append(f"  - {res.label} {res.check}: {res.check_detail}")
            if res.spread is not None and res.spread > NOISY:
                lines.append(f"  - {res.label}: repeats spread {res.spread * 100:.0f}% around the best; "
                             "the machine was busy, so treat this number with care")
        for note in case.notes:
            lines.append(f"  - {note}")
    return "\n".join(lines)


def to_json(path: str, meta: Dict[str, Any], cases: List[CaseResult]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, "cases": [asdict(c) for c in cases]}, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
