// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/ripemd160.hpp"

#include <string.h>

#include "eth/precompiles/detail/run.hpp"

namespace zkbatch::eth::precompiles {

namespace {

// Message word selection r(j) and r'(j) for the left and right lines (the paper's Appendix A).
constexpr uint8_t kWordLeft[80] = {0, 1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15,
                                   7, 4,  13, 1,  10, 6,  15, 3,  12, 0, 9,  5,  2,  14, 11, 8,
                                   3, 10, 14, 4,  9,  15, 8,  1,  2,  7, 0,  6,  13, 11, 5,  12,
                                   1, 9,  11, 10, 0,  8,  12, 4,  13, 3, 7,  15, 14, 5,  6,  2,
                                   4, 0,  5,  9,  7,  12, 2,  10, 14, 1, 3,  8,  11, 6,  15, 13};
constexpr uint8_t kWordRight[80] = {5,  14, 7,  0, 9, 2,  11, 4,  13, 6,  15, 8,  1,  10, 3,  12,
                                    6,  11, 3,  7, 0, 13, 5,  10, 14, 15, 8,  12, 4,  9,  1,  2,
                                    15, 5,  1,  3, 7, 14, 6,  9,  11, 8,  12, 2,  10, 0,  4,  13,
                                    8,  6,  4,  1, 3, 11, 15, 0,  5,  12, 2,  13, 9,  7,  10, 14,
                                    12, 15, 10, 4, 1, 5,  8,  7,  6,  2,  13, 14, 0,  3,  9,  11};
// Rotation amounts s(j) and s'(j).
constexpr uint8_t kShiftLeft[80] = {11, 14, 15, 12, 5,  8,  7,  9,  11, 13, 14, 15, 6,  7,  9,  8,
                                    7,  6,  8,  13, 11, 9,  7,  15, 7,  12, 15, 9,  11, 7,  13, 12,
                                    11, 13, 6,  7,  14, 9,  13, 15, 14, 8,  13, 6,  5,  12, 7,  5,
                                    11, 12, 14, 15, 14, 15, 9,  8,  9,  14, 5,  6,  8,  6,  5,  12,
                                    9,  15, 5,  11, 6,  8,  13, 12, 5,  12, 13, 14, 11, 8,  5,  6};
constexpr uint8_t kShiftRight[80] = {
    8,  9,  9,  11, 13, 15, 15, 5, 7,  7,  8,  11, 14, 14, 12, 6,  9,  13, 15, 7,
    12, 8,  9,  11, 7,  7,  12, 7, 6,  15, 13, 11, 9,  7,  15, 11, 8,  6,  6,  14,
    12, 13, 5,  14, 13, 13, 7,  5, 15, 5,  8,  11, 14, 14, 6,  14, 6,  9,  12, 9,
    12, 5,  15, 8,  8,  5,  12, 9, 12, 5,  14, 6,  8,  13, 6,  5,  15, 13, 11, 11};
// Round constants K(j) and K'(j), one per group of 16 steps.
constexpr uint32_t kConstLeft[5] = {0x00000000, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e};
constexpr uint32_t kConstRight[5] = {0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0x00000000};
constexpr uint32_t kInitial[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};

inline uint32_t rotl(uint32_t x, unsigned n) {
  return (x << n) | (x >> (32 - n));
}

// The five boolean functions f(j, x, y, z); group g of the left line uses f_g, the right f_{4-g}.
inline uint32_t boolean(int group, uint32_t x, uint32_t y, uint32_t z) {
  switch (group) {
    case 0:
      return x ^ y ^ z;
    case 1:
      return (x & y) | (~x & z);
    case 2:
      return (x | ~y) ^ z;
    case 3:
      return (x & z) | (y & ~z);
    default:
      return x ^ (y | ~z);
  }
}

// One 64-byte block: two parallel lines of 80 steps, then the cross combination.
void compress(uint32_t h[5], const uint8_t block[64]) {
  uint32_t x[16];
  for (int i = 0; i < 16; ++i) {
    x[i] = uint32_t{block[4 * i]} | (uint32_t{block[4 * i + 1]} << 8) |
           (uint32_t{block[4 * i + 2]} << 16) | (uint32_t{block[4 * i + 3]} << 24);
  }
  uint32_t al = h[0], bl = h[1], cl = h[2], dl = h[3], el = h[4];
  uint32_t ar = h[0], br = h[1], cr = h[2], dr = h[3], er = h[4];
  for (int j = 0; j < 80; ++j) {
    int group = j / 16;
    uint32_t t =
        rotl(al + boolean(group, bl, cl, dl) + x[kWordLeft[j]] + kConstLeft[group], kShiftLeft[j]) +
        el;
    al = el;
    el = dl;
    dl = rotl(cl, 10);
    cl = bl;
    bl = t;
    t = rotl(ar + boolean(4 - group, br, cr, dr) + x[kWordRight[j]] + kConstRight[group],
             kShiftRight[j]) +
        er;
    ar = er;
    er = dr;
    dr = rotl(cr, 10);
    cr = br;
    br = t;
  }
  uint32_t t = h[1] + cl + dr;
  h[1] = h[2] + dl + er;
  h[2] = h[3] + el + ar;
  h[3] = h[4] + al + br;
  h[4] = h[0] + bl + cr;
  h[0] = t;
}

Status ripemd160_body(base::ByteSpan input, base::Bytes& output) {
  if (!output.resize(32)) return Status::out_of_memory;
  memset(output.data(), 0, 12);
  ripemd160_digest(input, output.data() + 12);
  return Status::success;
}

}  // namespace

void ripemd160_digest(base::ByteSpan data, uint8_t out[kRipemd160Bytes]) {
  uint32_t h[5];
  memcpy(h, kInitial, sizeof(h));
  size_t full = data.size() / 64;
  for (size_t i = 0; i < full; ++i)
    compress(h, data.data() + 64 * i);
  // MD4-style padding: 0x80, zeros, then the bit length as a little-endian 64-bit value.
  uint8_t tail[128] = {};
  size_t rest = data.size() - 64 * full;
  if (rest > 0) memcpy(tail, data.data() + 64 * full, rest);
  tail[rest] = 0x80;
  size_t tail_size = rest + 1 + 8 <= 64 ? 64 : 128;
  uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  for (int i = 0; i < 8; ++i)
    tail[tail_size - 8 + i] = static_cast<uint8_t>(bits >> (8 * i));
  for (size_t offset = 0; offset < tail_size; offset += 64)
    compress(h, tail + offset);
  for (int i = 0; i < 5; ++i) {
    for (int k = 0; k < 4; ++k)
      out[4 * i + k] = static_cast<uint8_t>(h[i] >> (8 * k));
  }
}

uint64_t ripemd160_gas(base::ByteSpan input) {
  return 600 + 120 * words32(input.size());
}

PrecompileResult ripemd160(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output) {
  return detail::charge_and_run(ripemd160_gas(input), gas_limit, ripemd160_body, input, output);
}

}  // namespace zkbatch::eth::precompiles
