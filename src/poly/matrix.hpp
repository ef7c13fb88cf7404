// SPDX-License-Identifier: Apache-2.0
// Row-major matrices of field elements: traces, their LDEs, and everything the prover commits.
#pragma once

#include <stddef.h>

#include <span>
#include <vector>

#include "field/goldilocks.hpp"
#include "kernels/backend.hpp"

namespace zkbatch::poly {

/// Row order of a matrix over a power-of-two domain (see kernels::RowOrder).
using kernels::RowOrder;

/// A height x width matrix of Goldilocks elements stored row by row: element (r, c) is
/// values()[r * width + c]. Rows are contiguous because a Merkle leaf is one row and an AIR
/// constraint reads one row (and the next); the NTTs transform every column at once.
class RowMajorMatrix {
 public:
  /// The empty 0 x 0 matrix.
  RowMajorMatrix() = default;
  /// A height x width matrix of zeros.
  RowMajorMatrix(size_t width, size_t height);
  /// Takes `values` as rows of `width` elements. Throws std::invalid_argument unless
  /// values.size() is a multiple of width (width 0 requires no values).
  RowMajorMatrix(size_t width, std::vector<field::Fp> values);

  /// The matrix whose column c is columns[c]; all columns must have one length (throws
  /// std::invalid_argument otherwise).
  static RowMajorMatrix from_columns(const std::vector<std::vector<field::Fp>>& columns);

  /// Number of columns.
  size_t width() const { return width_; }
  /// Number of rows.
  size_t height() const { return height_; }

  /// Row r (unchecked index).
  std::span<field::Fp> row(size_t r) { return {values_.data() + r * width_, width_}; }
  /// Row r (unchecked index).
  std::span<const field::Fp> row(size_t r) const { return {values_.data() + r * width_, width_}; }
  /// Element (r, c) (unchecked indices).
  field::Fp& at(size_t r, size_t c) { return values_[r * width_ + c]; }
  /// Element (r, c) (unchecked indices).
  field::Fp at(size_t r, size_t c) const { return values_[r * width_ + c]; }
  /// A copy of column c.
  std::vector<field::Fp> column(size_t c) const;
  /// The width x height transpose.
  RowMajorMatrix transpose() const;

  /// All elements, row after row.
  std::span<field::Fp> values() { return values_; }
  /// All elements, row after row.
  std::span<const field::Fp> values() const { return values_; }
  /// Moves the storage out, leaving an empty 0 x 0 matrix.
  std::vector<field::Fp> release_values();

  /// A view for back-end calls (host memory).
  kernels::MatrixRef ref() { return {values_.data(), width_, height_}; }
  /// A read-only view for back-end calls (host memory).
  kernels::ConstMatrixRef ref() const { return {values_.data(), width_, height_}; }

  /// Same shape and same values.
  bool operator==(const RowMajorMatrix& other) const = default;

 private:
  size_t width_ = 0;
  size_t height_ = 0;
  std::vector<field::Fp> values_;
};

}  // namespace zkbatch::poly
