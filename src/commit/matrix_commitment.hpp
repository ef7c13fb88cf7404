// SPDX-License-Identifier: Apache-2.0
// The mixed-height matrix commitment scheme: commit a batch of matrices in one Merkle tree, open
// rows of all of them at once, verify openings.
#pragma once

#include <stddef.h>

#include <span>
#include <vector>

#include "commit/dimensions.hpp"
#include "commit/error.hpp"
#include "commit/merkle_tree.hpp"
#include "field/goldilocks.hpp"
#include "hash/digest.hpp"
#include "kernels/backend.hpp"
#include "poly/matrix.hpp"

namespace zkbatch::commit {

/// One opened position: the row of every committed matrix that sits at it, and the path.
struct Opening {
  /// rows[j] is row (index >> (log2(max height) - log2(height_j))) of matrix j, in commit order.
  std::vector<std::vector<field::Fp>> rows;
  /// The authentication path of leaf `index`.
  MerklePath path;

  bool operator==(const Opening& other) const = default;
};

/// Openings at several indices, one Opening per index in the order asked (no sharing of path
/// nodes yet).
struct BatchOpening {
  std::vector<Opening> openings;  ///< openings[i] belongs to the i-th requested index

  bool operator==(const BatchOpening& other) const = default;
};

/// Prover data of one commitment: the matrices and their tree. Matrices keep their own height
/// (no padding to the tallest); a shorter matrix's row r is bound to the tallest matrices' rows
/// r * 2^(d - log2 height) .. (r + 1) * 2^(d - log2 height) - 1, the leaves below its tree node.
class MatrixCommitment {
 public:
  /// Commits to `matrices` (taken by value: the prover keeps them to open rows later). Throws
  /// std::invalid_argument unless there is at least one matrix and every matrix has width >= 1
  /// and a power-of-two height in [1, 2^32]; std::runtime_error when the back end fails.
  static MatrixCommitment commit(std::vector<poly::RowMajorMatrix> matrices,
                                 kernels::Backend& backend = kernels::default_backend());

  /// The root: what the prover sends and the transcript observes.
  const hash::Digest& root() const { return tree_.root(); }
  /// Width and height of each matrix, in commit order (what the verifier needs besides the root).
  std::vector<Dimensions> dimensions() const;
  /// Number of committed matrices.
  size_t matrix_count() const { return matrices_.size(); }
  /// Matrix i, in commit order.
  const poly::RowMajorMatrix& matrix(size_t i) const { return matrices_[i]; }
  /// log2 of the tallest height: indices range over [0, 2^log_max_height).
  unsigned log_max_height() const { return tree_.depth(); }
  /// The tree (for inspection and tests).
  const MerkleTree& tree() const { return tree_; }

  /// Opens position `index` < 2^log_max_height (throws std::out_of_range otherwise).
  Opening open(size_t index) const;
  /// Opens every index in `indices`, in order.
  BatchOpening open_batch(std::span<const size_t> indices) const;

 private:
  std::vector<poly::RowMajorMatrix> matrices_;
  MerkleTree tree_;
};

/// Checks that `rows` are the rows at `index` of matrices of dimensions `dims` committed under
/// `root`, using `path`. Every size is checked before any hashing; returns CommitError::ok or
/// the first failed check, for any input.
CommitError verify_opening(const hash::Digest& root,
                           std::span<const Dimensions> dims,
                           size_t index,
                           std::span<const std::vector<field::Fp>> rows,
                           const MerklePath& path);

/// verify_opening on an Opening.
CommitError verify_opening(const hash::Digest& root,
                           std::span<const Dimensions> dims,
                           size_t index,
                           const Opening& opening);

/// Verifies each opening of `batch` at the matching entry of `indices`; the first error wins.
CommitError verify_batch(const hash::Digest& root,
                         std::span<const Dimensions> dims,
                         std::span<const size_t> indices,
                         const BatchOpening& batch);

}  // namespace zkbatch::commit
