// SPDX-License-Identifier: Apache-2.0
#include "guest_inputs.hpp"

#include <random>

namespace zkbatch::vm::test {
namespace {

// Writes with resize and indexing: GCC 12's -Wstringop-overflow misfires on push_back after insert.
void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  const size_t at = out.size();
  out.resize(at + 4);
  for (size_t i = 0; i < 4; ++i)
    out[at + i] = static_cast<uint8_t>(v >> (8 * i));
}

void put_bytes(std::vector<uint8_t>& out, const uint8_t* data, size_t n) {
  const size_t at = out.size();
  out.resize(at + n);
  for (size_t i = 0; i < n; ++i)
    out[at + i] = data[i];
}

}  // namespace

std::vector<uint8_t> keccak_chain_input(uint32_t n, const std::string& seed) {
  std::vector<uint8_t> out;
  put_u32(out, n);
  put_bytes(out, reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
  return out;
}

std::vector<uint8_t> sort_input(const std::vector<uint32_t>& values) {
  std::vector<uint8_t> out;
  put_u32(out, static_cast<uint32_t>(values.size()));
  for (uint32_t v : values)
    put_u32(out, v);
  return out;
}

std::vector<uint8_t> bigint_input(const std::vector<std::array<std::array<uint8_t, 32>, 3>>& r) {
  std::vector<uint8_t> out;
  for (const auto& record : r) {
    for (const auto& number : record)
      put_bytes(out, number.data(), number.size());
  }
  return out;
}

std::vector<uint32_t> random_values(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint32_t> v(n);
  for (uint32_t& x : v)
    x = rng();
  return v;
}

std::vector<GuestCase> guest_cases() {
  std::array<std::array<uint8_t, 32>, 3> record{};
  std::mt19937 rng(7);
  for (auto& number : record) {
    for (uint8_t& b : number)
      b = static_cast<uint8_t>(rng());
  }
  record[2][31] |= 1;  // odd modulus
  for (size_t i = 0; i < 28; ++i)
    record[1][i] = 0;  // a 32-bit exponent keeps the run near 300 thousand cycles
  std::vector<uint32_t> values = random_values(300, 11);
  values.push_back(0);
  values.push_back(0xffffffff);
  values.push_back(values[5]);  // a duplicate
  return {
      {"selftest", "selftest", {}},
      {"isa_asm", "isa_asm", {}},
      {"isa_c", "isa_c", {}},
      {"keccak_chain 3 x 'abc'", "keccak_chain", keccak_chain_input(3, "abc")},
      {"sort 303 values", "sort", sort_input(values)},
      {"bigint one record", "bigint", bigint_input({record})},
  };
}

}  // namespace zkbatch::vm::test
