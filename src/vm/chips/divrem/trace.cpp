// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/divrem/air.hpp"
#include "vm/chips/trace_util.hpp"
#include "vm/semantics.hpp"

namespace zkbatch::vm::chips::divrem {

poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& requests,
                                    SegmentEvents& events,
                                    LookupCounts& counts) {
  using C = Columns;
  poly::RowMajorMatrix m(C::kWidth, table_height(requests.size()));
  for (size_t i = 0; i < requests.size(); ++i) {
    const AluEvent& e = requests[i];
    Row r = m.row(i);
    const bool is_signed = e.op == Opcode::div || e.op == Opcode::rem;
    put(r,
        e.op == Opcode::div    ? C::is_div
        : e.op == Opcode::divu ? C::is_divu
        : e.op == Opcode::rem  ? C::is_rem
                               : C::is_remu,
        1);
    const uint32_t q = alu(is_signed ? Opcode::div : Opcode::divu, e.a, e.c);
    const uint32_t rem = alu(is_signed ? Opcode::rem : Opcode::remu, e.a, e.c);
    put(r, C::a, e.a);
    put(r, C::c, e.c);
    put(r, C::out, e.out);
    put(r, C::q, q);
    put(r, C::r, rem);
    put_bytes(r, C::r_bytes, rem, kWordBytes, nullptr);
    put(r, C::r_sign, rem >> 31);
    counts.bytes_of(rem, kWordBytes - 1);
    counts.byte_msb(rem >> 24);
    if (is_signed) {
      put_bytes(r, C::a_bytes, e.a, kWordBytes, nullptr);
      put_bytes(r, C::c_bytes, e.c, kWordBytes, nullptr);
      put(r, C::a_sign, e.a >> 31);
      put(r, C::c_sign, e.c >> 31);
      counts.bytes_of(e.a, kWordBytes - 1);
      counts.bytes_of(e.c, kWordBytes - 1);
      counts.byte_msb(e.a >> 24);
      counts.byte_msb(e.c >> 24);
    }
    const bool c_zero = e.c == 0;
    const bool overflow = is_signed && e.a == kMinSigned && e.c == kAllOnes;
    put(r, C::c_zero, c_zero ? 1 : 0);
    if (!c_zero) r[C::c_inv] = field::Fp(e.c).inverse();
    put(r, C::overflow, overflow ? 1 : 0);
    const uint32_t r_sign = is_signed ? rem >> 31 : 0, c_sign = is_signed ? e.c >> 31 : 0;
    const uint32_t abs_r = r_sign ? 0u - rem : rem;
    const uint64_t abs_c = c_sign ? kTwo32 - e.c : e.c;
    put(r, C::abs_r, abs_r);
    put(r, C::abs_c, abs_c);
    if (c_zero || overflow) continue;
    const Opcode hi_op = is_signed ? Opcode::mulh : Opcode::mulhu;
    const uint32_t lo = alu(Opcode::mul, q, e.c), hi = alu(hi_op, q, e.c);
    put(r, C::lo, lo);
    put(r, C::hi, hi);
    const uint64_t low_sum = uint64_t{lo} + rem;
    const uint64_t carry = low_sum >> 32;
    put(r, C::carry, carry);
    const uint64_t r_ext = r_sign ? 0xffffffffu : 0,
                   a_ext = is_signed && (e.a >> 31) ? 0xffffffffu : 0;
    put(r, C::hi_carry, (uint64_t{hi} + r_ext + carry - a_ext) >> 32);
    events.alu(Opcode::mul, q, e.c, lo);
    events.alu(hi_op, q, e.c, hi);
    events.alu(Opcode::sltu, abs_r, static_cast<uint32_t>(abs_c), 1);
  }
  return m;
}

}  // namespace zkbatch::vm::chips::divrem
