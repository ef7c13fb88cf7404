// SPDX-License-Identifier: Apache-2.0
// A Poseidon2 Merkle tree over the rows of matrices of different power-of-two heights.
#pragma once

#include <stddef.h>

#include <span>
#include <vector>

#include "hash/digest.hpp"
#include "kernels/backend.hpp"
#include "poly/matrix.hpp"

namespace zkbatch::commit {

/// The sibling digests from a leaf up to the root: siblings[k] is the neighbour, at layer k, of
/// the node on the leaf's path (layer 0 = leaves). Its length is the tree's depth.
struct MerklePath {
  std::vector<hash::Digest> siblings;  ///< bottom-up, one per layer below the root

  bool operator==(const MerklePath& other) const = default;
};

/// The tree of one commitment (rules in src/commit/README.md). With H = 2^d the tallest height:
///   layer 0 (H nodes):      node_i = hash_elements(row i of every height-H matrix, side by side)
///   layer k (H / 2^k nodes): node_i = compress(layer_{k-1}[2i], layer_{k-1}[2i+1]), and, if some
///                           matrices have height H / 2^k,
///                           node_i = compress(node_i, hash_elements(row i of each of them))
/// The root is the single node of layer d. Matrices of one height are concatenated in the order
/// they were given. All layers are kept, so paths are read off without hashing.
class MerkleTree {
 public:
  /// The empty tree (no root); only useful as a placeholder.
  MerkleTree() = default;

  /// Builds the tree over `matrices` on `backend`. Throws std::invalid_argument unless there is
  /// at least one matrix and every matrix has width >= 1 and a power-of-two height in [1, 2^32];
  /// std::runtime_error when the back end fails.
  static MerkleTree build(std::span<const poly::RowMajorMatrix> matrices,
                          kernels::Backend& backend = kernels::default_backend());

  /// The root digest.
  const hash::Digest& root() const { return layers_.back()[0]; }
  /// d = log2 of the number of leaves (the tallest height); a path has d siblings.
  unsigned depth() const { return static_cast<unsigned>(layers_.size() - 1); }
  /// Layer k: 2^(depth - k) digests (0 = leaves, depth = root).
  const std::vector<hash::Digest>& layer(size_t k) const { return layers_[k]; }
  /// The authentication path of leaf `index` (< 2^depth; throws std::out_of_range otherwise).
  MerklePath path(size_t index) const;

 private:
  std::vector<std::vector<hash::Digest>> layers_;
};

}  // namespace zkbatch::commit
