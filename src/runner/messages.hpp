// SPDX-License-Identifier: Apache-2.0
// The messages between rank 0 and the workers, as little-endian byte strings (the
// communicator carries bytes only). Each decoder checks every length and throws ProtocolError
// on bytes that are not its message.
#pragma once

#include <stdint.h>

#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "hash/digest.hpp"
#include "runner/segment_prover.hpp"

namespace zkbatch::runner {

/// Bytes that are not the expected message (a bug or a mismatched peer, never user input).
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// rank 0 → worker: commit one segment's traces.
struct Phase1Task {
  uint32_t job = 0;
  uint32_t segment = 0;
  std::vector<uint8_t> checkpoint;  ///< the part's bytes (a segment's checkpoint, ...)
};

/// rank 0 → every worker: contribute your commitments of `job` to its gather.
struct GatherTask {
  uint32_t job = 0;
  std::vector<uint32_t> counts;  ///< commitments each rank contributes, in rank order
};

/// rank 0 → worker: finish one segment's proof. The checkpoint lets a rank that no longer
/// holds the phase-one state (or never did) rebuild it.
struct Phase2Task {
  uint32_t job = 0;
  uint32_t segment = 0;
  hash::Digest seed{};
  hash::Digest commitment{};  ///< the segment's gathered commitment (checks a rebuilt state)
  std::vector<uint8_t> checkpoint;
};

/// worker → rank 0: phase one done (the commitment itself travels in the gather).
struct Phase1Done {
  uint32_t job = 0;
  uint32_t segment = 0;
  uint64_t cycles = 0;
  PhaseSeconds times;
  uint64_t memory_bytes = 0;  ///< the rank's resident memory after the task
};

/// worker → rank 0: the segment proof.
struct Phase2Done {
  uint32_t job = 0;
  uint32_t segment = 0;
  PhaseSeconds times;
  uint64_t memory_bytes = 0;
  std::vector<uint8_t> proof;
};

/// worker → rank 0: this rank failed; rank 0 logs it and ends the job with `exit_code`.
struct Failure {
  int32_t exit_code = 1;
  std::string message;
};

/// One segment's phase-one commitment, as gathered.
struct SegmentCommitment {
  uint32_t segment = 0;
  hash::Digest commitment{};
};

std::vector<uint8_t> encode(const Phase1Task& m);
std::vector<uint8_t> encode(const GatherTask& m);
std::vector<uint8_t> encode(const Phase2Task& m);
std::vector<uint8_t> encode(const Phase1Done& m);
std::vector<uint8_t> encode(const Phase2Done& m);
std::vector<uint8_t> encode(const Failure& m);

Phase1Task decode_phase1_task(std::span<const uint8_t> bytes);
GatherTask decode_gather_task(std::span<const uint8_t> bytes);
Phase2Task decode_phase2_task(std::span<const uint8_t> bytes);
Phase1Done decode_phase1_done(std::span<const uint8_t> bytes);
Phase2Done decode_phase2_done(std::span<const uint8_t> bytes);
Failure decode_failure(std::span<const uint8_t> bytes);

/// Bytes of one commitment in a gather contribution.
inline constexpr size_t kCommitmentEntryBytes = 4 + 32;
/// A rank's gather contribution.
std::vector<uint8_t> encode_commitments(const std::vector<SegmentCommitment>& entries);
/// Every rank's contributions merged and sorted by segment; throws ProtocolError unless they
/// hold segments 0 .. segment_count - 1 exactly once each.
std::vector<hash::Digest> merge_commitments(const std::vector<std::vector<uint8_t>>& parts,
                                            size_t segment_count);

/// A digest as 4 little-endian 64-bit words, and back (ProtocolError for a non-canonical word).
void append_digest(std::vector<uint8_t>& out, const hash::Digest& d);
hash::Digest read_digest(std::span<const uint8_t> bytes);

}  // namespace zkbatch::runner
