// SPDX-License-Identifier: Apache-2.0
// Example workload: a Keccak-256 hash chain with src/hash's guest-safe Keccak.
//   input  (fd 0): iterations n as u32 little-endian (n >= 1), then the seed (the rest of the
//                  input, at most 64 KiB)
//   output (fd 3): h_n, 32 bytes, where h_1 = keccak256(seed) and h_(i+1) = keccak256(h_i)
//   exit code: 0, or 2 when the input is malformed
#include <stddef.h>
#include <stdint.h>

#include "base/span.hpp"
#include "guest/runtime/host_calls.h"
#include "hash/keccak.hpp"

namespace {

constexpr size_t kMaxSeed = 64 * 1024;
uint8_t seed[kMaxSeed + 1];

}  // namespace

int main() {
  uint8_t header[4];
  if (zkb_read_input(header, sizeof header) != sizeof header) return 2;
  const uint32_t n = uint32_t{header[0]} | (uint32_t{header[1]} << 8) |
                     (uint32_t{header[2]} << 16) | (uint32_t{header[3]} << 24);
  const size_t seed_size = zkb_read_input(seed, sizeof seed);
  if (n == 0 || seed_size > kMaxSeed) return 2;

  uint8_t digest[zkbatch::hash::kKeccak256Bytes];
  zkbatch::hash::keccak256(zkbatch::base::ByteSpan(seed, seed_size), digest);
  for (uint32_t i = 1; i < n; ++i)
    zkbatch::hash::keccak256(zkbatch::base::ByteSpan(digest, sizeof digest), digest);

  zkb_print("keccak chain: ");
  zkb_print_hex32(n);
  zkb_print(" iterations\n");
  zkb_commit(digest, sizeof digest);
  return 0;
}
