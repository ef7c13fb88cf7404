// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Appending to fixed-size, NUL-terminated text buffers: the guest has no string formatting, and
// failure messages must never allocate.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/hex.hpp"
#include "base/span.hpp"

namespace zkbatch::eth::block_detail {

/// A text buffer of fixed capacity; what does not fit is cut off.
class Text {
 public:
  Text(char* out, size_t capacity) : out_(out), capacity_(capacity) {
    if (capacity_ > 0) out_[0] = '\0';
  }
  template <size_t N>
  explicit Text(char (&out)[N]) : Text(out, N) {}

  Text& put(const char* text) {
    while (*text != '\0' && length_ + 1 < capacity_)
      out_[length_++] = *text++;
    if (capacity_ > 0) out_[length_] = '\0';
    return *this;
  }
  /// "0x" and two lowercase hex digits per byte (at most 256 bytes).
  Text& hex(base::ByteSpan bytes) {
    char buffer[2 * 256 + 3];
    if (bytes.size() > 256) bytes = bytes.first(256);
    if (base::encode_hex(bytes, buffer, sizeof(buffer), true) > 0) put(buffer);
    return *this;
  }
  Text& number(uint64_t value) {
    char digits[21];
    size_t n = 0;
    do {
      digits[n++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    char buffer[21];
    for (size_t i = 0; i < n; ++i)
      buffer[i] = digits[n - 1 - i];
    buffer[n] = '\0';
    return put(buffer);
  }

 private:
  char* out_;
  size_t capacity_;
  size_t length_ = 0;
};

}  // namespace zkbatch::eth::block_detail
