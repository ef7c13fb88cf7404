// SPDX-License-Identifier: Apache-2.0
// SLT and SLTU (spec §2.4; also BLT/BGE/BLTU/BGEU and the divider's remainder bound): with
// a' = a, c' = c (unsigned) or a' = a + 2^31 - sign(a) 2^32, c' likewise (signed: flipping bit 31
// maps the signed order to the unsigned one), a' - c' + out 2^32 is range-checked as four bytes,
// which holds for exactly one boolean out: out = [a' < c']. The signs come from the operands'
// top bytes looked up with their bit 7.
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/compare/columns.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/lookups.hpp"

namespace zkbatch::vm::chips::compare {

/// The compare chip.
class CompareAir final : public stark::AirBase<CompareAir> {
 public:
  std::string name() const override { return "compare"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    const E is_slt = b.main(C::is_slt), is_sltu = b.main(C::is_sltu);
    const E real = is_slt + is_sltu;
    const E a = b.main(C::a), c = b.main(C::c), out = b.main(C::out);
    b.assert_bool(is_slt, "is_slt is boolean");
    b.assert_bool(is_sltu, "is_sltu is boolean");
    b.assert_bool(real, "one operation per row");
    b.assert_bool(out, "out is boolean");
    const E a_flipped = a + is_slt * (F(uint64_t{1} << 31) - b.main(C::a_sign) * F(kTwo32));
    const E c_flipped = c + is_slt * (F(uint64_t{1} << 31) - b.main(C::c_sign) * F(kTwo32));
    b.assert_eq(a_flipped - c_flipped + out * F(kTwo32), limbs_value(b, C::diff_bytes, kWordBytes),
                "a' - c' + out 2^32 is a word");
    range_bytes(b, C::diff_bytes, kWordBytes, real);
    sign(b, a, C::a_bytes, C::a_sign, is_slt);
    sign(b, c, C::c_bytes, C::c_sign, is_slt);
    b.receive(kBusAlu, {is_slt * F(Opcode::slt) + is_sltu * F(Opcode::sltu), a, c, out}, real);
  }

 private:
  /// x = its bytes, the top byte looked up with its bit 7 (the sign).
  template <class B>
  static void sign(B& b,
                   const typename B::Expr& x,
                   size_t bytes,
                   size_t sign_col,
                   const typename B::Expr& active) {
    b.assert_zero(active * (x - limbs_value(b, bytes, kWordBytes)), "operand from its bytes");
    range_bytes(b, bytes, kWordBytes - 1, active);
    b.send(kBusByteMsb, {b.main(bytes + kWordBytes - 1), b.main(sign_col)}, active);
  }
};

/// The chip's trace for these requests (SLT and SLTU only).
poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts);

}  // namespace zkbatch::vm::chips::compare
