// SPDX-License-Identifier: Apache-2.0
#include "commit/error.hpp"

namespace zkbatch::commit {

const char* commit_error_message(CommitError error) {
  switch (error) {
    case CommitError::ok:
      return "ok";
    case CommitError::no_matrices:
      return "no matrices in the commitment";
    case CommitError::zero_width:
      return "a committed matrix has width zero";
    case CommitError::bad_height:
      return "a matrix height is not a power of two in [1, 2^32]";
    case CommitError::matrix_count_mismatch:
      return "number of opened rows differs from the number of matrices";
    case CommitError::row_width_mismatch:
      return "an opened row has the wrong width";
    case CommitError::index_out_of_range:
      return "opening index is not below the tallest matrix height";
    case CommitError::path_length_mismatch:
      return "authentication path has the wrong length";
    case CommitError::opening_count_mismatch:
      return "number of openings differs from the number of indices";
    case CommitError::root_mismatch:
      return "opening does not match the committed root";
  }
  return "unknown commitment error";
}

}  // namespace zkbatch::commit
