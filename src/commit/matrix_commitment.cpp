// SPDX-License-Identifier: Apache-2.0
#include "commit/matrix_commitment.hpp"

#include <stdexcept>
#include <utility>

#include "commit/detail/layout.hpp"
#include "hash/compress.hpp"

namespace zkbatch::commit {

using field::Fp;
using hash::Digest;

MatrixCommitment MatrixCommitment::commit(std::vector<poly::RowMajorMatrix> matrices,
                                          kernels::Backend& backend) {
  MatrixCommitment c;
  c.tree_ = MerkleTree::build(matrices, backend);
  c.matrices_ = std::move(matrices);
  return c;
}

std::vector<Dimensions> MatrixCommitment::dimensions() const {
  std::vector<Dimensions> dims;
  dims.reserve(matrices_.size());
  for (const poly::RowMajorMatrix& m : matrices_)
    dims.push_back({m.width(), m.height()});
  return dims;
}

Opening MatrixCommitment::open(size_t index) const {
  const unsigned depth = tree_.depth();
  if (index >> depth != 0) throw std::out_of_range("MatrixCommitment::open: index out of range");
  Opening opening;
  opening.rows.reserve(matrices_.size());
  for (const poly::RowMajorMatrix& m : matrices_) {
    const auto log_height = static_cast<unsigned>(kernels::log2_exact(m.height()));
    const std::span<const Fp> row = m.row(index >> (depth - log_height));
    opening.rows.emplace_back(row.begin(), row.end());
  }
  opening.path = tree_.path(index);
  return opening;
}

BatchOpening MatrixCommitment::open_batch(std::span<const size_t> indices) const {
  BatchOpening batch;
  batch.openings.reserve(indices.size());
  for (size_t index : indices)
    batch.openings.push_back(open(index));
  return batch;
}

CommitError verify_opening(const Digest& root,
                           std::span<const Dimensions> dims,
                           size_t index,
                           std::span<const std::vector<Fp>> rows,
                           const MerklePath& path) {
  if (const CommitError e = check_dimensions(dims); e != CommitError::ok) return e;
  if (rows.size() != dims.size()) return CommitError::matrix_count_mismatch;
  for (size_t j = 0; j < dims.size(); ++j) {
    if (rows[j].size() != dims[j].width) return CommitError::row_width_mismatch;
  }
  const std::vector<detail::HeightGroup> groups = detail::group_by_height(dims);
  const unsigned depth = groups[0].log_height;
  if (index >> depth != 0) return CommitError::index_out_of_range;
  if (path.siblings.size() != depth) return CommitError::path_length_mismatch;

  // Walk up exactly as MerkleTree::build does: compress with the sibling on the side the index
  // bit says, then inject the rows of the matrices whose height equals the new layer's size.
  Digest node = detail::hash_group_rows(groups[0], rows);
  size_t next_group = 1;
  for (unsigned k = 0; k < depth; ++k) {
    const Digest& sibling = path.siblings[k];
    node = ((index >> k) & 1) == 0 ? hash::compress(node, sibling) : hash::compress(sibling, node);
    if (next_group < groups.size() && groups[next_group].log_height == depth - k - 1) {
      node = hash::compress(node, detail::hash_group_rows(groups[next_group++], rows));
    }
  }
  return node == root ? CommitError::ok : CommitError::root_mismatch;
}

CommitError verify_opening(const Digest& root,
                           std::span<const Dimensions> dims,
                           size_t index,
                           const Opening& opening) {
  return verify_opening(root, dims, index, opening.rows, opening.path);
}

CommitError verify_batch(const Digest& root,
                         std::span<const Dimensions> dims,
                         std::span<const size_t> indices,
                         const BatchOpening& batch) {
  if (indices.size() != batch.openings.size()) return CommitError::opening_count_mismatch;
  for (size_t i = 0; i < indices.size(); ++i) {
    const CommitError e = verify_opening(root, dims, indices[i], batch.openings[i]);
    if (e != CommitError::ok) return e;
  }
  return CommitError::ok;
}

}  // namespace zkbatch::commit
