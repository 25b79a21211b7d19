"""The C API from C: tests/c/test_ffz.c, the header, and examples/c.

The C program checks itself and prints "N passed, M failed" last. These
tests compile it against the committed header (include/ferrofuzz.h) and the
built library, then run it plainly, under valgrind and under
AddressSanitizer + UBSan. They also compile the header alone as C and C++,
and build and run the C example with the compile line its comment documents.

The library is the in-place build that ``ferrofuzz.get_library()`` names
(``python3 build.py``), or else rust/target/release from ``cargo build
--release``. Without either, or without a C compiler, the tests skip.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INCLUDE_DIR = ROOT / "include"
C_DIR = ROOT / "tests" / "c"
# Self-checking programs: the pairwise API and basics, the index API, the
# phonetic codes, and the LCSseq/OSA/DL/Prefix/Postfix/Jaro/JaroWinkler
# metrics.
TEST_PROGRAMS = {
    "test_ffz": (C_DIR / "test_ffz.c", 1000),
    "test_index_api": (C_DIR / "test_index_api.c", 500),
    "test_phonetic_api": (C_DIR / "test_phonetic_api.c", 450),
    "test_metrics_api": (C_DIR / "test_metrics_api.c", 10000),
    "test_alignment_api": (C_DIR / "test_alignment_api.c", 270),
}
VALGRIND_SUPPRESSIONS = C_DIR / "valgrind.supp"
EXAMPLE_SOURCE = ROOT / "examples" / "c" / "example.c"
LIBRARY_NAME = "libferrofuzz.dylib" if sys.platform == "darwin" else "libferrofuzz.so"

WARNINGS = ["-Wall", "-Wextra", "-Werror", "-pedantic"]
C_FLAGS = ["-std=c99", "-g", *WARNINGS]
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed$")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the C tests use POSIX tools")


# --------------------------------------------------------------------------
# Locating the tools and the library


def _library_path() -> tuple[Path | None, str]:
    """The shared library to link, or None with the reason."""
    reasons = []
    try:
        import ferrofuzz

        path = Path(ferrofuzz.get_library())
        if path.exists():
            return path, ""
        reasons.append(f"ferrofuzz.get_library() names {path}, which does not exist")
    except Exception as e:  # ImportError, or a load failure of the package
        reasons.append(f"cannot import ferrofuzz ({type(e).__name__}: {e})")
    path = ROOT / "rust" / "target" / "release" / LIBRARY_NAME
    if path.exists():
        return path, ""
    reasons.append(f"{path} does not exist")
    return None, "; ".join(reasons) + " (run `python3 build.py`)"


@pytest.fixture(scope="module")
def library() -> Path:
    path, reason = _library_path()
    if path is None:
        pytest.skip(f"ferrofuzz library not built: {reason}")
    return path


@pytest.fixture(scope="module")
def cc() -> str:
    compiler = shutil.which(os.environ.get("CC", "cc"))
    if compiler is None:
        pytest.skip("no C compiler (set CC or install cc)")
    return compiler


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("c_api")


def _run(cmd: list[str], *, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)


def _describe(proc: subprocess.CompletedProcess[str], limit: int = 6000) -> str:
    cmd = proc.args if isinstance(proc.args, str) else shlex.join(map(str, proc.args))
    return (
        f"$ {cmd}\nexit status {proc.returncode}\n"
        f"--- stdout (tail) ---\n{proc.stdout[-limit:]}\n--- stderr (tail) ---\n{proc.stderr[-limit:]}"
    )


def _link_flags(library: Path) -> list[str]:
    libdir = str(library.parent)
    return [f"-L{libdir}", "-lferrofuzz", f"-Wl,-rpath,{libdir}", "-pthread"]


def compile_c(
    compiler: str, sources: list[Path], output: Path, library: Path, extra: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    cmd = [
        compiler,
        *C_FLAGS,
        *(extra or []),
        f"-I{INCLUDE_DIR}",
        f"-I{C_DIR}",
        *map(str, sources),
        *_link_flags(library),
        "-o",
        str(output),
    ]
    return _run(cmd)


def assert_all_passed(proc: subprocess.CompletedProcess[str], minimum: int = 1000) -> int:
    """The program exited 0, its last line is "N passed, 0 failed", and at
    least ``minimum`` checks ran."""
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert proc.returncode == 0, _describe(proc)
    assert lines, _describe(proc)
    match = SUMMARY.match(lines[-1])
    assert match, f"last line is not 'N passed, M failed':\n{_describe(proc)}"
    passed, failed = int(match.group(1)), int(match.group(2))
    assert failed == 0, _describe(proc)
    assert passed >= minimum, f"only {passed} checks ran:\n{_describe(proc)}"
    return passed


@pytest.fixture(scope="module", params=sorted(TEST_PROGRAMS))
def program(request: pytest.FixtureRequest) -> tuple[str, Path, int]:
    """(name, source, minimum number of checks) of one C test program."""
    name = request.param
    source, minimum = TEST_PROGRAMS[name]
    return name, source, minimum


@pytest.fixture(scope="module")
def test_binary(cc: str, library: Path, build_dir: Path, program: tuple[str, Path, int]) -> tuple[Path, int]:
    name, source, minimum = program
    output = build_dir / name
    proc = compile_c(cc, [source], output, library, ["-lm"])
    assert proc.returncode == 0, f"{source.name} does not compile cleanly:\n{_describe(proc)}"
    return output, minimum


# A program that leaks an index on purpose: the checkers below must flag it,
# which proves their flags and suppressions still catch a real leak.
LEAK_SOURCE = r"""
#include <stddef.h>
#include "ferrofuzz.h"

