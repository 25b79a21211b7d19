"""Shared pytest configuration: hypothesis profiles, the ``library``
marker, and the skips for older differential oracles.

The default profile keeps the suite quick; FERROFUZZ_HYPOTHESIS=thorough
runs many more examples. FERROFUZZ_HYPOTHESIS=portability runs fewer: CI
sets it for the runs on extra interpreters and on the installed wheel
(.ci/interpreters.sh, .ci/wheel.sh), which check that the bindings and the
package work there; the main run searches the property space with the
default profile, against the same library.

Tests marked ``library`` check the Rust library and its C ABI rather than
the Python interpreter running the suite: ``cargo test`` and the C programs
(plain, under valgrind and under ASan/UBSan). They are marked by file, below.
FERROFUZZ_SKIP_LIBRARY_TESTS=1 skips them (each shows as skipped, with the
reason): .ci/interpreters.sh sets it for the extra interpreters, whose run
would repeat them unchanged against the same library (docs/portability.md).

The differential tests' oracles are rapidfuzz 3.14.6 and jellyfish 1.3.0,
which need Python >= 3.11. Older interpreters (3.9, 3.10, PyPy 3.9) get the
newest releases that install there (requirements-test.txt), and a few tests
that hit a documented behaviour change between those and the pinned oracle
are skipped there, each with the change as its reason (ORACLE_CHANGES).
They run wherever the pinned oracle is installed.
"""

import os
import platform
import types
from importlib import metadata

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "portability", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("FERROFUZZ_HYPOTHESIS", "default"))


def _let_pypy_collect_cython_generators():
    """PyPy 7.3.11 (Debian's pypy3) aborts the process ("cpyext: missing
    slot wrapper wrap_del") when its GC collects a generator made by a
    Cython 3 extension: cpyext exposes the type's tp_finalize as __del__ but
    cannot call it (pypy/pypy#3403). rapidfuzz's compiled module, an oracle
    of the differential tests, makes such generators (extract_iter, and
    generator expressions in its Cython code). Removing that __del__ lets
    the GC free them; only the oracle's generator type is touched, never
    ferrofuzz (which has no Cython)."""
    try:
        from rapidfuzz import process
    except ImportError:
        return
    generator = process.extract_iter("", [])
    kind = type(generator)
    if kind is not types.GeneratorType and "__del__" in vars(kind):
        del kind.__del__
    list(generator)


if platform.python_implementation() == "PyPy":
    _let_pypy_collect_cython_generators()

LIBRARY_TEST_FILES = {"test_rust_core.py", "test_c_api.py"}
SKIP_LIBRARY_TESTS = os.environ.get("FERROFUZZ_SKIP_LIBRARY_TESTS", "") not in ("", "0")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "library: tests the Rust library or C ABI itself (cargo test, C programs), not the interpreter"
    )


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(
        reason="FERROFUZZ_SKIP_LIBRARY_TESTS=1: library/C-ABI test, not interpreter-specific (runs in the main CI run)"
    )
    oracle_skips = _oracle_skips()
    for item in items:
        if item.path.name in LIBRARY_TEST_FILES:
            item.add_marker(pytest.mark.library)
            if SKIP_LIBRARY_TESTS:
                item.add_marker(skip)
        node_id = "tests/" + item.path.name + "::" + item.name
        marker = oracle_skips.get(node_id) or oracle_skips.get(node_id.split("[")[0])
        if marker is not None:
            item.add_marker(marker)


# (distribution, first version with the behaviour the tests expect, the
# change, the node ids that hit it).
ORACLE_CHANGES = [
    (
        "rapidfuzz", (3, 14),
        "rapidfuzz 3.14.0 fixed WRatio for a length ratio of exactly 8.0, which this test compares",
        [
            "tests/test_fuzz.py::test_scorers_match_rapidfuzz[WRatio]",
            "tests/test_fuzz.py::test_scorers_match_rapidfuzz_ascii[WRatio]",
            "tests/test_fuzz.py::test_random_strings_of_many_lengths[0]",
            "tests/test_fuzz.py::test_random_strings_of_many_lengths[1]",
            "tests/test_fuzz.py::test_random_strings_of_many_lengths[3]",
            "tests/test_fuzz.py::test_known_values",
            "tests/test_process.py::test_defaults_are_wratio_and_ratio",
            "tests/test_process_short_lists.py::test_limits_around_the_pooled_buffers_match_rapidfuzz[WRatio]",
            "tests/test_process_short_lists.py::test_mixed_width_short_lists_match_rapidfuzz[WRatio]",
            "tests/test_process_short_lists.py::test_score_cutoffs_on_short_lists_match_rapidfuzz[WRatio]",
            "tests/test_process_short_lists.py::test_default_process_on_short_lists_matches_rapidfuzz[WRatio]",
        ],
    ),
    (
        "jellyfish", (1, 3),
        "jellyfish 1.3.0 changed metaphone (e.g. 'gh') and its TypeError messages, which this test compares",
        [
            "tests/test_phonetic.py::test_codes_match_jellyfish",
            "tests/test_phonetic.py::test_non_str_is_a_type_error",
        ],
    ),
]


def _version(distribution):
    try:
        text = metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
    return tuple(int(part) for part in text.split(".")[:2] if part.isdigit())


def _oracle_skips():
    """{node id or node id prefix: skip marker} for the installed oracles."""
    skips = {}
    for distribution, needed, change, node_ids in ORACLE_CHANGES:
        installed = _version(distribution)
        if installed is not None and installed < needed:
            reason = f"{distribution} {metadata.version(distribution)} installed: {change}"
            for node_id in node_ids:
                skips[node_id] = pytest.mark.skip(reason=reason)
    return skips
