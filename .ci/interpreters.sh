#!/usr/bin/env bash
# The Python-level suite on the oldest and newest CPython that pyenv holds
# here and on Debian's PyPy (docs/portability.md). Run after the main run,
# which built libferrofuzz.so and the header into python/ferrofuzz/: each
# interpreter only builds its own cffi module (build.py --cffi-only), in a
# fresh virtualenv of its own, and skips the tests of the library itself
# (cargo test, the C programs), which the main run covered.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n=== %s\n' "$*"; }

# The newest installed CPython of a minor version, e.g. 3.9 -> .../3.9.18/bin/python
pyenv_python() {
    local root minor
    root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
    minor="$1"
    ls -d "$root"/versions/"$minor".*/bin/python 2>/dev/null | sort -V | tail -n 1
}

run_suite() {  # name interpreter
    local name="$1" interpreter="$2" venv
    venv="$(mktemp -d)/venv-$name"
    log "$name: $("$interpreter" -VV | head -n 1)"
    local started=$SECONDS
    "$interpreter" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
    "$venv/bin/python" build.py --cffi-only
    FERROFUZZ_HYPOTHESIS=portability FERROFUZZ_SKIP_LIBRARY_TESTS=1 "$venv/bin/python" -m pytest -q -p no:cacheprovider
    echo "$name: $((SECONDS - started)) s"
    rm -rf "$(dirname "$venv")"
}

missing=0
for minor in 3.9 3.13; do
    interpreter="$(pyenv_python "$minor")"
    if [ -z "$interpreter" ]; then
        echo "MISSING: no CPython $minor under pyenv; it is not tested" >&2
        missing=1
        continue
    fi
    run_suite "cpython-$minor" "$interpreter"
done

if ! command -v pypy3 >/dev/null || ! pypy3 -c 'import venv, ensurepip' 2>/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq pypy3 pypy3-venv >/dev/null
fi
run_suite pypy "$(command -v pypy3)"

# A missing CPython fails the run: CI must not pass quietly on less.
exit "$missing"