int main(void) {
    ffz_str choice = {"leaked", 6, FFZ_KIND_U8};
    ffz_index *index = NULL;
    if (ffz_index_new(&choice, 1, &index) != FFZ_OK) return 2;
    index = NULL; /* drop the only pointer without ffz_index_free */
    return index == NULL ? 0 : 3;
}
"""


def _leak_program(compiler: str, library: Path, build_dir: Path, name: str, extra: list[str]) -> Path:
    source = build_dir / "leak.c"
    source.write_text(LEAK_SOURCE)
    output = build_dir / name
    proc = compile_c(compiler, [source], output, library, ["-O0", *extra])
    assert proc.returncode == 0, _describe(proc)
    return output


# --------------------------------------------------------------------------
# The C test program


def test_c_program_passes(test_binary: tuple[Path, int]) -> None:
    """Every check passes. test_ffz.c: values of every pairwise function in
    all four forms and their cutoff rules, every string kind (UTF-8
    multi-byte and astral vs UTF-32, unaligned U32/U64, mixed kinds, NULL
    empties), every error status with untouched out-params, caught panics,
    per-thread error messages, and index basics with concurrent searches.
    test_index_api.c: adds with keys, choice and key lookup, threshold
    searches against pairwise distances, search_many, dedupe, bytes and
    files, and their error paths."""
    binary, minimum = test_binary
    proc = _run([str(binary)], timeout=60)
    assert_all_passed(proc, minimum)
    assert proc.stderr == "", _describe(proc)


# --------------------------------------------------------------------------
# The header alone

HEADER_PROBE_C = """
#include "ferrofuzz.h"
#include "ferrofuzz.h" /* the include guard works */

int main(void) {
    ffz_str s = {"abc", 3, FFZ_KIND_U8};
    size_t out = 0;
    return ffz_levenshtein_distance(s, s, NULL, SIZE_MAX, SIZE_MAX, &out) == FFZ_OK && out == 0 ? 0 : 1;
}
"""

HEADER_PROBE_CXX = """
#include "ferrofuzz.h"
#include <cstdio>
#include <cstring>

