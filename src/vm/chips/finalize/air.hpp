// SPDX-License-Identifier: Apache-2.0
// Finalization (DESIGN.md §4 "Memory"): consumes the last tuple of every accessed address from
// the global memory bus, once per address (strictly increasing addresses).
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/finalize/columns.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/trace.hpp"

namespace zkbatch::vm::chips::finalize {

/// The finalization chip.
class FinalizeAir final : public stark::AirBase<FinalizeAir> {
 public:
  std::string name() const override { return "finalize"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    auto m = [&](size_t c) { return b.main(c); };
    const E one = b.constant(1);
    const E real = m(C::is_real), real_next = b.main_next(C::is_real), address = m(C::address);
    b.assert_bool(real, "is_real is boolean");
    b.assert_bool(m(C::read_only), "read_only is boolean");
    b.when_transition().assert_zero(real_next * (one - real), "addresses come first");
    b.when_transition().assert_eq(m(C::ordered), real_next, "ordered: the next row is real");
    b.when_last_row().assert_zero(m(C::ordered), "ordered: not on the last row");
    b.when_transition().assert_zero(m(C::ordered) * (b.main_next(C::address) - address - one -
                                                     limbs_value(b, C::step, kStepBytes)),
                                    "addresses strictly increase");
    range_bytes(b, C::step, kStepBytes, m(C::ordered));
    b.receive(kBusGlobalMemory, {address, m(C::value), m(C::timestamp), m(C::read_only)}, real);
  }
};

/// One row: an accessed address with its last tuple.
struct FinalWord {
  uint32_t address = 0;
  uint32_t value = 0;
  uint64_t timestamp = 0;
  uint32_t read_only = 0;
};

/// The chip's trace for these words (sorted by address).
poly::RowMajorMatrix generate_trace(const std::vector<FinalWord>& words, LookupCounts& counts);

}  // namespace zkbatch::vm::chips::finalize
