// SPDX-License-Identifier: Apache-2.0
#include <algorithm>

#include "vm/chips/image_init/air.hpp"
#include "vm/chips/lookups.hpp"

namespace zkbatch::vm::chips::image_init {

poly::RowMajorMatrix ImageInitAir::preprocessed_trace() const {
  using P = PreprocessedColumns;
  const std::vector<ImageWord>& image = layout_->image();
  poly::RowMajorMatrix m(P::kWidth, table_height(image.size()));
  for (size_t r = 0; r < image.size(); ++r) {
    m.at(r, P::address) = F(image[r].address);
    m.at(r, P::value) = F(image[r].value);
    m.at(r, P::read_only) = F(image[r].read_only);
  }
  return m;
}

poly::RowMajorMatrix generate_trace(const MemoryLayout& layout,
                                    const std::vector<uint32_t>& accessed) {
  const std::vector<ImageWord>& image = layout.image();
  poly::RowMajorMatrix m(Columns::kWidth, table_height(image.size()));
  for (size_t r = 0; r < image.size(); ++r) {
    if (std::binary_search(accessed.begin(), accessed.end(), image[r].address)) {
      m.at(r, Columns::used) = F(1);
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::image_init
