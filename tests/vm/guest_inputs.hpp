// SPDX-License-Identifier: Apache-2.0
// Inputs of the example guests (guest/examples, formats in docs/vm.md) and the cases the guest
// and differential tests run.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace zkbatch::vm::test {

/// keccak_chain: n as u32 little-endian, then the seed.
std::vector<uint8_t> keccak_chain_input(uint32_t n, const std::string& seed);
/// sort: count as u32 little-endian, then the values as u32 little-endian.
std::vector<uint8_t> sort_input(const std::vector<uint32_t>& values);
/// bigint: one 96-byte record (base, exponent, modulus; 32-byte big-endian each) per triple.
std::vector<uint8_t> bigint_input(const std::vector<std::array<std::array<uint8_t, 32>, 3>>& r);
/// `n` pseudo-random u32 values from `seed`.
std::vector<uint32_t> random_values(size_t n, uint32_t seed);

/// A guest program and an input for it.
struct GuestCase {
  std::string label;
  std::string elf;  ///< name without .elf
  std::vector<uint8_t> input;
};

/// Every example and test guest with a small input: selftest, isa_asm, isa_c, keccak_chain,
/// sort, bigint.
std::vector<GuestCase> guest_cases();

}  // namespace zkbatch::vm::test
