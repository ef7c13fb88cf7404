#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the guest-safe libraries (and guest programs) for rv32im/ilp32 with Debian's
# riscv64-unknown-elf toolchain and picolibc, then runs the guest self-test under qemu-riscv32.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset guest >/dev/null
cmake --build --preset guest
if [ -x build/guest/guest/selftest.elf ] || [ -f build/guest/guest/selftest.elf ]; then
  qemu-riscv32 build/guest/guest/selftest.elf
  echo "build-guest: selftest.elf passed under qemu-riscv32"
fi
