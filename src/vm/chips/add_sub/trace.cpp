// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/add_sub/air.hpp"
#include "vm/chips/trace_util.hpp"

namespace zkbatch::vm::chips::add_sub {

poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts) {
  using C = Columns;
  poly::RowMajorMatrix m(C::kWidth, table_height(events.size()));
  for (size_t i = 0; i < events.size(); ++i) {
    const AluEvent& e = events[i];
    Row r = m.row(i);
    const bool add = e.op == Opcode::add;
    put(r, add ? C::is_add : C::is_sub, 1);
    put(r, C::a, e.a);
    put(r, C::c, e.c);
    put(r, C::out, e.out);
    const uint64_t carry = add ? (uint64_t{e.a} + e.c) >> 32 : (e.a < e.c ? 1 : 0);
    put(r, C::carry, carry);
    put_bytes(r, C::out_bytes, e.out, kResultBytes, &counts);
  }
  return m;
}

}  // namespace zkbatch::vm::chips::add_sub
