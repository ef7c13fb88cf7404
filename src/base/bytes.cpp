// SPDX-License-Identifier: Apache-2.0
#include "base/bytes.hpp"

#include <string.h>

namespace zkbatch::base {

Status append(Bytes& out, ByteSpan tail) {
  return out.append(tail);
}

bool equal(ByteSpan a, ByteSpan b) {
  if (a.size() != b.size()) return false;
  return a.size() == 0 || memcmp(a.data(), b.data(), a.size()) == 0;
}

bool Bytes32::is_zero() const {
  uint8_t any = 0;
  for (uint8_t b : bytes)
    any |= b;
  return any == 0;
}

Result<Bytes32> Bytes32::from_span(ByteSpan data) {
  if (data.size() != 32) return make_error(Errc::invalid_argument, data.size());
  Bytes32 value;
  memcpy(value.bytes, data.data(), 32);
  return value;
}

}  // namespace zkbatch::base
