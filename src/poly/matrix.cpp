// SPDX-License-Identifier: Apache-2.0
#include "poly/matrix.hpp"

#include <stdexcept>
#include <utility>

namespace zkbatch::poly {

using field::Fp;

RowMajorMatrix::RowMajorMatrix(size_t width, size_t height)
    : width_(width), height_(height), values_(width * height) {}

RowMajorMatrix::RowMajorMatrix(size_t width, std::vector<Fp> values)
    : width_(width), values_(std::move(values)) {
  if (width == 0) {
    if (!values_.empty()) throw std::invalid_argument("RowMajorMatrix: values with width 0");
    return;
  }
  if (values_.size() % width != 0) {
    throw std::invalid_argument("RowMajorMatrix: value count is not a multiple of the width");
  }
  height_ = values_.size() / width;
}

RowMajorMatrix RowMajorMatrix::from_columns(const std::vector<std::vector<Fp>>& columns) {
  const size_t width = columns.size();
  const size_t height = width == 0 ? 0 : columns[0].size();
  RowMajorMatrix m(width, height);
  for (size_t c = 0; c < width; ++c) {
    if (columns[c].size() != height) {
      throw std::invalid_argument("RowMajorMatrix::from_columns: columns of different lengths");
    }
    for (size_t r = 0; r < height; ++r)
      m.at(r, c) = columns[c][r];
  }
  return m;
}

std::vector<Fp> RowMajorMatrix::column(size_t c) const {
  std::vector<Fp> out(height_);
  for (size_t r = 0; r < height_; ++r)
    out[r] = at(r, c);
  return out;
}

RowMajorMatrix RowMajorMatrix::transpose() const {
  RowMajorMatrix t(height_, width_);
  // Tiles keep both the reads and the writes within a few cache lines.
  constexpr size_t kTile = 32;
#pragma omp parallel for schedule(static) if (width_ * height_ >= (size_t{1} << 16))
  for (size_t r0 = 0; r0 < height_; r0 += kTile) {
    for (size_t c0 = 0; c0 < width_; c0 += kTile) {
      for (size_t r = r0; r < r0 + kTile && r < height_; ++r) {
        for (size_t c = c0; c < c0 + kTile && c < width_; ++c)
          t.at(c, r) = at(r, c);
      }
    }
  }
  return t;
}

std::vector<Fp> RowMajorMatrix::release_values() {
  width_ = 0;
  height_ = 0;
  return std::exchange(values_, {});
}

}  // namespace zkbatch::poly
