#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The project's test command: installs dependencies, checks format and the guest-safe boundary,
# builds and tests the Release build, builds the guest-safe libraries for rv32im and runs them
# under qemu, runs every benchmark once, then builds and tests under ASan + UBSan and fuzzes the
# input decoders for a bounded time.
# ZKB_SKIP_ASAN=1 skips the sanitizer and fuzzing passes (for quick local runs);
# ZKB_FUZZ_SECONDS sets the time per fuzz target (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

step() { echo; echo "=== $* ==="; }

step "dependencies"
scripts/install-deps.sh

step "format and guest-safe checks"
scripts/check-format.sh
scripts/check-guest-safe.sh

step "release build"
cmake --preset release
cmake --build --preset release -j "$jobs"

step "guest build (rv32im)"
scripts/build-guest.sh

step "release tests"
ctest --preset release -j "$jobs"

step "benchmark smoke run"
benchmarks/smoke.sh build/release

if [ "${ZKB_SKIP_ASAN:-0}" != 1 ]; then
  step "sanitizer build (ASan + UBSan)"
  cmake --preset asan
  cmake --build --preset asan -j "$jobs"
  step "sanitizer tests"
  ctest --preset asan -j "$jobs"
  step "bounded fuzzing (libFuzzer, ASan + UBSan)"
  scripts/fuzz.sh "${ZKB_FUZZ_SECONDS:-30}"
fi

echo
echo "test.sh: all checks passed"
