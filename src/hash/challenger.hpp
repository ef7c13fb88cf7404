// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The Fiat–Shamir transcript of DESIGN.md §3: a duplex sponge over Poseidon2 (width 12, rate 8,
// capacity 4, overwrite mode). Prover and verifier must agree bit for bit, so the rules are:
//
//   1. The state is 12 zero elements; the input buffer and the output buffer are empty.
//   2. observe(x) empties the output buffer, then appends x to the input buffer; when the input
//      buffer reaches 8 elements, the challenger duplexes.
//   3. A duplex writes the k buffered inputs over state[0..k) (state[k..12) keeps its value),
//      empties the input buffer, permutes, and fills the output buffer with state[0..8).
//   4. sample() duplexes first when the input buffer is non-empty or the output buffer is empty,
//      then removes and returns the first element of the output buffer: state[0] after a duplex,
//      then state[1], and so on up to state[7].
//   5. sample_ext() is three samples (c0, c1, c2), in that order, as c0 + c1 X + c2 X^2.
//   6. sample_bits(b) is the low b bits of sample()'s canonical value.
//   7. Grinding: a witness w (0 <= w < p) is valid for b bits when observe(w) followed by
//      sample_bits(b) gives 0 (the b low bits of the sample are zero).
//
// Observing a Digest observes its 4 elements in order; observe_many observes elements in order.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "hash/digest.hpp"
#include "hash/poseidon2.hpp"
#include "hash/sponge.hpp"

namespace zkbatch::hash {

/// A duplex-sponge Fiat–Shamir transcript (rules in the file comment). Copyable: a copy is an
/// independent transcript with the same history, which is how `grind` searches.
class Challenger {
 public:
  /// Most bits `sample_bits` is meant for: p = 2^32 (2^32 - 1) + 1, so p mod 2^b = 1 for every
  /// b <= 32, and the low b bits of a uniform element take the value 0 with probability
  /// (ceil(p / 2^b)) / p and every other value with floor(p / 2^b) / p, a statistical distance
  /// from uniform below 2^-64. Above 32 bits the bias reaches 2^-32 per value.
  static constexpr unsigned kMaxSampleBits = 32;

  /// A transcript in its initial state (rule 1).
  Challenger() = default;

  /// Absorbs one element (rule 2).
  void observe(field::Fp value);
  /// Absorbs the 4 elements of a digest, in order.
  void observe(const Digest& digest);
  /// Absorbs `count` elements, in order.
  void observe_many(const field::Fp* values, size_t count);

  /// Draws one base-field challenge (rule 4).
  field::Fp sample();
  /// Draws one challenge in the cubic extension from three samples (rule 5).
  field::Fp3 sample_ext();
  /// Draws a value in [0, 2^bits): the low `bits` bits of one sample (rule 6). Requires
  /// bits <= kMaxSampleBits for near-uniform output (see there); bits >= 64 returns all 64.
  uint64_t sample_bits(unsigned bits);

  /// Proof-of-work: the smallest witness w such that observing w and then sampling `bits` bits
  /// gives zero (rule 7). Works on copies; this transcript is left unchanged, so the prover then
  /// calls check_witness (or observe + sample_bits) to advance it. Expected cost: 2^bits
  /// permutations.
  uint64_t grind(unsigned bits) const;

  /// The verifier's side of grinding: observes `witness`, samples `bits` bits and returns whether
  /// they are zero, advancing the transcript exactly as the prover's. A witness >= p is not a
  /// canonical element: it is rejected without touching the transcript.
  bool check_witness(unsigned bits, uint64_t witness);

 private:
  void duplex();

  field::Fp state_[Poseidon2::kWidth];
  field::Fp input_[kSpongeRate];
  size_t input_len_ = 0;
  /// Unread outputs; the next one is state_[kSpongeRate - output_left_].
  size_t output_left_ = 0;
};

}  // namespace zkbatch::hash
