"""The ABI-mode module (dlopen) and a separately named library give the
same results as the compiled API-mode module."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ferrofuzz

ROOT = Path(__file__).resolve().parent.parent
CHILD = "FERROFUZZ_BACKEND_TEST_CHILD"
SUITE = ["test_distance_reference.py", "test_distance_rapidfuzz.py", "test_bad_inputs.py", "test_index_flagship.py"]


def run_suite(env_extra, expected_backend):
    env = {**os.environ, **env_extra, CHILD: "1", "PYTHONPATH": str(ROOT / "python")}
    check = subprocess.run(
        [sys.executable, "-c", "import ferrofuzz; print(ferrofuzz.BACKEND)"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == expected_backend
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *SUITE],
        cwd=ROOT / "tests", env=env, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


skip_in_child = pytest.mark.skipif(os.environ.get(CHILD) == "1", reason="already running in a backend subprocess")


@skip_in_child
def test_abi_mode_passes_the_suite():
    run_suite({"FERROFUZZ_BACKEND": "abi"}, "abi")


@skip_in_child
def test_separately_built_library(tmp_path):
    copy = tmp_path / "libferrofuzz-copy.so"
    shutil.copy2(ferrofuzz.get_library(), copy)
    run_suite({"FERROFUZZ_LIBRARY": str(copy)}, "abi")


@pytest.mark.parametrize(
    "env, message",
    [
        ({"FERROFUZZ_LIBRARY": "/nonexistent/libferrofuzz.so"}, "is not a file"),
        ({"FERROFUZZ_BACKEND": "fast"}, "must be 'api' or 'abi'"),
    ],
)
def test_bad_environment_gives_import_error(env, message):
    result = subprocess.run(
        [sys.executable, "-c", "import ferrofuzz"],
        env={**os.environ, **env, "PYTHONPATH": str(ROOT / "python")},
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode != 0
    assert "ImportError" in result.stderr and message in result.stderr


def test_package_paths():
    assert Path(ferrofuzz.get_library()).is_file()
    assert (Path(ferrofuzz.get_include()) / "ferrofuzz.h").is_file()
    from ferrofuzz import _native

    assert ferrofuzz.__version__ == _native.ffi.string(_native.lib.ffz_version()).decode()
    assert _native.lib.ffz_abi_version() == _native.lib.FFZ_ABI_VERSION
