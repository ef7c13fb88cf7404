// SPDX-License-Identifier: Apache-2.0
#include "witness/detail/json_reader.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

#include "witness/error.hpp"

namespace zkbatch::witness::detail {

namespace {

const char* type_name(const nlohmann::json& value) {
  return value.type_name();  // "null", "object", "array", "string", "boolean", "number", ...
}

// nlohmann's message starts with "[json.exception.parse_error.101] parse error at line L,
// column C: "; keep what follows the position, which says what was expected.
std::string syntax_problem(const nlohmann::json::parse_error& e) {
  std::string message = e.what();
  size_t colon = message.find(": ");
  std::string what = colon == std::string::npos ? message : message.substr(colon + 2);
  return "JSON syntax error: " + what;
}

// Converts a byte offset into 1-based line and column numbers.
std::string line_column(std::string_view text, size_t byte) {
  if (byte > text.size()) byte = text.size();
  size_t line = 1;
  size_t column = 1;
  for (size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (byte " +
         std::to_string(byte) + ")";
}

}  // namespace

nlohmann::json parse_json_text(std::string_view text, const std::string& source) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based index of the character where parsing stopped.
    size_t byte = e.byte == 0 ? 0 : e.byte - 1;
    throw InputError(source, line_column(text, byte), syntax_problem(e));
  } catch (const nlohmann::json::exception& e) {
    // The parser also throws out_of_range for a number beyond a double's range.
    throw InputError(source, "", std::string("JSON error: ") + e.what());
  }
}

nlohmann::json load_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(path, "", "read error");
  return parse_json_text(text, path);
}

std::string child_path(const std::string& parent, std::string_view name) {
  if (parent.empty()) return std::string(name);
  return parent + "." + std::string(name);
}

void JsonReader::fail(const std::string& problem) const {
  throw InputError(*file_, path_.empty() ? "(top level)" : path_, problem);
}

void JsonReader::fail_at_char(size_t offset, const std::string& problem) const {
  throw InputError(*file_, path_ + ", character " + std::to_string(offset), problem);
}

void JsonReader::expect_object() const {
  if (!value_->is_object()) fail(std::string("expected an object, found ") + type_name(*value_));
}

JsonReader JsonReader::field(std::string_view name) const {
  expect_object();
  auto it = value_->find(name);
  if (it == value_->end()) fail("missing field \"" + std::string(name) + "\"");
  return JsonReader(*it, child_path(path_, name), *file_);
}

std::optional<JsonReader> JsonReader::optional_field(std::string_view name) const {
  expect_object();
  auto it = value_->find(name);
  if (it == value_->end()) return std::nullopt;
  return JsonReader(*it, child_path(path_, name), *file_);
}

size_t JsonReader::array_size() const {
  if (!value_->is_array()) fail(std::string("expected an array, found ") + type_name(*value_));
  return value_->size();
}

JsonReader JsonReader::at(size_t index) const {
  return JsonReader((*value_)[index], path_ + "[" + std::to_string(index) + "]", *file_);
}

JsonReader JsonReader::member(const std::string& key, const nlohmann::json& value) const {
  std::string shown = key.size() > 80 ? key.substr(0, 77) + "..." : key;
  return JsonReader(value, path_ + "[\"" + shown + "\"]", *file_);
}

const std::string& JsonReader::string() const {
  if (!value_->is_string()) fail(std::string("expected a string, found ") + type_name(*value_));
  return value_->get_ref<const std::string&>();
}

ByteVector JsonReader::bytes(base::HexPrefix prefix) const {
  const std::string& text = string();
  base::Bytes decoded;
  base::Status status = base::decode_hex(text.data(), text.size(), decoded, prefix);
  if (!status) {
    const base::Error& e = status.error();
    if (e.code == base::Errc::odd_length) fail("odd number of hex digits");
    if (e.code == base::Errc::out_of_memory) fail("out of memory");
    fail_at_char(e.position, "not a hex digit or bad 0x prefix");
  }
  return ByteVector(decoded.begin(), decoded.end());
}

base::Bytes32 JsonReader::bytes32() const {
  const std::string& text = string();
  base::Bytes32 out{};
  base::Status status = base::decode_hex_fixed(text.data(), text.size(), out.mutable_span(),
                                               base::HexPrefix::required);
  if (!status) {
    const base::Error& e = status.error();
    if (e.code == base::Errc::bad_hex) fail_at_char(e.position, "not a hex digit or missing 0x");
    fail("expected a 32-byte hash: \"0x\" and 64 hex digits");
  }
  return out;
}

eth::Address JsonReader::address() const {
  const std::string& text = string();
  eth::Address out{};
  base::Status status = base::decode_hex_fixed(text.data(), text.size(), out.mutable_span(),
                                               base::HexPrefix::required);
  if (!status) {
    const base::Error& e = status.error();
    if (e.code == base::Errc::bad_hex) fail_at_char(e.position, "not a hex digit or missing 0x");
    fail("expected an address: \"0x\" and 40 hex digits");
  }
  return out;
}

base::U256 JsonReader::u256() const {
  const std::string& text = string();
  base::Result<base::U256> value =
      base::U256::from_hex(text.data(), text.size(), base::HexPrefix::required);
  if (!value) {
    const base::Error& e = value.error();
    if (e.code == base::Errc::overflow) fail("hex quantity exceeds 256 bits");
    fail_at_char(e.position, "expected a hex quantity \"0x…\"");
  }
  return *value;
}

uint64_t JsonReader::u64_quantity() const {
  base::U256 value = u256();
  if (!value.fits_uint64()) fail("hex quantity exceeds 64 bits");
  return value.low64();
}

uint64_t JsonReader::u64_number() const {
  if (value_->is_number_unsigned()) return value_->get<uint64_t>();
  if (value_->is_number_integer()) {
    int64_t v = value_->get<int64_t>();
    if (v < 0) fail("expected a non-negative integer, found " + std::to_string(v));
    return static_cast<uint64_t>(v);
  }
  if (value_->is_number_float()) fail("expected an integer below 2^64, found " + value_->dump());
  fail(std::string("expected an integer, found ") + type_name(*value_));
}

bool JsonReader::boolean() const {
  if (!value_->is_boolean()) fail(std::string("expected a boolean, found ") + type_name(*value_));
  return value_->get<bool>();
}

}  // namespace zkbatch::witness::detail
