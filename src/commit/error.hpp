// SPDX-License-Identifier: Apache-2.0
// Why a commitment opening was rejected.
#pragma once

#include <stdint.h>

namespace zkbatch::commit {

/// Outcome of verifying an opening. The checks run in this order, so the first failing check
/// names the error; each value has one message (`commit_error_message`). Verification returns
/// one of these for every input, however malformed, and never throws or crashes.
enum class CommitError : uint8_t {
  ok = 0,
  no_matrices,             ///< the dimensions list is empty
  zero_width,              ///< a matrix with no columns (rows are never empty)
  bad_height,              ///< a height that is zero, not a power of two, or above 2^32
  matrix_count_mismatch,   ///< the opening has a different number of rows than matrices
  row_width_mismatch,      ///< an opened row's length differs from its matrix's width
  index_out_of_range,      ///< the index is not below the tallest height
  path_length_mismatch,    ///< the authentication path does not have log2(tallest) nodes
  opening_count_mismatch,  ///< a batch with a different number of openings than indices
  root_mismatch,           ///< everything well formed, but the path does not lead to the root
};

/// The fixed message of an error.
const char* commit_error_message(CommitError error);

}  // namespace zkbatch::commit
