// SPDX-License-Identifier: Apache-2.0
// SLL, SRL, SRA (spec §2.4: the shift amount is the low five bits of c). c = s + 32 q with q
// range-checked, and (s, 2^s, 2^(32-s), s == 0) is a row of the fixed table. The shift is one
// product x M = lo + 2^32 hi of integers below 2^63 < p, lo a word and hi below 2^31, so the
// split is unique:
//   SLL: x = a, M = 2^s, out = lo;
//   SRL: x = a, M = 2^(32-s), out = hi (s = 0: out = a);
//   SRA: x = a or ~a (by a's sign), M = 2^(32-s), out = hi or ~hi (s = 0: out = a), since an
//        arithmetic shift of a negative word is the complement of the logical shift of its
//        complement.
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/shift/columns.hpp"

namespace zkbatch::vm::chips::shift {

/// The shift chip.
class ShiftAir final : public stark::AirBase<ShiftAir> {
 public:
  std::string name() const override { return "shift"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    auto m = [&](size_t c) { return b.main(c); };
    const E is_sll = m(C::is_sll), is_srl = m(C::is_srl), is_sra = m(C::is_sra);
    const E real = is_sll + is_srl + is_sra, right = is_srl + is_sra;
    const E a = m(C::a), out = m(C::out), zero = m(C::zero), sign = m(C::a_sign);
    const field::Fp ones = F(kTwo32 - 1);
    b.assert_bool(is_sll, "is_sll is boolean");
    b.assert_bool(is_srl, "is_srl is boolean");
    b.assert_bool(is_sra, "is_sra is boolean");
    b.assert_bool(real, "one operation per row");

    // s = c mod 32 and its powers.
    b.assert_eq(m(C::c), m(C::shamt) + limbs_value(b, C::q_limbs, kQuotientLimbs) * F(32),
                "c = s + 32 q");
    range_bytes(b, C::q_limbs, kQuotientLimbs - 1, real);
    range_small(b, m(C::q_limbs + kQuotientLimbs - 1), kQuotientTopBits, real);
    b.send(kBusFixed, {b.constant(kTagShift), m(C::shamt), m(C::pow), m(C::inv_pow), zero}, real);

    // One product.
    b.assert_zero(is_sll * (m(C::multiplier) - m(C::pow)), "SLL multiplier");
    b.assert_zero(right * (m(C::multiplier) - m(C::inv_pow)), "SRL/SRA multiplier");
    b.assert_eq(m(C::x), a + is_sra * sign * (ones - a * F(2)), "x: a or its complement");
    const E lo = limbs_value(b, C::lo_bytes, kWordBytes);
    const E hi = limbs_value(b, C::hi_bytes, kWordBytes);
    b.assert_eq(m(C::x) * m(C::multiplier), lo + hi * F(kTwo32), "x M = lo + 2^32 hi");
    range_bytes(b, C::lo_bytes, kWordBytes, real);
    range_bytes(b, C::hi_bytes, kWordBytes - 1, real);
    b.send(kBusByteMsb, {m(C::hi_bytes + kWordBytes - 1), b.constant(0)}, real);  // hi < 2^31
    b.assert_eq(m(C::hi_signed), hi + sign * (ones - hi * F(2)), "hi or its complement");

    // The result.
    b.assert_zero(is_sll * (out - lo), "SLL result");
    b.assert_zero(is_srl * (out - hi - zero * (a - hi)), "SRL result");
    b.assert_zero(is_sra * (out - m(C::hi_signed) - zero * (a - m(C::hi_signed))), "SRA result");

    // a's sign (SRA).
    b.assert_zero(is_sra * (a - limbs_value(b, C::a_bytes, kWordBytes)), "a from its bytes");
    range_bytes(b, C::a_bytes, kWordBytes - 1, is_sra);
    b.send(kBusByteMsb, {m(C::a_bytes + kWordBytes - 1), sign}, is_sra);

    b.receive(kBusAlu,
              {is_sll * F(Opcode::sll) + is_srl * F(Opcode::srl) + is_sra * F(Opcode::sra), a,
               m(C::c), out},
              real);
  }
};

/// The chip's trace for these requests (SLL, SRL, SRA only).
poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts);

}  // namespace zkbatch::vm::chips::shift
