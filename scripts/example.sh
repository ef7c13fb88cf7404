#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job on the bundled example: install, build, then run the known-answer self-check of the
# field and hashes and a smoke run of every benchmark. (Proving a bundled block replaces this once
# the prover lands.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
./build/release/zkbatch --version
./build/release/zkbatch selfcheck
benchmarks/smoke.sh build/release
