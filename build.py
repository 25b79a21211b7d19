"""Builds ferrofuzz: the Rust library, then the cffi modules that load it.

Steps:
1. ``cargo build --release`` in rust/, then copy the shared library and the
   committed header (include/ferrofuzz.h) into python/ferrofuzz/.
2. Turn the header into one cffi cdef: drop the preprocessor lines and the
   C++ guards, keep ``#define NAME <integer>`` constants.
3. Emit two out-of-line cffi modules from that cdef:
   - ``ferrofuzz._ffz_api``: API mode, a compiled extension linked against
     the library with an rpath of $ORIGIN. It is the fast path. Besides the
     header's functions it holds "flat" shims (see ``flat_shims``) that let
     Python score a pair without building structs or out-params, and ASCII
     fast-path twins of them with only four arguments (``fast_shims``).
   - ``ferrofuzz._ffz_abi``: ABI mode, a generated pure-Python module that
     dlopens the library. Used on PyPy, when the API module cannot load, or
     when FERROFUZZ_LIBRARY names another build of the library.

``python build.py`` builds in place for development. ``pip install .`` runs
the same steps through setup.py. ``python build.py --cffi-only`` runs only
step 3, for the running interpreter, against the library a previous full
build left in python/ferrofuzz/ (no Rust toolchain needed): that is how one
Rust build serves several Pythons (docs/portability.md). Each interpreter's
compiled module has its own name (``_ffz_api.cpython-39-x86_64-linux-gnu.so``,
...), so they coexist in the package directory.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RUST_DIR = ROOT / "rust"
HEADER = ROOT / "include" / "ferrofuzz.h"
PACKAGE_DIR = ROOT / "python" / "ferrofuzz"
LIBRARY_NAME = "libferrofuzz.so" if sys.platform != "darwin" else "libferrofuzz.dylib"


class BuildError(RuntimeError):
    """A build step failed; the message says what to install or fix."""


def require_tool(name: str, purpose: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BuildError(
            f"ferrofuzz needs `{name}` to build {purpose}, and it is not on PATH. "
            + (
                "Install a Rust toolchain (https://rustup.rs) and retry."
                if name == "cargo"
                else "Install a C compiler (for example `apt-get install gcc`) and retry."
            )
        )
    return path


def cargo_target_dir() -> Path:
    env = os.environ.get("CARGO_TARGET_DIR")
    return Path(env) if env else RUST_DIR / "target"


def build_rust_library(package_dir: Path) -> Path:
    """Builds the release library and copies it into ``package_dir``."""
    cargo = require_tool("cargo", "the Rust core")
    subprocess.run(
        [cargo, "build", "--release", "--manifest-path", str(RUST_DIR / "Cargo.toml")],
        check=True,
    )
    built = cargo_target_dir() / "release" / LIBRARY_NAME
    if not built.exists():
        raise BuildError(f"cargo finished but {built} does not exist")
    dest = package_dir / LIBRARY_NAME
    tmp = dest.with_suffix(".tmp")
    shutil.copy2(built, tmp)
    os.replace(tmp, dest)  # atomic, so a running process keeps its old copy
    shutil.copy2(HEADER, package_dir / "ferrofuzz.h")
    return dest


def header_to_cdef(header_text: str) -> str:
    """Makes the header acceptable to ``ffi.cdef``.

    Drops comments, ``#include`` lines, the include guard and the
    ``#ifdef __cplusplus`` blocks, and keeps ``#define NAME <integer>``.
    """
    text = re.sub(r"/\*.*?\*/", "", header_text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"#ifdef __cplusplus.*?#endif", "", text, flags=re.S)
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            if re.fullmatch(r"#define\s+FFZ_\w+\s+-?\d+", stripped):
                lines.append(stripped)
            continue
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


# A function whose first two parameters are strings and whose last is one
# result out-param gets a flat shim: each string becomes (bytes, length,
# kind) and the result comes back as the return value, with -status on
# failure. Results are never negative, so the two cannot be confused; a
# size_t result too large for int64_t comes back as INT64_MIN. On any
# negative value the Python wrapper repeats the call through the exact
# path (``ferrofuzz._native.exact``), which raises or returns the value.
_FUNC = re.compile(r"int32_t\s+(ffz_\w+)\(([^;]*?)\);", re.S)
_OUT_TYPES = {"size_t *": "int64_t", "double *": "double"}


def flat_shims(cdef: str) -> list[tuple[str, str, list[tuple[str, str]], str]]:
    """(shim name, function, middle params, result type) for each candidate."""
    shims = []
    for name, params in _FUNC.findall(cdef):
        parts = [" ".join(p.split()) for p in params.split(",")]
        if len(parts) < 3 or not all(p.startswith("ffz_str ") for p in parts[:2]):
            continue
        if not parts[-1].endswith(" *out"):
            continue
        out_type = parts[-1][: -len("out")]
        if out_type not in _OUT_TYPES:
            continue
        middle = []
        for p in parts[2:-1]:
            ctype, pname = p.rsplit(" ", 1)
            while pname.startswith("*"):
                ctype, pname = ctype + " *", pname[1:]
            middle.append((ctype, pname))
        shims.append(("ffzpy_" + name[len("ffz_"):], name, middle, _OUT_TYPES[out_type]))
    return shims


# Defaults of the middle parameters, for the ASCII fast-path shims below,
# by (parameter, result form). They must equal the Python API's defaults.
_FAST_DEFAULTS = {
    ("size_t score_cutoff", "distance"): "SIZE_MAX",
    ("size_t score_hint", "distance"): "SIZE_MAX",
    ("size_t score_cutoff", "similarity"): "0",
    ("size_t score_hint", "similarity"): "0",
    ("double score_cutoff", "distance"): "1.0",  # Jaro, JaroWinkler: float distances
    ("double score_cutoff", "similarity"): "0.0",
    ("double score_cutoff", "normalized_distance"): "1.0",
    ("double score_hint", "normalized_distance"): "1.0",
    ("double score_cutoff", "normalized_similarity"): "0.0",
    ("double score_hint", "normalized_similarity"): "0.0",
    ("double score_cutoff", "score"): "0.0",
    ("const ffz_levenshtein_weights * weights", None): "NULL",
    ("bool pad", None): "true",
    ("double prefix_weight", None): "0.1",
}


def _form_of(func: str) -> str:
    for form in ("normalized_distance", "normalized_similarity", "distance", "similarity"):
        if func.endswith("_" + form):
            return form
    return "score"


def fast_shims(shims):
    """The fast-path twin of each flat shim whose middle parameters all have
    known defaults: ``ffzpy_a_NAME(p1, n1, p2, n2)``, both strings UTF-8
    (``str.encode()``, lengths in bytes; the library takes ASCII as bytes
    and decodes the rest to code points) and every option at its default.
    Each argument cffi converts costs about 20 ns, so the common call passes
    four."""
    fast = []
    for shim, func, middle, result in shims:
        defaults = []
        for ctype, pname in middle:
            key = f"{ctype} {pname}"
            value = _FAST_DEFAULTS.get((key, _form_of(func)), _FAST_DEFAULTS.get((key, None)))
            if value is None:
                break
            defaults.append(value)
        else:
            fast.append(("ffzpy_a_" + shim[len("ffzpy_"):], shim, defaults, result))
    return fast


def fast_declarations(fast) -> str:
    return "".join(
        f"{result} {name}(const char *p1, size_t n1, const char *p2, size_t n2);\n" for name, _, _, result in fast
    )


def fast_definitions(fast) -> str:
    out = []
    for name, shim, defaults, result in fast:
        args = ", ".join(["p1", "n1", "FFZ_KIND_UTF8", "p2", "n2", "FFZ_KIND_UTF8"] + defaults)
        out.append(
            f"static {result} {name}(const char *p1, size_t n1, const char *p2, size_t n2) {{\n"
            f"    return {shim}({args});\n"
            f"}}\n"
        )
    return "\n".join(out)


# The C part of the single-call fast path (CPython's API mode only).
FASTCALL_SOURCE = PACKAGE_DIR / "_fastcall.c"
FASTCALL_DECLARATION = "int ffzfc_install(const char *module_name);\n"


def fastcall_pairs(fast, shims) -> str:
    """For _fastcall.c: an adapter per fast shim, scoring two ``ffz_str``
    with the options of an ``ffzfc_options`` (score_cutoff and score_hint
    when given, else their defaults; weights, pad and prefix_weight), and
    ``ffzfc_find_pair`` over them, with the keywords each one takes."""
    middle_of = {shim: middle for shim, _, middle, _ in shims}
    keyword_flags = {
        "score_hint": "FFZFC_KW_HINT", "weights": "FFZFC_KW_WEIGHTS",
        "pad": "FFZFC_KW_PAD", "prefix_weight": "FFZFC_KW_PREFIX_WEIGHT",
    }
    out, rows = [], []
    for name, shim, defaults, result in fast:
        stem = name[len("ffzpy_a_"):]
        middle = middle_of[shim]
        values, kind, flags = [], None, []
        for (ctype, pname), default in zip(middle, defaults):
            field = "size" if ctype == "size_t" else "real"
            if pname == "score_cutoff":
                kind = (
                    "FFZFC_CUT_SIZE" if field == "size"
                    else "FFZFC_CUT_SCORE" if _form_of(shim) == "score"
                    else "FFZFC_CUT_NORMALIZED"
                )
                values.append(f"opt->has_cut ? opt->cut.{field} : {default}")
            elif pname == "score_hint":
                values.append(f"opt->has_hint ? opt->hint.{field} : {default}")
            elif pname in ("weights", "pad", "prefix_weight"):
                values.append(f"opt->{pname}")
            else:
                raise ValueError(f"{shim}: no fast-path option for {pname}")
            if pname in keyword_flags:
                flags.append(keyword_flags[pname])
        assert kind is not None, f"{shim} has no score_cutoff"
        args = ", ".join(["a.data", "a.len", "a.kind", "b.data", "b.len", "b.kind"] + values)
        out.append(
            f"static {result} ffzfc_{stem}(ffz_str a, ffz_str b, const ffzfc_options *opt) {{\n"
            f"    return {shim}({args});\n"
            f"}}\n"
        )
        slots = f"ffzfc_{stem}, NULL" if result == "int64_t" else f"NULL, ffzfc_{stem}"
        rows.append(f'        {{"{stem}", {kind}, {" | ".join(flags) or "0"}, {slots}}},\n')
    return (
        "".join(out)
        + "\nstatic const ffzfc_pair *ffzfc_find_pair(const char *name) {\n"
        + "    static const ffzfc_pair pairs[] = {\n"
        + "".join(rows)
        + "    };\n"
        + "    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {\n"
        + "        if (strcmp(pairs[i].name, name) == 0) return &pairs[i];\n"
        + "    }\n"
        + "    return NULL;\n"
        + "}\n"
    )


def shim_declarations(shims) -> str:
    decls = []
    for shim, _, middle, result in shims:
        params = ["const char *p1", "size_t n1", "uint32_t k1", "const char *p2", "size_t n2", "uint32_t k2"]
        params += [f"{t} {n}" for t, n in middle]
        decls.append(f"{result} {shim}({', '.join(params)});")
    return "\n".join(decls) + "\n"


def shim_definitions(shims) -> str:
    out = []
    for shim, func, middle, result in shims:
        params = ["const char *p1", "size_t n1", "uint32_t k1", "const char *p2", "size_t n2", "uint32_t k2"]
        params += [f"{t} {n}" for t, n in middle]
        value_type = "size_t" if result == "int64_t" else "double"
        args = ", ".join(["s1", "s2"] + [n for _, n in middle] + ["&value"])
        out.append(
            f"static {result} {shim}({', '.join(params)}) {{\n"
            f"    ffz_str s1 = {{p1, n1, k1}}, s2 = {{p2, n2, k2}};\n"
            f"    {value_type} value = 0;\n"
            f"    int32_t status = {func}({args});\n"
            + (
                f"    if (!status && value > (size_t)INT64_MAX) return INT64_MIN;\n"
                if result == "int64_t"
                else ""
            )
            + f"    return status ? -({result})status : ({result})value;\n"
            f"}}\n"
        )
    return "\n".join(out)


# The process functions' flat entry point for short lists: the query as
# (bytes, length, kind), the choices as one NUL-separated buffer (lengths
# NULL) and the cutoff and hint as doubles with NaN for none (Python turns
# a NaN cutoff into an empty result and drops a NaN hint before the call).
# Building the ffz_str, ffz_strs and double * objects in Python cost about
# 1.5 us a call, a third of an extractOne over 10 choices. Returns how many
# results were written, or -status.
EXTRACT_SHIM_DECLARATION = (
    "int64_t ffzpy_process_extract(const char *query, size_t query_len, uint32_t query_kind, "
    "const char *data, size_t data_len, size_t count, uint32_t kind, const ffz_scorer *scorer, "
    "size_t limit, double score_cutoff, double score_hint, size_t workers, "
    "size_t *positions, double *scores);\n"
)
EXTRACT_SHIM_DEFINITION = """
static int64_t ffzpy_process_extract(const char *query, size_t query_len, uint32_t query_kind,
                                     const char *data, size_t data_len, size_t count, uint32_t kind,
                                     const ffz_scorer *scorer, size_t limit, double score_cutoff,
                                     double score_hint, size_t workers, size_t *positions,
                                     double *scores) {
    ffz_str q = {query, query_len, query_kind};
    ffz_strs choices = {data, data_len, NULL, count, kind};
    size_t written = 0;
    int32_t status = ffz_process_extract(q, &choices, scorer, limit,
                                         score_cutoff == score_cutoff ? &score_cutoff : NULL,
                                         score_hint == score_hint ? &score_hint : NULL,
                                         workers, NULL, positions, scores, &written);
    return status ? -(int64_t)status : (int64_t)written;
}
"""


def build_cffi_modules(package_dir: Path) -> None:
    """Emits the ABI-mode Python module and, on CPython, the API-mode
    extension (elsewhere, e.g. on PyPy, ferrofuzz._native uses ABI mode)."""
    import cffi

    cdef = header_to_cdef(HEADER.read_text())
    shims = flat_shims(cdef)

    abi = cffi.FFI()
    abi.cdef(cdef)
    abi.set_source("ferrofuzz._ffz_abi", None)
    abi.emit_python_code(str(package_dir / "_ffz_abi.py"))
    if platform.python_implementation() != "CPython":
        return  # ferrofuzz._native uses the ABI module there (PyPy)

    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    require_tool(compiler, "the cffi extension")
    fast = fast_shims(shims)
    api = cffi.FFI()
    api.cdef(
        cdef + shim_declarations(shims) + fast_declarations(fast) + EXTRACT_SHIM_DECLARATION + FASTCALL_DECLARATION
    )
    api.set_source(
        "ferrofuzz._ffz_api",
        '#include "ferrofuzz.h"\n#include <string.h>\n\n'
        + shim_definitions(shims)
        + "\n"
        + fast_definitions(fast)
        + EXTRACT_SHIM_DEFINITION
        + FASTCALL_SOURCE.read_text()
        + fastcall_pairs(fast, shims),
        # _fastcall.c reads str objects in place (PEP 393), which the
        # limited API hides; the module is built per interpreter anyway.
        define_macros=[("_CFFI_NO_LIMITED_API", None)],
        include_dirs=[str(package_dir)],
        library_dirs=[str(package_dir)],
        libraries=["ferrofuzz"],
        extra_link_args=["-Wl,-rpath,$ORIGIN"] if sys.platform != "darwin" else ["-Wl,-rpath,@loader_path"],
    )
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(api.compile(tmpdir=tmp, verbose=False))
        dest = package_dir / built.name
        # Replace only this interpreter's module: other interpreters' builds
        # (other file names) stay usable side by side.
        tmp_dest = dest.with_name(dest.name + ".tmp")
        shutil.copy2(built, tmp_dest)
        os.replace(tmp_dest, dest)


def build(package_dir: Path = PACKAGE_DIR) -> None:
    package_dir = Path(package_dir).resolve()
    package_dir.mkdir(parents=True, exist_ok=True)
    build_rust_library(package_dir)
    build_cffi_modules(package_dir)


def build_cffi_only(package_dir: Path = PACKAGE_DIR) -> None:
    """Step 3 alone, for the running interpreter, against the library and
    header already in ``package_dir``."""
    package_dir = Path(package_dir).resolve()
    missing = [n for n in (LIBRARY_NAME, "ferrofuzz.h") if not (package_dir / n).is_file()]
    if missing:
        raise BuildError(
            f"--cffi-only needs {', '.join(missing)} in {package_dir} from a full build; "
            "run `python3 build.py` once (with cargo) first"
        )
    if (package_dir / "ferrofuzz.h").read_bytes() != HEADER.read_bytes():
        raise BuildError(
            f"{package_dir / 'ferrofuzz.h'} differs from include/ferrofuzz.h: the library there "
            "is from an older build; run a full `python3 build.py` first"
        )
    build_cffi_modules(package_dir)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args not in ([], ["--cffi-only"]):
        sys.exit("usage: python build.py [--cffi-only]")
    try:
        (build_cffi_only if args else build)()
    except BuildError as e:
        sys.exit(f"build.py: {e}")
    except subprocess.CalledProcessError as e:
        sys.exit(f"build.py: {' '.join(map(str, e.cmd))} failed with exit code {e.returncode}")
    what = "the cffi modules for " + sys.implementation.name + sysconfig.get_python_version() if args else "ferrofuzz"
    print(f"built {what} in place: {PACKAGE_DIR}")
