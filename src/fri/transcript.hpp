// SPDX-License-Identifier: Apache-2.0
// The Fiat-Shamir transcript that FRI and the STARK prover and verifier share.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <vector>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "hash/challenger.hpp"
#include "hash/digest.hpp"

namespace zkbatch::fri {

/// One operation on a transcript, as recorded for tests: prover and verifier must perform the
/// same operations on the same values in the same order (STYLE.md §4 item 4).
struct TranscriptEvent {
  /// observe: `value` entered the sponge; sample: `value` came out of it.
  enum class Kind : uint8_t { observe, sample };
  Kind kind = Kind::observe;
  field::Fp value;

  bool operator==(const TranscriptEvent& other) const = default;
};

/// A hash::Challenger (the duplex sponge of DESIGN.md §3) with typed helpers and an optional
/// recorder. Copying a Transcript copies the sponge state and keeps the recorder pointer.
class Transcript {
 public:
  Transcript() = default;

  /// Records every later observed and sampled element into `log` (nullptr stops recording). The
  /// log must outlive its use.
  void set_log(std::vector<TranscriptEvent>* log) { log_ = log; }

  /// Absorbs one element.
  void observe(field::Fp value);
  /// Absorbs an element of the cubic extension as its three coefficients c0, c1, c2.
  void observe(const field::Fp3& value);
  /// Absorbs a digest's four elements.
  void observe(const hash::Digest& digest);
  /// Absorbs a count or index as one element (values below 2^32 in every use).
  void observe_u64(uint64_t value) { observe(field::Fp(value)); }
  /// Absorbs `count` elements in order.
  void observe_many(const field::Fp* values, size_t count);
  /// Absorbs `count` extension elements in order.
  void observe_many(const field::Fp3* values, size_t count);

  /// Draws a base-field element.
  field::Fp sample();
  /// Draws an element of the cubic extension (three samples).
  field::Fp3 sample_ext();
  /// Draws `bits` <= 32 uniform bits (hash::Challenger::sample_bits).
  uint64_t sample_bits(unsigned bits);
  /// Draws four elements as a digest (used to summarise a transcript, e.g. a segment's first
  /// phase, into one value another transcript can absorb).
  hash::Digest sample_digest();

  /// Proof-of-work search: the smallest witness w such that observing w and sampling `bits` bits
  /// gives zero (hash::Challenger rule 7). Searched in parallel blocks; the result does not depend
  /// on the number of threads. Leaves this transcript unchanged.
  uint64_t grind(unsigned bits) const;
  /// Observes `witness`, samples `bits` bits and returns whether they are all zero. A witness >= p
  /// is rejected without touching the transcript.
  bool check_witness(unsigned bits, uint64_t witness);

 private:
  void record(TranscriptEvent::Kind kind, field::Fp value) {
    if (log_ != nullptr) log_->push_back(TranscriptEvent{kind, value});
  }

  hash::Challenger challenger_;
  std::vector<TranscriptEvent>* log_ = nullptr;
};

}  // namespace zkbatch::fri
