// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#include "hash/challenger.hpp"

namespace zkbatch::hash {

using field::Fp;

namespace {

/// p, restated so this file depends only on Fp's public interface.
constexpr uint64_t kP = 0xFFFFFFFF00000001ull;
static_assert(Fp(kP) == Fp::zero() && Fp(kP - 1) + Fp::one() == Fp::zero());

}  // namespace

void Challenger::duplex() {
  for (size_t i = 0; i < input_len_; ++i) {
    state_[i] = input_[i];
  }
  input_len_ = 0;
  Poseidon2::permute(state_);
  output_left_ = kSpongeRate;
}

void Challenger::observe(Fp value) {
  output_left_ = 0;
  input_[input_len_++] = value;
  if (input_len_ == kSpongeRate) duplex();
}

void Challenger::observe(const Digest& digest) {
  observe_many(digest.v, kDigestElements);
}

void Challenger::observe_many(const Fp* values, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    observe(values[i]);
  }
}

Fp Challenger::sample() {
  if (input_len_ != 0 || output_left_ == 0) duplex();
  Fp out = state_[kSpongeRate - output_left_];
  --output_left_;
  return out;
}

field::Fp3 Challenger::sample_ext() {
  Fp c0 = sample();
  Fp c1 = sample();
  Fp c2 = sample();
  return field::Fp3(c0, c1, c2);
}

uint64_t Challenger::sample_bits(unsigned bits) {
  uint64_t value = sample().value();
  if (bits >= 64) return value;
  return value & ((uint64_t{1} << bits) - 1);
}

uint64_t Challenger::grind(unsigned bits) const {
  for (uint64_t witness = 0; witness < kP; ++witness) {
    Challenger trial = *this;
    trial.observe(Fp(witness));
    if (trial.sample_bits(bits) == 0) return witness;
  }
  // Unreachable for any bits the protocol uses: 2^64 - 2^32 trials all failing.
  return kP;
}

bool Challenger::check_witness(unsigned bits, uint64_t witness) {
  if (witness >= kP) return false;
  observe(Fp(witness));
  return sample_bits(bits) == 0;
}

}  // namespace zkbatch::hash
