// SPDX-License-Identifier: Apache-2.0
// Host only. Errors of the witness readers: every one names the input, the place inside it and
// the problem, so that an operator can fix the input from one line (DESIGN.md §7, exit code 2).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace zkbatch::witness {

/// Bad input: a file that cannot be read, malformed JSON, a field of the wrong type or size, a bad
/// compact trie encoding, a hash that does not match its content. `what()` is the one-line message
/// `FILE: LOCATION: PROBLEM`; the parts stay available for callers that format their own.
class InputError : public std::runtime_error {
 public:
  /// `file` names the input (a path, or a label such as "<memory>"), `location` the place inside
  /// it (a JSON path like `[0].block_trace.txn_info[3].meta.byte_code`, possibly followed by a
  /// byte offset), `problem` what is wrong.
  InputError(std::string file, std::string location, std::string problem);

  const std::string& file() const { return file_; }
  const std::string& location() const { return location_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::string location_;
  std::string problem_;
};

/// A problem found at a byte offset of a binary blob, before the caller knows which file and
/// field the blob came from. Readers of JSON catch it and rethrow it as an InputError that adds
/// the file and the JSON path.
class BlobError : public std::runtime_error {
 public:
  BlobError(size_t offset, std::string problem);
  size_t offset() const { return offset_; }
  const std::string& problem() const { return problem_; }

 private:
  size_t offset_;
  std::string problem_;
};

/// The text of a base::Error: its code's message, the detail when there is one, and nothing about
/// the position (callers place that themselves).
std::string describe(const base::Error& error);

/// Formats a byte as "0x%02x".
std::string hex_byte(unsigned value);

}  // namespace zkbatch::witness
