// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/mul/air.hpp"
#include "vm/chips/trace_util.hpp"

namespace zkbatch::vm::chips::mul {

poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts) {
  using C = Columns;
  poly::RowMajorMatrix m(C::kWidth, table_height(events.size()));
  for (size_t i = 0; i < events.size(); ++i) {
    const AluEvent& e = events[i];
    Row r = m.row(i);
    put(r,
        e.op == Opcode::mul      ? C::is_mul
        : e.op == Opcode::mulh   ? C::is_mulh
        : e.op == Opcode::mulhsu ? C::is_mulhsu
                                 : C::is_mulhu,
        1);
    put(r, C::a, e.a);
    put(r, C::c, e.c);
    put(r, C::out, e.out);
    put_bytes(r, C::a_bytes, e.a, kWordBytes, nullptr);
    put_bytes(r, C::c_bytes, e.c, kWordBytes, nullptr);
    counts.bytes_of(e.a, kWordBytes - 1);
    counts.bytes_of(e.c, kWordBytes - 1);
    counts.byte_msb(e.a >> 24);
    counts.byte_msb(e.c >> 24);
    const uint64_t a_sign = e.a >> 31, c_sign = e.c >> 31;
    put(r, C::a_sign, a_sign);
    put(r, C::c_sign, c_sign);
    const uint64_t a0 = e.a & 0xffff, a1 = e.a >> 16, c0 = e.c & 0xffff, c1 = e.c >> 16;
    const uint64_t low = a0 * c0 + ((a0 * c1 + a1 * c0) << 16);  // < 2^50
    const uint64_t lo = low & 0xffffffffu, k = low >> 32;
    put_bytes(r, C::lo_bytes, lo, kWordBytes, &counts);
    put(r, C::carry_limbs, k & 0xff);
    put(r, C::carry_limbs + 1, (k >> 8) & 0xff);
    put(r, C::carry_limbs + 2, k >> 16);
    counts.byte(k & 0xff);
    counts.byte((k >> 8) & 0xff);
    counts.small(k >> 16, kCarryTopBits);
    if (e.op == Opcode::mulh || e.op == Opcode::mulhsu) {
      const uint64_t hi = a1 * c1 + k;
      const int64_t fix = static_cast<int64_t>(a_sign * e.c) +
                          (e.op == Opcode::mulh ? static_cast<int64_t>(c_sign * e.a) : 0);
      const int64_t value = static_cast<int64_t>(hi) - fix;  // in (-2^33, 2^32)
      int64_t t = 0;
      while (value + t * static_cast<int64_t>(kTwo32) < 0)
        ++t;
      put(r, C::wrap, static_cast<uint64_t>(t));
      put_bytes(r, C::out_bytes, e.out, kWordBytes, &counts);
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::mul
