// SPDX-License-Identifier: Apache-2.0
// The memory a segment touches, at its boundaries (docs/zkvm.md, "Memory across segments"). For
// each address, once (strictly increasing addresses, so no address twice):
//   * receives (address, value_in, ts_in, ro) from the global memory bus, with ts_in <= the
//     segment's start timestamp: a tuple produced by initialization or by an earlier segment;
//   * sends (address, value_in, start_ts, ro) on the local memory bus: the segment's first access
//     to the address consumes it (every access is later than start_ts);
//   * receives (address, value_out, ts_out, ro) from the local bus: what the last access left;
//   * sends (address, value_out, end_ts, ro) on the global bus, for a later segment or the
//     finalization, re-stamped at the segment's end so that producers are ordered by segment.
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/boundary/columns.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/memory_layout.hpp"
#include "vm/chips/segment_values.hpp"
#include "vm/trace.hpp"

namespace zkbatch::vm::chips::boundary {

/// The segment boundary chip.
class BoundaryAir final : public stark::AirBase<BoundaryAir> {
 public:
  std::string name() const override { return "boundary"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    auto m = [&](size_t c) { return b.main(c); };
    const E one = b.constant(1);
    const E real = m(C::is_real), real_next = b.main_next(C::is_real);
    const E address = m(C::address), ro = m(C::read_only);
    const E start_ts = b.public_value(kPvStartTimestamp), end_ts = b.public_value(kPvEndTimestamp);

    b.assert_bool(real, "is_real is boolean");
    b.when_transition().assert_zero(real_next * (one - real), "addresses come first");
    b.assert_bool(ro, "read_only is boolean");

    // Strictly increasing addresses.
    b.when_transition().assert_eq(m(C::ordered), real_next, "ordered: the next row is real");
    b.when_last_row().assert_zero(m(C::ordered), "ordered: not on the last row");
    b.when_transition().assert_zero(m(C::ordered) * (b.main_next(C::address) - address - one -
                                                     limbs_value(b, C::step, kStepBytes)),
                                    "addresses strictly increase");
    range_bytes(b, C::step, kStepBytes, m(C::ordered));

    // The tuple received was produced before the segment.
    b.assert_zero(real * (start_ts - m(C::ts_in) - limbs_value(b, C::age, kAgeBytes)),
                  "received tuple is older than the segment");
    range_bytes(b, C::age, kAgeBytes, real);

    b.receive(kBusGlobalMemory, {address, m(C::value_in), m(C::ts_in), ro}, real);
    b.send(kBusMemory, {address, m(C::value_in), start_ts, ro}, real);
    b.receive(kBusMemory, {address, m(C::value_out), m(C::ts_out), ro}, real);
    b.send(kBusGlobalMemory, {address, m(C::value_out), end_ts, ro}, real);
  }
};

/// The chip's trace from a segment's initial and final memory (SegmentTrace, same addresses in
/// the same order); `segment_log2` finds the producer of each received tuple.
poly::RowMajorMatrix generate_trace(const SegmentTrace& trace,
                                    const MemoryLayout& layout,
                                    uint32_t segment_log2,
                                    LookupCounts& counts);

}  // namespace zkbatch::vm::chips::boundary
