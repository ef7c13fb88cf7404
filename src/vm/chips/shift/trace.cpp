// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/fixed/constants.hpp"
#include "vm/chips/shift/air.hpp"
#include "vm/chips/trace_util.hpp"

namespace zkbatch::vm::chips::shift {

poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts) {
  using C = Columns;
  poly::RowMajorMatrix m(C::kWidth, table_height(events.size()));
  for (size_t i = 0; i < events.size(); ++i) {
    const AluEvent& e = events[i];
    Row r = m.row(i);
    put(r, e.op == Opcode::sll ? C::is_sll : e.op == Opcode::srl ? C::is_srl : C::is_sra, 1);
    put(r, C::a, e.a);
    put(r, C::c, e.c);
    put(r, C::out, e.out);
    const uint32_t s = e.c & 31, q = e.c >> 5;
    put(r, C::shamt, s);
    for (unsigned k = 0; k < kQuotientLimbs; ++k)
      put(r, C::q_limbs + k, (q >> (8 * k)) & 0xff);
    counts.bytes_of(q, kQuotientLimbs - 1);
    counts.small(q >> 24, kQuotientTopBits);
    const FixedTuple row = fixed::shift_tuple(s);
    counts.fixed(row);
    put(r, C::pow, row[2]);
    put(r, C::inv_pow, row[3]);
    put(r, C::zero, row[4]);
    const uint64_t multiplier = e.op == Opcode::sll ? row[2] : row[3];
    const uint32_t sign = e.op == Opcode::sra ? e.a >> 31 : 0;
    const uint64_t x = sign ? uint64_t{~e.a} : uint64_t{e.a};
    const uint64_t product = x * multiplier;  // < 2^63
    const uint64_t hi = product >> 32;
    put(r, C::multiplier, multiplier);
    put(r, C::x, x);
    put_bytes(r, C::lo_bytes, product & 0xffffffffu, kWordBytes, &counts);
    put_bytes(r, C::hi_bytes, hi & 0xffffff, kWordBytes - 1, &counts);
    put(r, C::hi_bytes + kWordBytes - 1, hi >> 24);
    counts.byte_msb(hi >> 24);
    put(r, C::hi_signed, sign ? (~hi & 0xffffffffu) : hi);
    put(r, C::a_sign, sign);
    if (e.op == Opcode::sra) {
      put_bytes(r, C::a_bytes, e.a, kWordBytes, nullptr);
      counts.bytes_of(e.a, kWordBytes - 1);
      counts.byte_msb(e.a >> 24);
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::shift
