// SPDX-License-Identifier: Apache-2.0
#include "base/hex.hpp"

namespace zkbatch::base {

namespace {

// Decodes pairs of digits from text[digits, length) into out; length - digits is even.
Status decode_pairs(const char* text, size_t length, size_t digits, uint8_t* out) {
  for (size_t i = digits; i < length; i += 2) {
    int hi = hex_digit_value(text[i]);
    if (hi < 0) return make_error(Errc::bad_hex, i);
    int lo = hex_digit_value(text[i + 1]);
    if (lo < 0) return make_error(Errc::bad_hex, i + 1);
    *out++ = static_cast<uint8_t>((hi << 4) | lo);
  }
  return {};
}

}  // namespace

Status check_hex_prefix(const char* text, size_t length, HexPrefix prefix, size_t* digits) {
  bool has_prefix = length >= 2 && text[0] == '0' && text[1] == 'x';
  *digits = 0;
  switch (prefix) {
    case HexPrefix::required:
      if (!has_prefix) {
        // Point at the first character that is not the expected "0x".
        size_t at = (length >= 1 && text[0] == '0') ? 1 : 0;
        return make_error(Errc::bad_hex, at, "missing 0x prefix");
      }
      *digits = 2;
      break;
    case HexPrefix::optional:
      *digits = has_prefix ? 2 : 0;
      break;
    case HexPrefix::forbidden:
      if (has_prefix) return make_error(Errc::bad_hex, 1, "0x prefix not allowed");
      break;
  }
  return {};
}

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Status decode_hex(const char* text, size_t length, Bytes& out, HexPrefix prefix) {
  out.clear();
  size_t digits = 0;
  if (Status s = check_hex_prefix(text, length, prefix, &digits); !s) return s;
  if ((length - digits) % 2 != 0) return make_error(Errc::odd_length, length);
  if (!out.resize((length - digits) / 2)) return make_error(Errc::out_of_memory);
  Status s = decode_pairs(text, length, digits, out.data());
  if (!s) out.clear();
  return s;
}

Status decode_hex_fixed(const char* text, size_t length, MutableByteSpan out, HexPrefix prefix) {
  size_t digits = 0;
  if (Status s = check_hex_prefix(text, length, prefix, &digits); !s) return s;
  size_t count = length - digits;
  if (count % 2 != 0) return make_error(Errc::odd_length, length);
  if (count / 2 < out.size()) return make_error(Errc::invalid_argument, length, "too few digits");
  if (count / 2 > out.size()) {
    return make_error(Errc::invalid_argument, digits + 2 * out.size(), "too many digits");
  }
  return decode_pairs(text, length, digits, out.data());
}

size_t encoded_hex_capacity(size_t count, bool with_prefix) {
  size_t extra = with_prefix ? 3 : 1;
  if (count > (SIZE_MAX - extra) / 2) return 0;
  return 2 * count + extra;
}

size_t encode_hex(ByteSpan bytes, char* out, size_t out_capacity, bool with_prefix) {
  static constexpr char kDigits[] = "0123456789abcdef";
  size_t needed = encoded_hex_capacity(bytes.size(), with_prefix);
  if (needed == 0 || out_capacity < needed) return 0;
  size_t n = 0;
  if (with_prefix) {
    out[n++] = '0';
    out[n++] = 'x';
  }
  for (uint8_t b : bytes) {
    out[n++] = kDigits[b >> 4];
    out[n++] = kDigits[b & 0xF];
  }
  out[n] = '\0';
  return n;
}

}  // namespace zkbatch::base