int main() {
    ffz_str s = {"kitten", 6, FFZ_KIND_U8};
    ffz_str t = {"sitting", 7, FFZ_KIND_U8};
    size_t out = 0;
    if (ffz_levenshtein_distance(s, t, nullptr, SIZE_MAX, SIZE_MAX, &out) != FFZ_OK || out != 3) return 1;
    if (ffz_abi_version() != FFZ_ABI_VERSION) return 2;
    std::printf("%s\\n", ffz_version());
    return std::strlen(ffz_last_error_message()) == 0 ? 0 : 3;
}
"""


@pytest.mark.parametrize("std", ["c99", "c11"])
def test_header_compiles_as_c(cc: str, library: Path, build_dir: Path, std: str) -> None:
    """The header compiles warning-free as strict C and links and runs."""
    source = build_dir / f"probe_{std}.c"
    source.write_text(HEADER_PROBE_C)
    output = build_dir / f"probe_{std}"
    cmd = [
        cc,
        f"-std={std}",
        *WARNINGS,
        "-Wstrict-prototypes",
        "-Wmissing-prototypes",
        "-Wundef",
        "-Wshadow",
        "-Wconversion",
        f"-I{INCLUDE_DIR}",
        str(source),
        *_link_flags(library),
        "-o",
        str(output),
    ]
    proc = _run(cmd)
    assert proc.returncode == 0, _describe(proc)
    assert _run([str(output)]).returncode == 0


@pytest.mark.parametrize("std", ["c++11", "c++17"])
def test_header_compiles_as_cxx(library: Path, build_dir: Path, std: str) -> None:
    """The header compiles warning-free as C++, and its extern "C" block
    lets a C++ program link and call the library."""
    cxx = shutil.which(os.environ.get("CXX", "g++"))
    if cxx is None:
        pytest.skip("no C++ compiler (set CXX or install g++)")
    output = build_dir / f"probe_{std.replace('+', 'x')}"
    cmd = [
        cxx,
        f"-std={std}",
        *WARNINGS,
        f"-I{INCLUDE_DIR}",
        "-x",
        "c++",
        "-",
        *_link_flags(library),
        "-o",
        str(output),
    ]
    proc = _run(cmd, input=HEADER_PROBE_CXX)
    assert proc.returncode == 0, _describe(proc)
    run = _run([str(output)])
    assert run.returncode == 0, _describe(run)
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", run.stdout.strip()), run.stdout


# --------------------------------------------------------------------------
# valgrind

# Leak policy. Only *definitely* and *indirectly* lost blocks are real leaks,
# and those fail the run (exit 99), as does any memory error. "Still
# reachable" blocks are not leaks: rayon's global thread pool (registry,
# worker stacks, crossbeam-epoch collector) and Rust's thread-locals are
# reachable from globals or live threads at exit, by design, so they are
# reported in the summary but are not errors. "Possibly lost" is also an
# error, except for the one known false positive suppressed in
# tests/c/valgrind.supp: glibc's per-thread DTV, which glibc holds through
# an interior pointer (see that file). test_valgrind_flags_a_leak proves
# that these flags still catch a leaked index.
VALGRIND_FLAGS = [
    "--error-exitcode=99",
    "--leak-check=full",
    "--show-leak-kinds=definite,indirect,possible",
    "--errors-for-leak-kinds=definite,indirect,possible",
    f"--suppressions={VALGRIND_SUPPRESSIONS}",
    "--track-origins=yes",
]
# Valgrind runs threads one at a time; a bounded pool keeps it quick on big
# machines without changing what is tested.
VALGRIND_ENV = {**os.environ, "RAYON_NUM_THREADS": "4"}


@pytest.fixture(scope="module")
def valgrind() -> str:
    path = shutil.which("valgrind")
    if path is None:
        pytest.skip("valgrind is not installed (apt-get install valgrind)")
    return path


def _valgrind_summary(stderr: str) -> str:
    keep = ("ERROR SUMMARY", "definitely lost", "indirectly lost", "possibly lost", "still reachable", "suppressed:")
    return "\n".join(line for line in stderr.splitlines() if any(k in line for k in keep))


def test_valgrind_clean(valgrind: str, test_binary: tuple[Path, int]) -> None:
    """No memory errors and no leaks in a whole C test program."""
    binary, minimum = test_binary
    proc = _run([valgrind, *VALGRIND_FLAGS, str(binary)], timeout=300, env=VALGRIND_ENV)
    summary = _valgrind_summary(proc.stderr)
    assert proc.returncode != 99, f"valgrind found errors or leaks:\n{_describe(proc, 20000)}"
    assert_all_passed(proc, minimum)
    assert "ERROR SUMMARY: 0 errors" in proc.stderr, summary
    assert re.search(r"definitely lost: 0 bytes|All heap blocks were freed", proc.stderr), summary


def test_valgrind_flags_a_leak(valgrind: str, cc: str, library: Path, build_dir: Path) -> None:
    """The flags above are not too lenient: an unfreed index fails the run."""
    leak = _leak_program(cc, library, build_dir, "leak_valgrind", [])
    proc = _run([valgrind, *VALGRIND_FLAGS, str(leak)], timeout=120, env=VALGRIND_ENV)
    assert proc.returncode == 99, _describe(proc)
    assert re.search(r"definitely lost: [1-9]", proc.stderr), _valgrind_summary(proc.stderr)


# --------------------------------------------------------------------------
# AddressSanitizer + UndefinedBehaviorSanitizer
#
# The C code is instrumented; the Rust library is not, but ASan intercepts
# its malloc/free, so LeakSanitizer sees its leaks. Linking an instrumented
# executable makes the compiler put the ASan runtime first in DT_NEEDED, as
# ASan requires, so no LD_PRELOAD is needed.

SANITIZE = ["-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-fno-sanitize-recover=all", "-g"]
SANITIZER_ENV = {
    **os.environ,
    "ASAN_OPTIONS": "detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1",
    "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1",
    "LSAN_OPTIONS": "",
}
SANITIZER_REPORTS = re.compile(r"ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:|SUMMARY: \w+Sanitizer")


def _sanitized(cc: str, library: Path, build_dir: Path, sources: list[Path], name: str) -> Path:
    output = build_dir / name
    proc = compile_c(cc, sources, output, library, SANITIZE)
    if proc.returncode != 0:
        if re.search(r"asan|ubsan|sanitize", proc.stderr, re.I):
            pytest.skip(f"the toolchain cannot build with -fsanitize=address,undefined: {proc.stderr.strip()[:500]}")
        pytest.fail(_describe(proc))
    return output


def _skip_if_lsan_cannot_run(proc: subprocess.CompletedProcess[str]) -> None:
    if "LeakSanitizer has encountered a fatal error" in proc.stderr or "does not work under ptrace" in proc.stderr:
        pytest.skip("LeakSanitizer cannot run here (ptrace is restricted, e.g. in some containers)")


def test_asan_ubsan_clean(cc: str, library: Path, build_dir: Path, program: tuple[str, Path, int]) -> None:
    """No ASan, LSan or UBSan report in a whole C test program."""
    name, source, minimum = program
    binary = _sanitized(cc, library, build_dir, [source], f"{name}_asan")
    proc = _run([str(binary)], timeout=120, env=SANITIZER_ENV)
    _skip_if_lsan_cannot_run(proc)
    assert not SANITIZER_REPORTS.search(proc.stderr), _describe(proc, 20000)
    assert_all_passed(proc, minimum)


def test_asan_flags_a_leak(cc: str, library: Path, build_dir: Path) -> None:
    """LeakSanitizer sees the library's allocations: an unfreed index fails."""
    source = build_dir / "leak.c"
    source.write_text(LEAK_SOURCE)
    binary = _sanitized(cc, library, build_dir, [source], "leak_asan")
    proc = _run([str(binary)], timeout=60, env=SANITIZER_ENV)
    _skip_if_lsan_cannot_run(proc)
    assert proc.returncode != 0, _describe(proc)
    assert "ERROR: LeakSanitizer: detected memory leaks" in proc.stderr, _describe(proc)


