// SPDX-License-Identifier: Apache-2.0
// The witness of the memory proof: every address some segment accessed is initialized once
// (from the image table when it is an image word, else to zero) and finalized once with the
// tuple its last segment left on the global bus.
#include <map>
#include <stdexcept>

#include "vm/chips/chips.hpp"
#include "vm/layout.hpp"
#include "vm/proof/machine.hpp"
#include "vm/proof/witness.hpp"

namespace zkbatch::vm::proof {

stark::Witness memory_witness(const VmKey& key,
                              std::span<const SegmentSummary> segments,
                              const RunStatement&) {
  using namespace chips;
  // Address -> (final value, end timestamp of its last segment); later segments override.
  std::map<uint32_t, std::pair<uint32_t, uint64_t>> last;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].index != i) throw std::logic_error("memory witness: segments out of order");
    for (const WordState& w : segments[i].final_memory)
      last[w.address] = {w.value, segments[i].end_timestamp};
  }
  const MemoryLayout& layout = *key.layout;
  std::vector<uint32_t> image_accessed, zero_accessed;
  std::vector<finalize::FinalWord> finals;
  finals.reserve(last.size());
  for (const auto& [address, state] : last) {
    const bool memory_word = address >= kReservedEnd;
    if (memory_word && layout.in_image(address)) {
      image_accessed.push_back(address);
    } else {
      zero_accessed.push_back(address);
    }
    finals.push_back(
        {address, state.first, state.second, memory_word ? layout.read_only(address) : 0u});
  }
  stark::Witness w;
  w.traces.resize(kMemoryTableCount);
  LookupCounts counts(key.memory_fixed.get());
  w.traces[kTableImageInit] = image_init::generate_trace(layout, image_accessed);
  w.traces[kTableZeroInit] = zero_init::generate_trace(zero_accessed, layout, counts);
  w.traces[kTableFinalize] = finalize::generate_trace(finals, counts);
  w.traces[kTableMemoryBytes] = bytes::generate_trace(counts);
  w.traces[kTableMemoryFixed] = fixed::generate_trace(*key.memory_fixed, counts);
  return w;
}

}  // namespace zkbatch::vm::proof
