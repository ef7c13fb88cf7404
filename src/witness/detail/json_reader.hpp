// SPDX-License-Identifier: Apache-2.0
// Host only. Internal to src/witness: typed, path-tracking access to a parsed JSON document, so
// that every error names the JSON path of the bad value (`[0].block_trace.txn_info[3].meta...`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/bytes.hpp"
#include "base/hex.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"
#include "witness/block_witness.hpp"

namespace zkbatch::witness::detail {

/// Reads the JSON file at `path` into a document. Throws InputError naming the file on an I/O
/// error or a syntax error (with line, column and byte offset).
nlohmann::json load_json_file(const std::string& path);
/// Parses `text` (named `source` in errors) into a document; throws InputError on syntax errors.
nlohmann::json parse_json_text(std::string_view text, const std::string& source);

/// A JSON value and where it sits. Accessors check the type and the format and throw InputError
/// naming the file, the path and the problem; they never return a silently defaulted value.
class JsonReader {
 public:
  JsonReader(const nlohmann::json& value, std::string path, const std::string& file)
      : value_(&value), path_(std::move(path)), file_(&file) {}

  const nlohmann::json& value() const { return *value_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return *file_; }

  /// Throws InputError(file, path, problem).
  [[noreturn]] void fail(const std::string& problem) const;
  /// Throws InputError for a problem at character `offset` of this string value.
  [[noreturn]] void fail_at_char(size_t offset, const std::string& problem) const;

  bool is_null() const { return value_->is_null(); }
  /// The member `name` of this object; it must exist.
  JsonReader field(std::string_view name) const;
  /// The member `name` of this object, or nullopt when absent (a present null is returned).
  std::optional<JsonReader> optional_field(std::string_view name) const;
  /// The array's size; this value must be an array.
  size_t array_size() const;
  /// Element `index` of this array (index < array_size()).
  JsonReader at(size_t index) const;
  /// The member value for `key`, when this value is an object being iterated.
  JsonReader member(const std::string& key, const nlohmann::json& value) const;
  /// Throws unless this value is an object.
  void expect_object() const;

  /// The string value.
  const std::string& string() const;
  /// A hex byte string; the "0x" prefix follows `prefix`.
  ByteVector bytes(base::HexPrefix prefix = base::HexPrefix::optional) const;
  /// A 32-byte hash: "0x" and exactly 64 hex digits.
  base::Bytes32 bytes32() const;
  /// An address: "0x" and exactly 40 hex digits.
  eth::Address address() const;
  /// A hex quantity ("0x" and 1 to 64 digits) as a U256.
  base::U256 u256() const;
  /// A hex quantity that must fit in 64 bits.
  uint64_t u64_quantity() const;
  /// A non-negative JSON integer that fits in 64 bits.
  uint64_t u64_number() const;
  /// A JSON boolean.
  bool boolean() const;

 private:
  const nlohmann::json* value_;
  std::string path_;
  const std::string* file_;
};

/// `parent` + ".name" (or "name" at the root).
std::string child_path(const std::string& parent, std::string_view name);

}  // namespace zkbatch::witness::detail
