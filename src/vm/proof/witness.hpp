// SPDX-License-Identifier: Apache-2.0
// Witnesses: the traces and public values of one segment proof (from the segment's trace) and of
// the memory proof (from what every segment leaves in memory).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "hash/digest.hpp"
#include "stark/debug.hpp"
#include "vm/proof/keys.hpp"
#include "vm/trace.hpp"

namespace zkbatch::vm::proof {

/// What every proof of a run shares: the segment size, the run's length and its public output.
struct RunStatement {
  uint32_t segment_log2 = 0;
  uint64_t cycles = 0;  ///< instructions executed, exit included
  std::vector<uint8_t> public_output;
  hash::Digest output_digest{};  ///< hash_bytes(public_output): every segment's public value

  /// The statement with its digest computed.
  static RunStatement make(uint32_t segment_log2, uint64_t cycles, std::vector<uint8_t> output);
};

/// What the memory proof needs from one segment: the addresses it accessed with their values
/// after it, and its end timestamp (the timestamp of the tuples it leaves on the global bus).
struct SegmentSummary {
  uint32_t index = 0;
  uint64_t end_timestamp = 0;
  std::vector<WordState> final_memory;
};

/// The summary of a traced segment.
SegmentSummary summarize(const SegmentTrace& trace);

/// The public values of a segment proof for this trace (segment_values.hpp).
std::vector<field::Fp> segment_public_values(const SegmentTrace& trace,
                                             uint64_t output_start,
                                             const RunStatement& statement);

/// The witness of one segment proof: every table's trace and the public values. `output_start`
/// is the number of public-output bytes committed before the segment. Throws std::logic_error
/// for a segment the machine cannot prove (a trap, a row without its program entry, ...).
stark::Witness segment_witness(const VmKey& key,
                               const SegmentTrace& trace,
                               uint64_t output_start,
                               const RunStatement& statement);

/// The witness of the memory proof from the summaries of all segments, in order.
stark::Witness memory_witness(const VmKey& key,
                              std::span<const SegmentSummary> segments,
                              const RunStatement& statement);

}  // namespace zkbatch::vm::proof
