// SPDX-License-Identifier: Apache-2.0
// DIV, DIVU, REM, REMU (spec §7.2). Outside the two special cases the chip proves
//     q c + r = a   as 64-bit two's complement (a and r sign-extended for DIV/REM),
//     |r| < |c|     (an SLTU request),      sign(r) = sign(a) or r = 0 (DIV/REM),
// which determine the truncated quotient and remainder uniquely. q c is requested from the
// multiply chip as its low word (MUL) and high word (MULH signed, MULHU unsigned); the multiply
// chip also range-checks q. Division by zero (c = 0, found with an inverse) gives q = all ones,
// r = a; the signed overflow -2^31 / -1, which has no solution above, gives q = -2^31, r = 0.
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/divrem/columns.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/lookups.hpp"

namespace zkbatch::vm::chips::divrem {

/// The divide/remainder chip.
class DivRemAir final : public stark::AirBase<DivRemAir> {
 public:
  std::string name() const override { return "divrem"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    auto m = [&](size_t c) { return b.main(c); };
    const E is_div = m(C::is_div), is_divu = m(C::is_divu), is_rem = m(C::is_rem),
            is_remu = m(C::is_remu);
    const E real = is_div + is_divu + is_rem + is_remu;
    const E is_signed = is_div + is_rem, is_unsigned = is_divu + is_remu;
    const E a = m(C::a), c = m(C::c), q = m(C::q), r = m(C::r);
    const E c_zero = m(C::c_zero), overflow = m(C::overflow);
    const field::Fp ones = F(kTwo32 - 1), two32 = F(kTwo32);
    b.assert_bool(is_div, "is_div is boolean");
    b.assert_bool(is_divu, "is_divu is boolean");
    b.assert_bool(is_rem, "is_rem is boolean");
    b.assert_bool(is_remu, "is_remu is boolean");
    b.assert_bool(real, "one operation per row");

    // Signs: a and c for the signed operations, r always (it also range-checks r).
    word_with_sign(b, a, C::a_bytes, C::a_sign, is_signed);
    word_with_sign(b, c, C::c_bytes, C::c_sign, is_signed);
    word_with_sign(b, r, C::r_bytes, C::r_sign, real);
    const E a_sign = is_signed * m(C::a_sign), c_sign = is_signed * m(C::c_sign),
            r_sign = is_signed * m(C::r_sign);

    // The special cases.
    b.assert_bool(c_zero, "c_zero is boolean");
    b.assert_zero(c * c_zero, "c_zero: c == 0");
    b.assert_eq(c * m(C::c_inv), real - c_zero, "c_zero: c != 0");
    b.assert_zero(c_zero * (q - ones), "x / 0 = all ones");
    b.assert_zero(c_zero * (r - a), "x % 0 = x");
    b.assert_bool(overflow, "overflow is boolean");
    b.assert_zero(overflow * (b.constant(1) - is_signed), "overflow only for DIV, REM");
    b.assert_zero(overflow * (a - F(kMinSigned)), "overflow: a = -2^31");
    b.assert_zero(overflow * (c - ones), "overflow: c = -1");
    b.assert_zero(overflow * (q - F(kMinSigned)), "overflow: q = -2^31");
    b.assert_zero(overflow * r, "overflow: r = 0");

    // The general case: q c + r = a (mod 2^64), |r| < |c|, sign(r) in {0, sign(a)}.
    const E active = real - c_zero - overflow;
    b.assert_bool(m(C::carry), "carry is boolean");
    b.assert_bool(m(C::hi_carry), "hi_carry is boolean");
    b.assert_zero(active * (m(C::lo) + r - a - m(C::carry) * two32), "low word of q c + r");
    b.assert_zero(
        active * (m(C::hi) + r_sign * ones + m(C::carry) - a_sign * ones - m(C::hi_carry) * two32),
        "high word of q c + r");
    b.assert_zero(is_signed * (m(C::r_sign) - m(C::a_sign)) * r, "r has the sign of a");
    b.assert_eq(m(C::abs_r), r + r_sign * (two32 - r * F(2)), "|r|");
    b.assert_eq(m(C::abs_c), c + c_sign * (two32 - c * F(2)), "|c|");
    b.send(kBusAlu, {b.constant(static_cast<uint64_t>(Opcode::mul)), q, c, m(C::lo)}, active);
    b.send(kBusAlu, {is_signed * F(Opcode::mulh) + is_unsigned * F(Opcode::mulhu), q, c, m(C::hi)},
           active);
    b.send(
        kBusAlu,
        {b.constant(static_cast<uint64_t>(Opcode::sltu)), m(C::abs_r), m(C::abs_c), b.constant(1)},
        active);

    b.assert_zero((is_div + is_divu) * (m(C::out) - q) + (is_rem + is_remu) * (m(C::out) - r),
                  "result");
    b.receive(kBusAlu,
              {is_div * F(Opcode::div) + is_divu * F(Opcode::divu) + is_rem * F(Opcode::rem) +
                   is_remu * F(Opcode::remu),
               a, c, m(C::out)},
              real);
  }

 private:
  /// x = its bytes when active; the top byte is looked up with its bit 7.
  template <class B>
  static void word_with_sign(B& b,
                             const typename B::Expr& x,
                             size_t bytes,
                             size_t sign,
                             const typename B::Expr& active) {
    b.assert_zero(active * (x - limbs_value(b, bytes, kWordBytes)), "word from its bytes");
    range_bytes(b, bytes, kWordBytes - 1, active);
    b.send(kBusByteMsb, {b.main(bytes + kWordBytes - 1), b.main(sign)}, active);
  }
};

/// The chip's trace for these requests (DIV, DIVU, REM, REMU only). Files the multiplications and
/// comparisons the rows request in `events` (mul and compare), for those chips' traces.
poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& requests,
                                    SegmentEvents& events,
                                    LookupCounts& counts);

}  // namespace zkbatch::vm::chips::divrem
