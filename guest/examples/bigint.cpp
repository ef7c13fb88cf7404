// SPDX-License-Identifier: Apache-2.0
// Example workload: 256-bit modular exponentiation with src/base's U256 (square and multiply over
// mulmod, so every step runs U256's 512-bit division on 32-bit words).
//   input  (fd 0): records of 96 bytes until the end: base, exponent, modulus, each 32 bytes
//                  big-endian
//   output (fd 3): per record, base^exponent mod modulus as 32 bytes big-endian (0 when the
//                  modulus is 0, as the EVM's MULMOD)
//   exit code: 0; 2 when the input length is not a multiple of 96
#include <stddef.h>
#include <stdint.h>

#include "base/span.hpp"
#include "base/u256.hpp"
#include "guest/runtime/host_calls.h"

namespace {

using zkbatch::base::U256;

U256 modexp(const U256& base, const U256& exponent, const U256& modulus) {
  if (modulus.is_zero()) return U256();
  U256 result = zkbatch::base::mod(U256(1), modulus);
  const U256 b = zkbatch::base::mod(base, modulus);
  for (int i = static_cast<int>(exponent.bit_length()) - 1; i >= 0; --i) {
    result = zkbatch::base::mulmod(result, result, modulus);
    if (exponent.bit(static_cast<unsigned>(i))) result = zkbatch::base::mulmod(result, b, modulus);
  }
  return result;
}

}  // namespace

int main() {
  uint8_t record[96];
  unsigned count = 0;
  for (;;) {
    const size_t got = zkb_read_input(record, sizeof record);
    if (got == 0) break;
    if (got != sizeof record) return 2;
    const U256 base = U256::from_be_bytes(zkbatch::base::ByteSpan(record, 32));
    const U256 exponent = U256::from_be_bytes(zkbatch::base::ByteSpan(record + 32, 32));
    const U256 modulus = U256::from_be_bytes(zkbatch::base::ByteSpan(record + 64, 32));
    uint8_t out[32];
    modexp(base, exponent, modulus).to_be_bytes(out);
    zkb_commit(out, sizeof out);
    ++count;
  }
  zkb_print("modexp records: ");
  zkb_print_hex32(count);
  zkb_print("\n");
  return 0;
}
