#!/usr/bin/env bash
# Builds the cargo-fuzz targets in rust/fuzz/ and runs each one for a
# bounded time from its committed seed corpus; exits non-zero if any target
# finds a crash (a failed check, a panic, a sanitizer report, a timeout or
# an allocation over the limit).
#
# Works with only the stable toolchain: cargo-fuzz needs nightly-only rustc
# flags (-Zsanitizer, -Cpasses=sancov...), which RUSTC_BOOTSTRAP=1 unlocks on
# stable. Budget: about 4 minutes on 2 cores, build included
# (FUZZ_SECONDS per target, default 10; FUZZ_TARGETS to pick targets).
set -euo pipefail
cd "$(dirname "$0")/../rust/fuzz"

CARGO_FUZZ_VERSION=0.13.2
FUZZ_SECONDS=${FUZZ_SECONDS:-10}
TARGETS=${FUZZ_TARGETS:-"distance metrics alignment fuzz_scorers phonetic process index index_load"}
export RUSTC_BOOTSTRAP=1

log() { printf '\n=== %s\n' "$*"; }

log "cargo-fuzz ${CARGO_FUZZ_VERSION}"
if ! cargo fuzz --version 2>/dev/null | grep -q "${CARGO_FUZZ_VERSION}"; then
    cargo install --quiet --locked cargo-fuzz --version "${CARGO_FUZZ_VERSION}"
fi
command -v c++ >/dev/null || { echo "a C++ compiler is needed to build libFuzzer (apt-get install g++)" >&2; exit 1; }

log "build (release, AddressSanitizer, debug assertions)"
cargo fuzz build -O

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for t in $TARGETS; do
    log "fuzz $t for ${FUZZ_SECONDS}s"
    mkdir -p "$work/$t"
    extra=()
    # The loader must never allocate hugely, whatever the file says.
    [ "$t" = index_load ] && extra+=(-malloc_limit_mb=256)
    # New inputs go to the scratch directory, not the committed corpus.
    status=0
    cargo fuzz run -O "$t" "$work/$t" "corpus/$t" -- \
        -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -print_final_stats=1 "${extra[@]}" >"$work/$t.log" 2>&1 || status=$?
    grep -E "stat::number_of_executed_units|^Done" "$work/$t.log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 60 "$work/$t.log" >&2
        echo "fuzz target $t failed; reproduce with: (cd rust/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O $t artifacts/$t/<crash file>)" >&2
        exit 1
    fi
done
log "all fuzz targets ran without a crash"
