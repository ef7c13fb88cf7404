// SPDX-License-Identifier: Apache-2.0
// Writing minimal static ELF32 RISC-V executables: the inverse of the loader, used to hand
// programs assembled in-process (tests, the random program generator, benchmarks) to
// qemu-riscv32 and to build malformed files for the loader's tests.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/elf.hpp"

namespace zkbatch::vm {

/// File offsets of segment data are congruent to their addresses modulo this (the page size
/// Linux and qemu-user map segments with).
inline constexpr uint32_t kElfWriterPageSize = 4096;

/// The bytes of an ELF32 little-endian RISC-V ET_EXEC file with one PT_LOAD per segment of
/// `image`, in order: the ELF header, the program headers (at offset 52), then each segment's
/// data at the next offset congruent to its address modulo 4096. No section headers.
std::vector<uint8_t> write_elf(const ElfImage& image);

}  // namespace zkbatch::vm
