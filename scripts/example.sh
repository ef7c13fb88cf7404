#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job on the bundled example: install, build, check the build on this machine, then run
# the bundled guest program (guest/selftest: field, Poseidon2, Keccak-256 and U256 known answers on
# rv32im) in the zkVM, prove its execution across segments at the default 100-bit preset, and
# verify the proof. Output: build/example/selftest.proof.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
zkbatch=./build/release/zkbatch
elf=./build/release/guest-build/guest/selftest.elf
mkdir -p build/example
"$zkbatch" --version
"$zkbatch" selfcheck
"$zkbatch" vm run "$elf"
"$zkbatch" vm prove "$elf" --segment-log2 14 --out build/example/selftest.proof
"$zkbatch" verify build/example/selftest.proof
