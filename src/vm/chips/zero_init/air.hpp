// SPDX-License-Identifier: Apache-2.0
// Zero initialization (DESIGN.md §4 soundness checklist): every address outside the ELF image
// starts at 0. Each row sends (address, 0, 0, 0) on the global memory bus, once per address
// (strictly increasing addresses), and proves the address lies in a gap of the image, a
// (kTagGap, lo, hi) row of the fixed table: lo <= address < hi. So an image word can only be
// initialized by the image table.
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/memory_layout.hpp"
#include "vm/chips/zero_init/columns.hpp"

namespace zkbatch::vm::chips::zero_init {

/// The zero initialization chip.
class ZeroInitAir final : public stark::AirBase<ZeroInitAir> {
 public:
  std::string name() const override { return "zero_init"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    auto m = [&](size_t c) { return b.main(c); };
    const E one = b.constant(1), zero = b.constant(0);
    const E real = m(C::is_real), real_next = b.main_next(C::is_real), address = m(C::address);
    b.assert_bool(real, "is_real is boolean");
    b.when_transition().assert_zero(real_next * (one - real), "addresses come first");
    b.when_transition().assert_eq(m(C::ordered), real_next, "ordered: the next row is real");
    b.when_last_row().assert_zero(m(C::ordered), "ordered: not on the last row");
    b.when_transition().assert_zero(m(C::ordered) * (b.main_next(C::address) - address - one -
                                                     limbs_value(b, C::step, kWordBytes)),
                                    "addresses strictly increase");
    range_bytes(b, C::step, kWordBytes, m(C::ordered));

    b.send(kBusFixed, {b.constant(kTagGap), m(C::gap_lo), m(C::gap_hi), zero, zero}, real);
    b.assert_zero(real * (address - m(C::gap_lo) - limbs_value(b, C::above, kWordBytes)),
                  "address >= gap start");
    b.assert_zero(real * (m(C::gap_hi) - address - one - limbs_value(b, C::below, kWordBytes)),
                  "address < gap end");
    range_bytes(b, C::above, kWordBytes, real);
    range_bytes(b, C::below, kWordBytes, real);

    b.send(kBusGlobalMemory, {address, zero, zero, zero}, real);
  }
};

/// The chip's trace for these addresses (sorted, none in the image).
poly::RowMajorMatrix generate_trace(const std::vector<uint32_t>& addresses,
                                    const MemoryLayout& layout,
                                    LookupCounts& counts);

}  // namespace zkbatch::vm::chips::zero_init
