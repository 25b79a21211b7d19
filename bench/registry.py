"""The case registry: what to benchmark, independent of how it is timed.

A :class:`Case` is one workload (e.g. "Levenshtein distance on 1,000 short
name pairs"). It names its inputs and a list of :class:`Impl`, one per
library. The first Impl is ferrofuzz: ratios are ``ferrofuzz / peer`` and
every peer's results are checked against it.

An Impl's ``setup(inputs)`` returns a zero-argument *batch* callable that
processes all of the case's inputs once and returns the results as a list;
the harness times whole batches and divides by ``Case.ops(inputs)``.
``setup`` may import the library (an ImportError skips the Impl) and may do
one-off work such as building an index; the harness times ``setup`` too and
reports it when ``Impl.setup_label`` is set.

Adding a case: write a function building the inputs (usually from data.py),
build Impls (``pairwise`` covers "call fn(a, b) for each pair"), and call
``register(Case(...))`` in a bench_*.py module imported by run.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence

Batch = Callable[[], List[Any]]


@dataclass
class Impl:
    """One library's way of running a case."""

    label: str
    setup: Callable[[Any], Batch]
    # When set, the harness reports setup time under this label (e.g. an index build).
    setup_label: Optional[str] = None
    # "match": results must equal ferrofuzz's after normalisation; a mismatch
    # is an error. "differs": known different semantics, documented in note;
    # the harness reports how many results differ but does not fail.
    expect: str = "match"
    note: str = ""


@dataclass
class Case:
    name: str
    group: str
    description: str
    inputs: Callable[[bool], Any]  # inputs(quick) -> inputs
    ops: Callable[[Any], int]  # number of operations one batch performs
    unit: str  # "call" or "query": what one operation is
    impls: Sequence[Impl]
    # Maps one batch's results to a comparable list (e.g. drop choice strings).
    normalise: Callable[[List[Any]], List[Any]] = list
    notes: List[str] = field(default_factory=list)


REGISTRY: Dict[str, Case] = {}


def register(case: Case) -> Case:
    if case.name in REGISTRY:
        raise ValueError(f"duplicate case name {case.name!r}")
    REGISTRY[case.name] = case
    return case


# -- helpers for common case shapes ----------------------------------------------


def pairwise(get_fn: Callable[[], Callable[[Any, Any], Any]]) -> Callable[[Any], Batch]:
    """Setup for "score every (a, b) pair": ``list(map(fn, firsts, seconds))``.

    ``map`` calls ``fn`` from C, so the per-call overhead outside the library
    is the same small constant for every implementation. ``get_fn`` imports
    lazily so a missing library only skips its Impl.
    """

    def setup(pairs: Sequence[Any]) -> Batch:
        fn = get_fn()
        firsts = [a for a, _ in pairs]
        seconds = [b for _, b in pairs]

        def batch() -> List[Any]:
            return list(map(fn, firsts, seconds))

        return batch

    return setup


def same(a: Any, b: Any, rel: float = 1e-9, abs_tol: float = 1e-12) -> bool:
    """Equality that tolerates float rounding and int/float differences."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y, rel, abs_tol) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=rel, abs_tol=abs_tol)
    return a == b
