// SPDX-License-Identifier: Apache-2.0
#include "fri/transcript.hpp"

#include <omp.h>

#include <algorithm>

namespace zkbatch::fri {

using field::Fp;
using field::Fp3;

void Transcript::observe(Fp value) {
  record(TranscriptEvent::Kind::observe, value);
  challenger_.observe(value);
}

void Transcript::observe(const Fp3& value) {
  for (const Fp& c : value.c)
    observe(c);
}

void Transcript::observe(const hash::Digest& digest) {
  for (const Fp& v : digest.v)
    observe(v);
}

void Transcript::observe_many(const Fp* values, size_t count) {
  for (size_t i = 0; i < count; ++i)
    observe(values[i]);
}

void Transcript::observe_many(const Fp3* values, size_t count) {
  for (size_t i = 0; i < count; ++i)
    observe(values[i]);
}

Fp Transcript::sample() {
  const Fp value = challenger_.sample();
  record(TranscriptEvent::Kind::sample, value);
  return value;
}

Fp3 Transcript::sample_ext() {
  const Fp c0 = sample();
  const Fp c1 = sample();
  const Fp c2 = sample();
  return Fp3(c0, c1, c2);
}

uint64_t Transcript::sample_bits(unsigned bits) {
  const uint64_t value = sample().value();
  if (bits >= 64) return value;
  return value & ((uint64_t{1} << bits) - 1);
}

hash::Digest Transcript::sample_digest() {
  hash::Digest digest;
  for (Fp& v : digest.v)
    v = sample();
  return digest;
}

uint64_t Transcript::grind(unsigned bits) const {
  if (bits == 0) return 0;
  // Blocks of candidates are tried in parallel; the first block (in order) that holds a valid
  // witness decides, and inside it the smallest one wins, so every thread count gives the same
  // witness: the smallest valid one.
  constexpr uint64_t kBlock = uint64_t{1} << 12;
  const uint64_t mask = (uint64_t{1} << std::min(bits, 63u)) - 1;
  for (uint64_t start = 0; start < field::kModulus; start += kBlock) {
    uint64_t best = field::kModulus;
#pragma omp parallel for schedule(static) reduction(min : best)
    for (uint64_t w = start; w < start + kBlock; ++w) {
      hash::Challenger trial = challenger_;
      trial.observe(Fp(w));
      if ((trial.sample().value() & mask) == 0) best = std::min(best, w);
    }
    if (best != field::kModulus) return best;
  }
  return field::kModulus;  // unreachable for bits <= 32
}

bool Transcript::check_witness(unsigned bits, uint64_t witness) {
  if (witness >= field::kModulus) return false;
  observe(Fp(witness));
  return sample_bits(bits) == 0;
}

}  // namespace zkbatch::fri
