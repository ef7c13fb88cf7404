// SPDX-License-Identifier: Apache-2.0
// AND, OR, XOR (and their immediate forms, spec §2.4): the words are split into nibbles and each
// (op, a_i, c_i, out_i) is a row of the fixed table, which holds exactly the 16 x 16 correct
// triples per operation. The lookup also range-checks the nibbles, so the splits are unique.
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/bitwise/columns.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/lookups.hpp"

namespace zkbatch::vm::chips::bitwise {

/// The bitwise chip.
class BitwiseAir final : public stark::AirBase<BitwiseAir> {
 public:
  std::string name() const override { return "bitwise"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    const E is_and = b.main(C::is_and), is_or = b.main(C::is_or), is_xor = b.main(C::is_xor);
    const E real = is_and + is_or + is_xor;
    b.assert_bool(is_and, "is_and is boolean");
    b.assert_bool(is_or, "is_or is boolean");
    b.assert_bool(is_xor, "is_xor is boolean");
    b.assert_bool(real, "one operation per row");
    const E op = is_and * F(Opcode::and_) + is_or * F(Opcode::or_) + is_xor * F(Opcode::xor_);
    b.assert_eq(b.main(C::a), limbs_value(b, C::a_nibbles, kNibbles, kNibbleBits), "a nibbles");
    b.assert_eq(b.main(C::c), limbs_value(b, C::c_nibbles, kNibbles, kNibbleBits), "c nibbles");
    b.assert_eq(b.main(C::out), limbs_value(b, C::out_nibbles, kNibbles, kNibbleBits),
                "out nibbles");
    for (unsigned i = 0; i < kNibbles; ++i) {
      b.send(kBusFixed,
             {op, b.main(C::a_nibbles + i), b.main(C::c_nibbles + i), b.main(C::out_nibbles + i),
              b.constant(0)},
             real);
    }
    b.receive(kBusAlu, {op, b.main(C::a), b.main(C::c), b.main(C::out)}, real);
  }
};

/// The chip's trace for these requests (AND, OR, XOR only).
poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts);

}  // namespace zkbatch::vm::chips::bitwise
