// SPDX-License-Identifier: Apache-2.0
// The witness of a segment proof: the CPU trace first (it files every other chip's operations),
// then the divider (it adds multiplications and comparisons), the other chips, and the lookup
// tables last (they count what everyone looked up).
#include <stdexcept>

#include "hash/sponge.hpp"
#include "vm/chips/chips.hpp"
#include "vm/proof/machine.hpp"
#include "vm/proof/witness.hpp"

namespace zkbatch::vm::proof {

using field::Fp;

RunStatement RunStatement::make(uint32_t segment_log2,
                                uint64_t cycles,
                                std::vector<uint8_t> output) {
  RunStatement s;
  s.segment_log2 = segment_log2;
  s.cycles = cycles;
  s.public_output = std::move(output);
  s.output_digest = hash::hash_bytes({s.public_output.data(), s.public_output.size()});
  return s;
}

SegmentSummary summarize(const SegmentTrace& trace) {
  return {trace.segment_index, trace.end_timestamp(), trace.final_memory};
}

std::vector<Fp> segment_public_values(const SegmentTrace& trace,
                                      uint64_t output_start,
                                      const RunStatement& statement) {
  using namespace chips;
  std::vector<Fp> pv(kSegmentPublicValues);
  pv[kPvSegmentIndex] = Fp(trace.segment_index);
  pv[kPvStartPc] = Fp(trace.start_pc);
  pv[kPvEndPc] = Fp(trace.end_pc);
  pv[kPvStartTimestamp] = Fp(trace.start_timestamp());
  pv[kPvEndTimestamp] = Fp(trace.end_timestamp());
  pv[kPvHalted] = Fp(trace.end == SegmentEnd::halted ? 1 : 0);
  pv[kPvExitCode] = Fp(trace.end == SegmentEnd::halted ? trace.exit_code : 0);
  pv[kPvOutputStart] = Fp(output_start);
  pv[kPvOutputEnd] = Fp(output_start + trace.public_output.size());
  for (size_t i = 0; i < hash::kDigestElements; ++i)
    pv[kPvOutputDigest + i] = statement.output_digest.v[i];
  return pv;
}

stark::Witness segment_witness(const VmKey& key,
                               const SegmentTrace& trace,
                               uint64_t output_start,
                               const RunStatement& statement) {
  using namespace chips;
  if (trace.end == SegmentEnd::trapped) {
    throw std::logic_error("segment " + std::to_string(trace.segment_index) +
                           " traps: a trapped run has no proof");
  }
  if (statement.segment_log2 > kMaxSegmentLog2) {
    throw std::logic_error("segments above 2^" + std::to_string(kMaxSegmentLog2) +
                           " cycles cannot be proven");
  }
  stark::Witness w;
  w.traces.resize(kSegmentTableCount);
  SegmentEvents events;
  LookupCounts counts(key.segment_fixed.get());
  std::vector<uint64_t> fetch_counts;
  w.traces[kTableCpu] = cpu::generate_trace(trace, *key.program, *key.layout, output_start, events,
                                            counts, fetch_counts);
  w.traces[kTableDivRem] = divrem::generate_trace(events.divrem, events, counts);
  w.traces[kTableAddSub] = add_sub::generate_trace(events.add_sub, counts);
  w.traces[kTableBitwise] = bitwise::generate_trace(events.bitwise, counts);
  w.traces[kTableCompare] = compare::generate_trace(events.compare, counts);
  w.traces[kTableShift] = shift::generate_trace(events.shift, counts);
  w.traces[kTableMul] = mul::generate_trace(events.mul, counts);
  w.traces[kTableMemory] = memory::generate_trace(events.memops, counts);
  w.traces[kTableSyscall] =
      syscall::generate_trace(events.syscalls, key.layout->writable_buffers(), counts);
  w.traces[kTableIo] = io::generate_trace(events.syscalls, counts);
  w.traces[kTableBoundary] =
      boundary::generate_trace(trace, *key.layout, statement.segment_log2, counts);
  w.traces[kTableProgram] = program::generate_trace(*key.program, fetch_counts);
  w.traces[kTableBytes] = bytes::generate_trace(counts);
  w.traces[kTableFixed] = fixed::generate_trace(*key.segment_fixed, counts);
  w.public_values = segment_public_values(trace, output_start, statement);
  return w;
}

}  // namespace zkbatch::vm::proof
