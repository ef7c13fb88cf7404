// SPDX-License-Identifier: Apache-2.0
#include "witness/format.hpp"

namespace zkbatch::witness {

std::string to_hex(base::ByteSpan bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 + 2 * bytes.size());
  out += "0x";
  for (uint8_t b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::string quantity_hex(const base::U256& value) {
  char text[base::U256::kMaxHexChars];
  size_t n = value.to_hex(text, sizeof text);
  return std::string(text, n);
}

}  // namespace zkbatch::witness
