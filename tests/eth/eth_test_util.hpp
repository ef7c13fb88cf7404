// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the eth tests: hex, byte views, and the Ethereum fixtures in ../shared.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::base {
inline void PrintTo(const Bytes32& value, std::ostream* os) {
  static const char* digits = "0123456789abcdef";
  *os << "0x";
  for (uint8_t b : value.bytes)
    *os << digits[b >> 4] << digits[b & 15];
}
}  // namespace zkbatch::base

namespace zkbatch::eth::test {

using Blob = std::vector<uint8_t>;

/// Bytes from hex text, with or without a 0x prefix; throws on bad input (test data only).
inline Blob from_hex(std::string_view text) {
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
  }
  if (text.size() % 2 != 0) throw std::invalid_argument("odd hex length");
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::invalid_argument("bad hex digit");
  };
  Blob out(text.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<uint8_t>(digit(text[2 * i]) * 16 + digit(text[2 * i + 1]));
  }
  return out;
}

/// Lowercase hex with a 0x prefix.
inline std::string to_hex(base::ByteSpan bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out = "0x";
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

/// Byte-wise order for std::map keys (memcmp, then length), as the trie orders keys.
struct BlobLess {
  bool operator()(const Blob& a, const Blob& b) const {
    size_t n = a.size() < b.size() ? a.size() : b.size();
    int c = n == 0 ? 0 : std::memcmp(a.data(), b.data(), n);
    return c < 0 || (c == 0 && a.size() < b.size());
  }
};
using BlobMap = std::map<Blob, Blob, BlobLess>;

inline base::ByteSpan view(const Blob& blob) {
  return base::ByteSpan(blob.data(), blob.size());
}
inline base::ByteSpan view(const base::Bytes& bytes) {
  return bytes.span();
}
inline base::ByteSpan view(std::string_view text) {
  return base::ByteSpan(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}
inline Blob to_blob(base::ByteSpan bytes) {
  return Blob(bytes.begin(), bytes.end());
}

inline base::Bytes32 bytes32(std::string_view hex) {
  Blob b = from_hex(hex);
  if (b.size() != 32) throw std::invalid_argument("not 32 bytes");
  base::Bytes32 out;
  std::copy(b.begin(), b.end(), out.bytes);
  return out;
}

/// Keccak-256 of `data` as bytes.
inline Blob ref_keccak_blob(base::ByteSpan data) {
  Blob out(32);
  hash::keccak256(data, out.data());
  return out;
}

/// The shared test-material folder named by ZKB_SHARED_DIR (set by CTest), if any.
inline std::optional<std::filesystem::path> shared_dir() {
  const char* dir = std::getenv("ZKB_SHARED_DIR");
  if (dir == nullptr || *dir == '\0') return std::nullopt;
  return std::filesystem::path(dir);
}

/// The path of `relative` below ../shared when it exists.
inline std::optional<std::filesystem::path> shared_path(const std::string& relative) {
  auto dir = shared_dir();
  if (!dir) return std::nullopt;
  auto path = *dir / relative;
  if (!std::filesystem::exists(path)) return std::nullopt;
  return path;
}

inline nlohmann::json load_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

/// Error code and detail of a failed result, for messages.
inline std::string describe(const base::Error& e) {
  return std::string(base::errc_message(e.code)) + " at " + std::to_string(e.position) +
         (e.detail ? std::string(": ") + e.detail : std::string());
}

}  // namespace zkbatch::eth::test

/// Skips the current test, saying why, when a file of ../shared is not available.
#define ZKB_REQUIRE_SHARED(var, relative)                                       \
  auto var##_opt = ::zkbatch::eth::test::shared_path(relative);                 \
  if (!var##_opt) {                                                             \
    GTEST_SKIP() << "needs ../shared/" << (relative)                            \
                 << " (set ZKB_SHARED_DIR to the shared test-material folder)"; \
  }                                                                             \
  const std::filesystem::path& var = *var##_opt
