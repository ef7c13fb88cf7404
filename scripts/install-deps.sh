#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs every Debian 12 package zkbatch needs to build, test and benchmark.
# Non-interactive and idempotent; waits for a busy apt lock instead of failing.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git clang-format
  # libraries (DESIGN.md §8)
  libcli11-dev libspdlog-dev libfmt-dev nlohmann-json3-dev libomp-dev
  # MPI runner: OpenMPI, parallel HDF5 for circuits, Prometheus metrics, SQLite queue ledger
  libopenmpi-dev openmpi-bin libhdf5-openmpi-dev prometheus-cpp-dev libsqlite3-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # test oracles: GMP (U256, modexp), Crypto++ (Keccak-256), OpenSSL (SHA-2/3, RIPEMD-160),
  # libsecp256k1 (ecrecover)
  libgmp-dev libcrypto++-dev libssl-dev libsecp256k1-dev
  # fuzzing: clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
  # integration tests: a real Prometheus scraper, a real one-node Slurm, manifest schema
  # validation, shell script lint
  prometheus slurm-wlm munge python3-jsonschema python3-yaml shellcheck
  # guest toolchain (rv32im, ilp32) and the reference RISC-V emulator
  gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-user
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
apt_opts=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update -q
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -q \
  --no-install-recommends "${missing[@]}"
