#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Bounded libFuzzer runs of the input decoders under ASan/UBSan (tests/fuzz/CMakeLists.txt), seeded
# from the real witnesses in ../shared when present. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DZKB_CUDA=OFF -DZKB_BUILD_BENCHMARKS=OFF >/dev/null
targets=$(sed -n 's/^set(ZKB_FUZZ_TARGETS \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt)
cmake --build build/fuzz --target fuzz_seeds $(for t in $targets; do printf 'fuzz_%s ' "$t"; done)
ZKB_SHARED_DIR="$PWD/../shared" build/fuzz/tests/fuzz/fuzz_seeds build/fuzz/corpus
for t in $targets; do
  mkdir -p "build/fuzz/corpus/$t"
  echo "fuzz: $t for ${seconds}s"
  build/fuzz/tests/fuzz/fuzz_$t -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
    -artifact_prefix="build/fuzz/crash-$t-" "build/fuzz/corpus/$t"
done
echo "fuzz: all targets ran ${seconds}s without a finding"
