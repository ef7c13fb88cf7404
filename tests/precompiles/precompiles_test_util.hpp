// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the precompile tests: hex, calls with a gas limit, random bytes, and the
// location of the official fixtures in ../shared.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/span.hpp"
#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles::test {

using Blob = std::vector<uint8_t>;

/// Bytes from hex text, with or without 0x; throws on bad input (test data only).
inline Blob from_hex(std::string_view text) {
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
    text.remove_prefix(2);
  if (text.size() % 2 != 0) throw std::invalid_argument("odd hex length");
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::invalid_argument("bad hex digit");
  };
  Blob out(text.size() / 2);
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<uint8_t>(digit(text[2 * i]) * 16 + digit(text[2 * i + 1]));
  return out;
}

/// Lowercase hex without a prefix.
inline std::string to_hex(const uint8_t* data, size_t size) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  s.reserve(2 * size);
  for (size_t i = 0; i < size; ++i) {
    s.push_back(digits[data[i] >> 4]);
    s.push_back(digits[data[i] & 15]);
  }
  return s;
}
inline std::string to_hex(const Blob& b) {
  return to_hex(b.data(), b.size());
}

inline base::ByteSpan span_of(const Blob& b) {
  return base::ByteSpan(b.data(), b.size());
}

/// The outcome of one call: status, gas used and output bytes.
struct Call {
  Status status;
  uint64_t gas_used;
  Blob output;
};

/// Calls `fn` on `input` with `gas_limit` gas.
inline Call call(ExecuteFunction fn, const Blob& input, uint64_t gas_limit = 100'000'000) {
  base::Bytes out;
  PrecompileResult r = fn(span_of(input), gas_limit, out);
  return Call{r.status, r.gas_used, Blob(out.begin(), out.end())};
}

/// A deterministic generator; the seed is printed by the test that uses it on failure.
inline std::mt19937_64 make_rng(uint64_t seed) {
  return std::mt19937_64(seed);
}

inline Blob random_bytes(std::mt19937_64& rng, size_t n) {
  Blob b(n);
  for (auto& x : b)
    x = static_cast<uint8_t>(rng());
  return b;
}

/// ../shared as the build passes it (ZKB_SHARED_DIR), or empty when unset.
inline std::filesystem::path shared_dir() {
  const char* dir = std::getenv("ZKB_SHARED_DIR");
  return dir != nullptr ? std::filesystem::path(dir) : std::filesystem::path();
}

}  // namespace zkbatch::eth::precompiles::test
