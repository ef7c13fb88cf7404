// SPDX-License-Identifier: Apache-2.0
// Readable GoogleTest failure messages for the hash tests.
#pragma once

#include <ostream>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "hash/digest.hpp"

namespace zkbatch::field {
inline void PrintTo(const Fp& value, std::ostream* os) {
  *os << "Fp(0x" << std::hex << value.value() << std::dec << ")";
}
inline void PrintTo(const Fp3& value, std::ostream* os) {
  *os << "Fp3(0x" << std::hex << value.c[0].value() << ", 0x" << value.c[1].value() << ", 0x"
      << value.c[2].value() << std::dec << ")";
}
}  // namespace zkbatch::field

namespace zkbatch::hash {
inline void PrintTo(const Digest& digest, std::ostream* os) {
  *os << "Digest(" << std::hex;
  for (size_t i = 0; i < kDigestElements; ++i) {
    *os << (i ? ", 0x" : "0x") << digest.v[i].value();
  }
  *os << std::dec << ")";
}
}  // namespace zkbatch::hash
