// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/bitwise/air.hpp"
#include "vm/chips/fixed/constants.hpp"
#include "vm/chips/trace_util.hpp"

namespace zkbatch::vm::chips::bitwise {

poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts) {
  using C = Columns;
  poly::RowMajorMatrix m(C::kWidth, table_height(events.size()));
  for (size_t i = 0; i < events.size(); ++i) {
    const AluEvent& e = events[i];
    Row r = m.row(i);
    put(r, e.op == Opcode::and_ ? C::is_and : e.op == Opcode::or_ ? C::is_or : C::is_xor, 1);
    put(r, C::a, e.a);
    put(r, C::c, e.c);
    put(r, C::out, e.out);
    for (unsigned k = 0; k < kNibbles; ++k) {
      const uint32_t x = (e.a >> (kNibbleBits * k)) & 0xf, y = (e.c >> (kNibbleBits * k)) & 0xf;
      const uint32_t z = (e.out >> (kNibbleBits * k)) & 0xf;
      put(r, C::a_nibbles + k, x);
      put(r, C::c_nibbles + k, y);
      put(r, C::out_nibbles + k, z);
      counts.fixed(fixed::bitwise_tuple(e.op, x, y));
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::bitwise
