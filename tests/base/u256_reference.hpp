// SPDX-License-Identifier: Apache-2.0
// Test support for U256: conversion to and from GMP (the independent reference implementation),
// the edge values every operation is checked on, and a seeded generator of interesting inputs.
#pragma once

#include <gmp.h>
#include <stdint.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "base/u256.hpp"

namespace zkbatch::base::testing {

/// An owned mpz_t.
class Mpz {
 public:
  Mpz() { mpz_init(v_); }
  explicit Mpz(const U256& x) : Mpz() { set(x); }
  ~Mpz() { mpz_clear(v_); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_ptr get() { return v_; }
  mpz_srcptr get() const { return v_; }
  operator mpz_ptr() { return v_; }           // NOLINT: pass to GMP functions directly
  operator mpz_srcptr() const { return v_; }  // NOLINT
  /// Sets the unsigned value of x.
  void set(const U256& x) { mpz_import(v_, 4, -1, sizeof(uint64_t), 0, 0, x.limb); }
  /// Sets the two's-complement value of x: x - 2^256 when bit 255 is set.
  void set_signed(const U256& x) {
    set(x);
    if (x.is_negative()) {
      Mpz two256;
      mpz_ui_pow_ui(two256, 2, 256);
      mpz_sub(v_, v_, two256);
    }
  }

 private:
  mpz_t v_;
};

/// The U256 congruent to x modulo 2^256 (x may be negative or large).
inline U256 to_u256(mpz_srcptr x) {
  Mpz reduced;
  mpz_fdiv_r_2exp(reduced, x, 256);
  U256 r;
  size_t count = 0;
  mpz_export(r.limb, &count, -1, sizeof(uint64_t), 0, 0, reduced);
  return r;
}

/// Lowercase hex of x for failure messages, independent of U256::to_hex.
inline std::string hex_of(const U256& x) {
  Mpz m(x);
  char* s = mpz_get_str(nullptr, 16, m);
  std::string out = std::string("0x") + s;
  free(s);
  return out;
}

/// 2^k as a U256 for k < 256, from limbs (independent of the shift code under test).
inline U256 pow2(unsigned k) {
  U256 r;
  r.limb[k / 64] = uint64_t{1} << (k % 64);
  return r;
}

/// The values every operation is checked on: 0, 1, 2, 2^64-1, 2^128, 2^255, 2^255-1, 2^256-1
/// and a few neighbours of the limb boundaries.
inline std::vector<U256> edge_values() {
  U256 max = U256::max();
  U256 max_minus_1 = max;
  max_minus_1.limb[0] -= 1;
  U256 int_max = max;  // 2^255 - 1
  int_max.limb[3] >>= 1;
  U256 int_min_plus_1 = pow2(255);
  int_min_plus_1.limb[0] = 1;
  return {U256(0),
          U256(1),
          U256(2),
          U256(3),
          U256(~0ull),
          pow2(64),
          pow2(128),
          pow2(192),
          pow2(255),
          int_max,
          max,
          max_minus_1,
          int_min_plus_1,
          U256::from_limbs(0, 0, ~0ull, ~0ull)};
}

/// The seed of the random tests: ZKB_TEST_SEED from the environment, else a fixed value.
inline uint64_t test_seed() {
  const char* env = std::getenv("ZKB_TEST_SEED");
  return env != nullptr ? std::strtoull(env, nullptr, 0) : 0x2b992ddfa23249d6ull;
}

/// Seeded random U256 values drawn from several shapes, so that carries, borrows, normalization
/// shifts and quotient-estimate corrections all occur often (uniform values alone almost never
/// produce them).
class U256Generator {
 public:
  explicit U256Generator(uint64_t seed) : rng_(seed) {}

  uint64_t limb() { return rng_(); }

  /// A limb that is usually near a power-of-two boundary.
  uint64_t special_limb() {
    static constexpr uint64_t kSpecial[] = {0,
                                            1,
                                            2,
                                            0x7FFFFFFFFFFFFFFFull,
                                            0x8000000000000000ull,
                                            0x8000000000000001ull,
                                            0xFFFFFFFFFFFFFFFFull,
                                            0xFFFFFFFFFFFFFFFEull,
                                            0x00000000FFFFFFFFull,
                                            0x0000000100000000ull,
                                            0xFFFFFFFF00000000ull,
                                            0xFFFFFFFF00000001ull};
    uint64_t pick = rng_() % 16;
    return pick < 12 ? kSpecial[pick] : rng_();
  }

  U256 next() {
    switch (rng_() % 7) {
      case 0:  // uniform
        return U256::from_limbs(rng_(), rng_(), rng_(), rng_());
      case 1: {  // uniform bit length in [0, 256]
        unsigned bits = static_cast<unsigned>(rng_() % 257);
        U256 x = U256::from_limbs(rng_(), rng_(), rng_(), rng_());
        for (unsigned i = bits; i < 256; ++i)
          x.limb[i / 64] &= ~(uint64_t{1} << (i % 64));
        if (bits > 0) x.limb[(bits - 1) / 64] |= uint64_t{1} << ((bits - 1) % 64);
        return x;
      }
      case 2:  // boundary limbs
        return U256::from_limbs(special_limb(), special_limb(), special_limb(), special_limb());
      case 3: {  // boundary limbs in the low part only
        unsigned top = static_cast<unsigned>(rng_() % 4);
        U256 x;
        for (unsigned i = 0; i <= top; ++i)
          x.limb[i] = special_limb();
        return x;
      }
      case 4:  // small
        return U256(rng_() % 1000);
      case 5: {  // an edge value
        static const std::vector<U256> edges = edge_values();
        return edges[rng_() % edges.size()];
      }
      default: {  // small negative (two's complement)
        U256 x(rng_() % 100000);
        return U256() - x;
      }
    }
  }

 private:
  std::mt19937_64 rng_;
};

}  // namespace zkbatch::base::testing
