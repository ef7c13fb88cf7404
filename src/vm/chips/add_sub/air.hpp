// SPDX-License-Identifier: Apache-2.0
// ADD and SUB (RISC-V unprivileged spec §2.4): a + c = out + carry 2^32 and a - c + carry 2^32 =
// out with out range-checked as bytes and carry boolean. The operands are 32-bit words (register
// values, immediates, the pc), so out and carry are unique. ADDI, LUI, AUIPC and the jump targets
// of JAL and JALR are ADD requests (program table).
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/add_sub/columns.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/lookups.hpp"

namespace zkbatch::vm::chips::add_sub {

/// The add/sub chip.
class AddSubAir final : public stark::AirBase<AddSubAir> {
 public:
  std::string name() const override { return "add_sub"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    const E is_add = b.main(C::is_add), is_sub = b.main(C::is_sub);
    const E real = is_add + is_sub;
    const E a = b.main(C::a), c = b.main(C::c), out = b.main(C::out), carry = b.main(C::carry);
    b.assert_bool(is_add, "is_add is boolean");
    b.assert_bool(is_sub, "is_sub is boolean");
    b.assert_bool(real, "one operation per row");
    b.assert_bool(carry, "carry is boolean");
    b.assert_zero(is_add * (a + c - out - carry * F(kTwo32)), "a + c = out + carry 2^32");
    b.assert_zero(is_sub * (a - c + carry * F(kTwo32) - out), "a - c + carry 2^32 = out");
    b.assert_eq(out, limbs_value(b, C::out_bytes, kResultBytes), "out from its bytes");
    range_bytes(b, C::out_bytes, kResultBytes, real);
    b.receive(kBusAlu, {is_add * F(Opcode::add) + is_sub * F(Opcode::sub), a, c, out}, real);
  }
};

/// The chip's trace for these requests (ADD and SUB only).
poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts);

}  // namespace zkbatch::vm::chips::add_sub
