// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <stdexcept>

#include "vm/chips/fixed/constants.hpp"
#include "vm/chips/trace_util.hpp"
#include "vm/chips/zero_init/air.hpp"

namespace zkbatch::vm::chips::zero_init {

poly::RowMajorMatrix generate_trace(const std::vector<uint32_t>& addresses,
                                    const MemoryLayout& layout,
                                    LookupCounts& counts) {
  using C = Columns;
  poly::RowMajorMatrix m(C::kWidth, table_height(addresses.size()));
  const std::vector<Range>& gaps = layout.gaps();
  for (size_t i = 0; i < addresses.size(); ++i) {
    const uint64_t address = addresses[i];
    auto gap = std::upper_bound(gaps.begin(), gaps.end(), address,
                                [](uint64_t a, const Range& g) { return a < g.second; });
    if (gap == gaps.end() || address < gap->first) {
      throw std::logic_error("zero init trace: address in the image");
    }
    Row r = m.row(i);
    put(r, C::is_real, 1);
    put(r, C::address, address);
    put(r, C::gap_lo, gap->first);
    put(r, C::gap_hi, gap->second);
    counts.fixed(fixed::range_tuple(kTagGap, gap->first, gap->second));
    put_bytes(r, C::above, address - gap->first, kWordBytes, &counts);
    put_bytes(r, C::below, gap->second - address - 1, kWordBytes, &counts);
    if (i + 1 < addresses.size()) {
      if (addresses[i + 1] <= address) throw std::logic_error("zero init trace: not sorted");
      put(r, C::ordered, 1);
      put_bytes(r, C::step, addresses[i + 1] - address - 1, kWordBytes, &counts);
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::zero_init
