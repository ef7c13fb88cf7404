// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/blake2f.hpp"

#include "eth/precompiles/detail/run.hpp"

namespace zkbatch::eth::precompiles {

namespace {

// RFC 7693 §2.6: the initialization vector (the SHA-512 IV).
constexpr uint64_t kIv[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
                             0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                             0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};

// RFC 7693 §2.7: message word permutations; round i uses row i mod 10.
constexpr uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

inline uint64_t rotr64(uint64_t x, unsigned n) {
  return (x >> n) | (x << (64 - n));
}

// The mixing function G (RFC 7693 §3.1) with rotations R1..R4 = 32, 24, 16, 63.
inline void mix(uint64_t v[16], int a, int b, int c, int d, uint64_t x, uint64_t y) {
  v[a] = v[a] + v[b] + x;
  v[d] = rotr64(v[d] ^ v[a], 32);
  v[c] = v[c] + v[d];
  v[b] = rotr64(v[b] ^ v[c], 24);
  v[a] = v[a] + v[b] + y;
  v[d] = rotr64(v[d] ^ v[a], 16);
  v[c] = v[c] + v[d];
  v[b] = rotr64(v[b] ^ v[c], 63);
}

uint64_t load_le64(const uint8_t* p) {
  uint64_t x = 0;
  for (int i = 7; i >= 0; --i)
    x = (x << 8) | p[i];
  return x;
}

void store_le64(uint8_t* p, uint64_t x) {
  for (int i = 0; i < 8; ++i)
    p[i] = static_cast<uint8_t>(x >> (8 * i));
}

Status blake2f_body(base::ByteSpan input, base::Bytes& output) {
  if (input.size() != kBlake2fInputBytes) return Status::failure;
  const uint8_t* in = input.data();
  uint8_t flag = in[212];
  if (flag > 1) return Status::failure;
  uint32_t rounds =
      (uint32_t{in[0]} << 24) | (uint32_t{in[1]} << 16) | (uint32_t{in[2]} << 8) | uint32_t{in[3]};
  uint64_t h[8], m[16], t[2];
  for (int i = 0; i < 8; ++i)
    h[i] = load_le64(in + 4 + 8 * i);
  for (int i = 0; i < 16; ++i)
    m[i] = load_le64(in + 68 + 8 * i);
  t[0] = load_le64(in + 196);
  t[1] = load_le64(in + 204);
  blake2b_compress(rounds, h, m, t, flag == 1);
  if (!output.resize(64)) return Status::out_of_memory;
  for (int i = 0; i < 8; ++i)
    store_le64(output.data() + 8 * i, h[i]);
  return Status::success;
}

}  // namespace

void blake2b_compress(uint32_t rounds,
                      uint64_t h[8],
                      const uint64_t m[16],
                      const uint64_t t[2],
                      bool final_block) {
  uint64_t v[16];
  for (int i = 0; i < 8; ++i) {
    v[i] = h[i];
    v[i + 8] = kIv[i];
  }
  v[12] ^= t[0];
  v[13] ^= t[1];
  if (final_block) v[14] = ~v[14];
  for (uint32_t round = 0; round < rounds; ++round) {
    const uint8_t* s = kSigma[round % 10];
    mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
    mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
    mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
    mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
    mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
    mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
    mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
    mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
  }
  for (int i = 0; i < 8; ++i)
    h[i] ^= v[i] ^ v[i + 8];
}

uint64_t blake2f_gas(base::ByteSpan input) {
  if (input.size() != kBlake2fInputBytes) return 0;
  const uint8_t* in = input.data();
  return (uint64_t{in[0]} << 24) | (uint64_t{in[1]} << 16) | (uint64_t{in[2]} << 8) |
         uint64_t{in[3]};
}

PrecompileResult blake2f(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output) {
  return detail::charge_and_run(blake2f_gas(input), gas_limit, blake2f_body, input, output);
}

}  // namespace zkbatch::eth::precompiles
