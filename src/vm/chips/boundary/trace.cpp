// SPDX-License-Identifier: Apache-2.0
#include <stdexcept>

#include "vm/chips/boundary/air.hpp"
#include "vm/chips/trace_util.hpp"
#include "vm/layout.hpp"

namespace zkbatch::vm::chips::boundary {

poly::RowMajorMatrix generate_trace(const SegmentTrace& trace,
                                    const MemoryLayout& layout,
                                    uint32_t segment_log2,
                                    LookupCounts& counts) {
  using C = Columns;
  const std::vector<WordState>& in = trace.initial_memory;
  const std::vector<WordState>& out = trace.final_memory;
  if (in.size() != out.size()) throw std::logic_error("boundary trace: memory lists differ");
  poly::RowMajorMatrix m(C::kWidth, table_height(in.size()));
  const uint64_t start_ts = trace.start_timestamp();
  for (size_t i = 0; i < in.size(); ++i) {
    if (out[i].address != in[i].address || (i > 0 && in[i].address <= in[i - 1].address)) {
      throw std::logic_error("boundary trace: addresses not sorted");
    }
    Row r = m.row(i);
    const uint64_t ts_in = producer_timestamp(in[i].timestamp, segment_log2);
    if (ts_in > start_ts) throw std::logic_error("boundary trace: tuple from a later segment");
    put(r, C::is_real, 1);
    put(r, C::address, in[i].address);
    put(r, C::read_only, in[i].address >= kReservedEnd ? layout.read_only(in[i].address) : 0);
    put(r, C::value_in, in[i].value);
    put(r, C::ts_in, ts_in);
    put(r, C::value_out, out[i].value);
    put(r, C::ts_out, out[i].timestamp > start_ts ? out[i].timestamp : start_ts);
    put_bytes(r, C::age, start_ts - ts_in, kAgeBytes, &counts);
    if (i + 1 < in.size()) {
      put(r, C::ordered, 1);
      put_bytes(r, C::step, uint64_t{in[i + 1].address} - in[i].address - 1, kStepBytes, &counts);
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::boundary
