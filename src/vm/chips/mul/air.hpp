// SPDX-License-Identifier: Apache-2.0
// The multiply family (spec §7.1). With 16-bit halves a = A0 + 2^16 A1, c = C0 + 2^16 C1 of the
// range-checked operands, the 64-bit product is
//     A0 C0 + 2^16 (A0 C1 + A1 C0) = lo + 2^32 k     (both sides below 2^57 < p)
//     hi_u = A1 C1 + k                               (the unsigned high word)
// with lo a word and k < 2^18. MUL gives lo, MULHU hi_u. The signed high words follow from
// a_s = a - sign(a) 2^32: MULH = hi_u - sign(a) c - sign(c) a mod 2^32 and MULHSU =
// hi_u - sign(a) c mod 2^32, reduced by a multiple t in {0, 1, 2} of 2^32 into a range-checked
// word.
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/mul/columns.hpp"

namespace zkbatch::vm::chips::mul {

/// The multiply chip.
class MulAir final : public stark::AirBase<MulAir> {
 public:
  std::string name() const override { return "mul"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    auto m = [&](size_t c) { return b.main(c); };
    const E is_mul = m(C::is_mul), is_mulh = m(C::is_mulh), is_mulhsu = m(C::is_mulhsu),
            is_mulhu = m(C::is_mulhu);
    const E real = is_mul + is_mulh + is_mulhsu + is_mulhu;
    const E signed_out = is_mulh + is_mulhsu;
    const E a = m(C::a), c = m(C::c), out = m(C::out);
    const E a_sign = m(C::a_sign), c_sign = m(C::c_sign), t = m(C::wrap);
    b.assert_bool(is_mul, "is_mul is boolean");
    b.assert_bool(is_mulh, "is_mulh is boolean");
    b.assert_bool(is_mulhsu, "is_mulhsu is boolean");
    b.assert_bool(is_mulhu, "is_mulhu is boolean");
    b.assert_bool(real, "one operation per row");

    // Operands as bytes, with their signs.
    word_with_sign(b, a, C::a_bytes, C::a_sign, real);
    word_with_sign(b, c, C::c_bytes, C::c_sign, real);
    const E a0 = m(C::a_bytes) + m(C::a_bytes + 1) * F(kTwo8);
    const E a1 = m(C::a_bytes + 2) + m(C::a_bytes + 3) * F(kTwo8);
    const E c0 = m(C::c_bytes) + m(C::c_bytes + 1) * F(kTwo8);
    const E c1 = m(C::c_bytes + 2) + m(C::c_bytes + 3) * F(kTwo8);

    // The product.
    const E lo = limbs_value(b, C::lo_bytes, kWordBytes);
    const E k = limbs_value(b, C::carry_limbs, kCarryLimbs);
    b.assert_eq(a0 * c0 + (a0 * c1 + a1 * c0) * F(kTwo16), lo + k * F(kTwo32),
                "low word and carry");
    range_bytes(b, C::lo_bytes, kWordBytes, real);
    range_bytes(b, C::carry_limbs, kCarryLimbs - 1, real);
    range_small(b, m(C::carry_limbs + kCarryLimbs - 1), kCarryTopBits, real);
    const E hi = a1 * c1 + k;

    // The result.
    b.assert_zero(t * (t - F(1)) * (t - F(2)), "t in {0, 1, 2}");
    b.assert_zero(is_mul * (out - lo), "MUL result");
    b.assert_zero(is_mulhu * (out - hi), "MULHU result");
    b.assert_zero(is_mulh * (out - hi + a_sign * c + c_sign * a - t * F(kTwo32)), "MULH result");
    b.assert_zero(is_mulhsu * (out - hi + a_sign * c - t * F(kTwo32)), "MULHSU result");
    b.assert_zero(signed_out * (out - limbs_value(b, C::out_bytes, kWordBytes)),
                  "signed result from its bytes");
    range_bytes(b, C::out_bytes, kWordBytes, signed_out);

    b.receive(kBusAlu,
              {is_mul * F(Opcode::mul) + is_mulh * F(Opcode::mulh) + is_mulhsu * F(Opcode::mulhsu) +
                   is_mulhu * F(Opcode::mulhu),
               a, c, out},
              real);
  }

 private:
  /// x = its bytes; the top byte is looked up with its bit 7.
  template <class B>
  static void word_with_sign(B& b,
                             const typename B::Expr& x,
                             size_t bytes,
                             size_t sign,
                             const typename B::Expr& active) {
    b.assert_eq(x, limbs_value(b, bytes, kWordBytes), "operand from its bytes");
    range_bytes(b, bytes, kWordBytes - 1, active);
    b.send(kBusByteMsb, {b.main(bytes + kWordBytes - 1), b.main(sign)}, active);
  }
};

/// The chip's trace for these requests (MUL, MULH, MULHSU, MULHU only).
poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts);

}  // namespace zkbatch::vm::chips::mul
