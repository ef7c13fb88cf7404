// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace zkbatch::base {

/// What went wrong, in one word. Each code has one message (see `errc_message`).
enum class Errc : uint8_t {
  ok = 0,
  invalid_argument,  ///< a value outside what the function accepts
  bad_hex,           ///< a character that is not a hex digit, or a missing 0x prefix
  odd_length,        ///< hex text with an odd number of digits
  truncated,         ///< input ended before the value it announced
  overflow,          ///< a value or size too large for its type or its limit
  out_of_memory,     ///< an arena or buffer could not grow
  not_found,         ///< a key or element that is not there
  malformed,         ///< input that breaks the format's rules
};

/// The fixed message of an error code.
const char* errc_message(Errc code);

/// An error: its code, the byte offset in the input where it was found, and an optional static
/// detail string. Errors are values: guest-safe code never throws or aborts on bad input.
struct Error {
  Errc code = Errc::ok;
  size_t position = 0;
  const char* detail = nullptr;
};

/// Either a value or an Error. T must be default-constructible, because the value member exists
/// even when there is an error; every type that crosses this boundary is.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(const T& value) : value_(value) {}  // NOLINT: implicit, so `return value;` works
  Result(T&& value) : value_(static_cast<T&&>(value)) {}  // NOLINT
  Result(Error error) : error_(error) {}                  // NOLINT

  bool ok() const { return error_.code == Errc::ok; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return error_; }

  /// The value; only meaningful when ok().
  T& value() & { return value_; }
  const T& value() const& { return value_; }
  T&& value() && { return static_cast<T&&>(value_); }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }
  T& operator*() & { return value_; }
  const T& operator*() const& { return value_; }

 private:
  T value_{};
  Error error_{};
};

/// A Result with no value: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(error) {}  // NOLINT
  bool ok() const { return error_.code == Errc::ok; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return error_; }

 private:
  Error error_{};
};

/// Shorthand for building an Error.
constexpr Error make_error(Errc code, size_t position = 0, const char* detail = nullptr) {
  return Error{code, position, detail};
}

}  // namespace zkbatch::base
