// SPDX-License-Identifier: Apache-2.0
// Shared helpers of the witness tests: the real witnesses of ../shared/witnesses (read at run time
// through ZKB_SHARED_DIR, skipped visibly when absent), hex, and expecting an InputError.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/bytes.hpp"
#include "base/span.hpp"

namespace zkbatch::witness::test {

/// ../shared/witnesses, when ZKB_SHARED_DIR names a folder that has it.
inline std::optional<std::filesystem::path> witnesses_dir() {
  const char* dir = std::getenv("ZKB_SHARED_DIR");
  if (dir == nullptr || *dir == '\0') return std::nullopt;
  std::filesystem::path path = std::filesystem::path(dir) / "witnesses";
  if (!std::filesystem::is_directory(path)) return std::nullopt;
  return path;
}

/// The six zk_evm test cases with their headers (../shared/witnesses/README.md).
inline const std::vector<std::string>& zk_evm_cases() {
  static const std::vector<std::string> names = {"b19807080_main", "b19840104_main", "b2841_dev",
                                                 "b28_dev",        "b4_dev",         "b978_dev"};
  return names;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline nlohmann::json read_json(const std::filesystem::path& path) {
  return nlohmann::json::parse(read_text(path));
}

inline std::vector<uint8_t> from_hex(std::string_view text) {
  if (text.substr(0, 2) == "0x") text.remove_prefix(2);
  std::vector<uint8_t> out(text.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<uint8_t>(std::stoul(std::string(text.substr(2 * i, 2)), nullptr, 16));
  }
  return out;
}

inline base::Bytes32 bytes32(std::string_view text) {
  std::vector<uint8_t> b = from_hex(text);
  base::Bytes32 out{};
  for (size_t i = 0; i < 32 && i < b.size(); ++i)
    out.bytes[i] = b[i];
  return out;
}

inline base::ByteSpan view(const std::vector<uint8_t>& b) {
  return base::ByteSpan(b.data(), b.size());
}

}  // namespace zkbatch::witness::test

/// Skips the test (with a visible reason) when ../shared/witnesses is not available; otherwise
/// declares `dir`, its path.
#define ZKB_REQUIRE_WITNESSES(dir)                                                              \
  auto dir##_opt = ::zkbatch::witness::test::witnesses_dir();                                   \
  if (!dir##_opt) GTEST_SKIP() << "ZKB_SHARED_DIR/witnesses not found: real witnesses skipped"; \
  const std::filesystem::path dir = *dir##_opt

/// Runs `statement`, expects an exception of type `type` whose what() contains `needle`.
#define ZKB_EXPECT_THROW_WITH(statement, type, needle)                         \
  do {                                                                         \
    try {                                                                      \
      statement;                                                               \
      ADD_FAILURE() << "no exception; expected one containing: " << (needle);  \
    } catch (const type& e) {                                                  \
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos)         \
          << "message: " << e.what() << "\nexpected to contain: " << (needle); \
    }                                                                          \
  } while (0)
