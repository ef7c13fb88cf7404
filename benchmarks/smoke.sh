#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every benchmark program once with a tiny minimum time so that none rots. Not a measurement:
# see docs/benchmarks.md for figures and how they were taken. Benchmarks named *Large* (minutes
# each) are left out.
set -euo pipefail
build=${1:-build/release}
shopt -s nullglob
progs=("$build"/benchmarks/*_bench)
if [ "${#progs[@]}" -eq 0 ]; then
  echo "smoke: no benchmark programs under $build/benchmarks" >&2
  exit 1
fi
for prog in "${progs[@]}"; do
  echo "smoke: $(basename "$prog")"
  "$prog" --benchmark_min_time=0.001 --benchmark_filter=-Large --benchmark_format=console >/dev/null
done
echo "smoke: ${#progs[@]} benchmark programs ran"
