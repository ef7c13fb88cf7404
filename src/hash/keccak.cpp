// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#include "hash/keccak.hpp"

#include <string.h>

namespace zkbatch::hash {

namespace {

/// Round constants RC[i_r] of the iota step (FIPS 202 §3.2.5, Algorithm 5 and 6).
constexpr uint64_t kRoundConstants[24] = {
    0x0000000000000001ull, 0x0000000000008082ull, 0x800000000000808Aull, 0x8000000080008000ull,
    0x000000000000808Bull, 0x0000000080000001ull, 0x8000000080008081ull, 0x8000000000008009ull,
    0x000000000000008Aull, 0x0000000000000088ull, 0x0000000080008009ull, 0x000000008000000Aull,
    0x000000008000808Bull, 0x800000000000008Bull, 0x8000000000008089ull, 0x8000000000008003ull,
    0x8000000000008002ull, 0x8000000000000080ull, 0x000000000000800Aull, 0x800000008000000Aull,
    0x8000000080008081ull, 0x8000000000008080ull, 0x0000000080000001ull, 0x8000000080008008ull,
};

/// Rotation offsets of the rho step for lane x + 5 y (FIPS 202 §3.2.2, Table 2).
constexpr unsigned kRho[25] = {
    0,  1,  62, 28, 27,  // y = 0
    36, 44, 6,  55, 20,  // y = 1
    3,  10, 43, 25, 39,  // y = 2
    41, 45, 15, 21, 8,   // y = 3
    18, 2,  61, 56, 14,  // y = 4
};

/// Destination of lane x + 5 y under pi: (x, y) -> (y, 2x + 3y mod 5) (FIPS 202 §3.2.3).
constexpr unsigned kPi[25] = {
    0,  10, 20, 5,  15,  // y = 0
    16, 1,  11, 21, 6,   // y = 1
    7,  17, 2,  12, 22,  // y = 2
    23, 8,  18, 3,  13,  // y = 3
    14, 24, 9,  19, 4,   // y = 4
};

constexpr uint64_t rotl(uint64_t value, unsigned shift) {
  return (value << shift) | (value >> ((64 - shift) & 63));
}

/// Little-endian 64-bit load. memcpy compiles to one load where the target is little-endian
/// (every host we build for, and rv32im); other targets assemble the bytes.
inline uint64_t load64_le(const uint8_t* bytes) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t value;
  memcpy(&value, bytes, sizeof(value));
  return value;
#else
  uint64_t value = 0;
  for (unsigned i = 0; i < 8; ++i) {
    value |= static_cast<uint64_t>(bytes[i]) << (8 * i);
  }
  return value;
#endif
}

}  // namespace

void keccak_f1600(uint64_t state[25]) {
  // Work on a local copy so the compiler can keep lanes in registers; the step loops have fixed
  // trip counts and are unrolled so the table lookups and "% 5" fold into constants.
  uint64_t a[25];
  memcpy(a, state, sizeof(a));
  for (unsigned round = 0; round < 24; ++round) {
    // theta: XOR each lane with the parities of two neighbouring columns.
    uint64_t parity[5];
#pragma GCC unroll 5
    for (unsigned x = 0; x < 5; ++x) {
      parity[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    }
#pragma GCC unroll 5
    for (unsigned x = 0; x < 5; ++x) {
      uint64_t d = parity[(x + 4) % 5] ^ rotl(parity[(x + 1) % 5], 1);
#pragma GCC unroll 5
      for (unsigned y = 0; y < 25; y += 5) {
        a[y + x] ^= d;
      }
    }
    // rho and pi: rotate each lane and move it to its new position.
    uint64_t moved[25];
#pragma GCC unroll 25
    for (unsigned i = 0; i < 25; ++i) {
      moved[kPi[i]] = rotl(a[i], kRho[i]);
    }
    // chi: the only non-linear step, row by row.
#pragma GCC unroll 5
    for (unsigned y = 0; y < 25; y += 5) {
#pragma GCC unroll 5
      for (unsigned x = 0; x < 5; ++x) {
        a[y + x] = moved[y + x] ^ (~moved[y + (x + 1) % 5] & moved[y + (x + 2) % 5]);
      }
    }
    // iota
    a[0] ^= kRoundConstants[round];
  }
  memcpy(state, a, sizeof(a));
}

namespace detail {

KeccakSponge::KeccakSponge(size_t rate_bytes, uint8_t pad) : rate_(rate_bytes), pad_(pad) {
  reset();
}

void KeccakSponge::reset() {
  for (uint64_t& lane : state_) {
    lane = 0;
  }
  position_ = 0;
}

void KeccakSponge::absorb(base::ByteSpan data) {
  const uint8_t* bytes = data.data();
  size_t left = data.size();
  // Whole lanes go in with one load; stray bytes (an unaligned position or a short tail) one by
  // one. Either way byte j of a lane is bits 8j..8j+7, the little-endian order of FIPS 202 §B.1.
  while (left != 0) {
    if (position_ % 8 == 0 && left >= 8) {
      state_[position_ / 8] ^= load64_le(bytes);
      position_ += 8;
      bytes += 8;
      left -= 8;
    } else {
      state_[position_ / 8] ^= static_cast<uint64_t>(*bytes) << (8 * (position_ % 8));
      ++position_;
      ++bytes;
      --left;
    }
    if (position_ == rate_) {
      keccak_f1600(state_);
      position_ = 0;
    }
  }
}

void KeccakSponge::finish(uint8_t* out, size_t out_len) {
  // pad10*1 with the domain bits: the first padding byte carries `pad_`, the last byte of the
  // block gets 0x80; when they coincide the byte is pad_ ^ 0x80.
  state_[position_ / 8] ^= static_cast<uint64_t>(pad_) << (8 * (position_ % 8));
  state_[(rate_ - 1) / 8] ^= uint64_t{0x80} << (8 * ((rate_ - 1) % 8));
  keccak_f1600(state_);
  for (size_t i = 0; i < out_len; ++i) {
    out[i] = static_cast<uint8_t>(state_[i / 8] >> (8 * (i % 8)));
  }
  reset();
}

}  // namespace detail

void keccak256(base::ByteSpan data, uint8_t out[kKeccak256Bytes]) {
  Keccak256 hasher;
  hasher.update(data);
  hasher.finalize(out);
}

base::Bytes32 keccak256(base::ByteSpan data) {
  base::Bytes32 digest;
  keccak256(data, digest.bytes);
  return digest;
}

}  // namespace zkbatch::hash
