// SPDX-License-Identifier: Apache-2.0
// A FRI proof: plain data, serialized by src/stark/proof_io.cpp.
#pragma once

#include <stdint.h>

#include <vector>

#include "commit/merkle_tree.hpp"
#include "field/extension.hpp"
#include "hash/digest.hpp"

namespace zkbatch::fri {

/// One commit-phase layer opened at a query: the leaf's values except the one the verifier
/// computes itself (the folded value of the previous layer), and the leaf's Merkle path.
struct LayerOpening {
  /// 2^a - 1 values of the 2^a in the leaf, in position order with the queried one left out.
  std::vector<field::Fp3> siblings;
  commit::MerklePath path;

  bool operator==(const LayerOpening& other) const = default;
};

/// The commit-phase openings of one query, one per fold round.
struct QueryProof {
  std::vector<LayerOpening> layers;

  bool operator==(const QueryProof& other) const = default;
};

/// The whole low-degree proof. The openings of the inputs themselves (trace rows, ...) belong to
/// the caller's proof.
struct FriProof {
  /// Root of each folded layer's commitment (leaf j holds positions j*2^a .. j*2^a + 2^a - 1).
  std::vector<hash::Digest> layer_roots;
  /// Coefficients of the final polynomial, lowest degree first.
  std::vector<field::Fp3> final_poly;
  /// The proof-of-work witness ground before the query indices are drawn.
  uint64_t pow_witness = 0;
  /// One per query, in the order the indices were drawn.
  std::vector<QueryProof> queries;

  bool operator==(const FriProof& other) const = default;
};

}  // namespace zkbatch::fri
