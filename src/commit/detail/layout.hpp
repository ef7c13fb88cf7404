// SPDX-License-Identifier: Apache-2.0
// Where each matrix enters the mixed-height tree: shared by the prover and the verifier so both
// apply the same rule (internal).
#pragma once

#include <stddef.h>

#include <span>
#include <vector>

#include "commit/dimensions.hpp"
#include "field/goldilocks.hpp"
#include "hash/digest.hpp"

namespace zkbatch::commit::detail {

/// The matrices of one height: they enter the tree together, at the layer with 2^log_height
/// nodes, through the hash of their rows side by side in input order.
struct HeightGroup {
  unsigned log_height = 0;
  std::vector<size_t> members;  ///< indices into the input list, increasing
};

/// The groups of a batch that passed check_dimensions, tallest first.
std::vector<HeightGroup> group_by_height(std::span<const Dimensions> dims);

/// hash_elements over the rows of a group's members concatenated in member order; `rows` is
/// indexed like the input list and each row already has its matrix's width.
hash::Digest hash_group_rows(const HeightGroup& group,
                             std::span<const std::vector<field::Fp>> rows);

}  // namespace zkbatch::commit::detail