# --------------------------------------------------------------------------
# The C example


def _documented_commands() -> list[str]:
    """The shell lines of example.c's first compile recipe, up to ./example."""
    comment = EXAMPLE_SOURCE.read_text().split("*/", 1)[0]
    lines = [line.strip().lstrip("*").strip() for line in comment.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("INCDIR="))
    end = next(i for i, line in enumerate(lines) if line == "./example")
    return lines[start:end]


def _check_example_output(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 0, _describe(proc)
    lines = proc.stdout.splitlines()
    assert re.fullmatch(r"ferrofuzz \d+\.\d+\.\d+\S* \(ABI \d+\)", lines[0]), proc.stdout
    assert lines[1:5] == [
        'best matches for "Jon Smith":',
        "  1. John Smith (0.900)",
        "  2. Joan Smith (0.900)",
        "  3. Jon Smythe (0.800)",
    ], proc.stdout
    assert 'levenshtein("kitten", "sitting") = 3' in lines
    assert re.search(r"^expected error 4: .*UTF-8", proc.stdout, re.M), proc.stdout


def test_example_strict_build(cc: str, library: Path, build_dir: Path) -> None:
    """example.c compiles with -Werror -pedantic and prints what it says."""
    output = build_dir / "example_strict"
    proc = compile_c(cc, [EXAMPLE_SOURCE], output, library)
    assert proc.returncode == 0, _describe(proc)
    _check_example_output(_run([str(output)]))


def test_example_documented_compile_line(cc: str, build_dir: Path) -> None:
    """The compile line in example.c's comment works as written, with the
    Python package that ferrofuzz.get_include()/get_library() describe."""
    try:
        import ferrofuzz
    except Exception as e:
        pytest.skip(f"the documented line needs an importable ferrofuzz: {e}")
    workdir = build_dir / "example_documented"
    workdir.mkdir()
    shutil.copy2(EXAMPLE_SOURCE, workdir / "example.c")
    script = "set -eu\n" + "\n".join(_documented_commands()) + "\n./example\n"
    # "python3" and "cc" in the comment mean this interpreter and compiler.
    script = script.replace("python3 ", f"{shlex.quote(sys.executable)} ").replace("\ncc ", f"\n{shlex.quote(cc)} ")
    package_parent = str(Path(ferrofuzz.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")]))}
    proc = _run(["bash", "-c", script], cwd=workdir, env=env)
    _check_example_output(proc)


# --------------------------------------------------------------------------
# Regression: weights near SIZE_MAX once wrapped around silently.

HUGE_WEIGHTS_SOURCE = r"""
#include <stdint.h>
#include <stdio.h>
#include "ferrofuzz.h"

/* The exact answers below fit in size_t; only the library's arithmetic
 * (len * weight, and the DP's sums) overflows. Either the exact answer or a
 * failure status is acceptable; a wrapped-around number is not. */
static int check(const char *what, int32_t status, size_t out, size_t exact) {
    if (status != FFZ_OK) {
        printf("%s: status %d (%s)\n", what, (int)status, ffz_last_error_message());
        return 0;
    }
    printf("%s: %zu (exact %zu)\n", what, out, exact);
    return out != exact;
}

int main(void) {
    ffz_str abc = {"abc", 3, FFZ_KIND_U8}, abd = {"abd", 3, FFZ_KIND_U8}, x = {"x", 1, FFZ_KIND_U8};
    ffz_levenshtein_weights max = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    ffz_levenshtein_weights half = {SIZE_MAX / 2, SIZE_MAX / 2, 1};
    size_t out = 0;
    int bad = 0;
    int32_t st = ffz_levenshtein_distance(abc, abd, &max, SIZE_MAX, SIZE_MAX, &out);
    bad += check("one substitution costing SIZE_MAX", st, out, SIZE_MAX);
    st = ffz_levenshtein_distance(abc, x, &half, SIZE_MAX, SIZE_MAX, &out);
    bad += check("1 + 2 * (SIZE_MAX / 2)", st, out, SIZE_MAX);
    return bad;
}
"""


def test_huge_weights_do_not_wrap(cc: str, library: Path, build_dir: Path) -> None:
    source = build_dir / "huge_weights.c"
    source.write_text(HUGE_WEIGHTS_SOURCE)
    output = build_dir / "huge_weights"
    proc = compile_c(cc, [source], output, library)
    assert proc.returncode == 0, _describe(proc)
    run = _run([str(output)])
    assert run.returncode == 0, _describe(run)
