// SPDX-License-Identifier: Apache-2.0
#include "fri/errors.hpp"

namespace zkbatch::fri {

const char* error_message(FriError error) {
  switch (error) {
    case FriError::ok:
      return "ok";
    case FriError::bad_parameters:
      return "FRI parameters out of bounds";
    case FriError::bad_input_heights:
      return "FRI input heights are not strictly decreasing powers of two in range";
    case FriError::wrong_layer_count:
      return "wrong number of FRI layer commitments";
    case FriError::wrong_final_poly_len:
      return "wrong length of the FRI final polynomial";
    case FriError::wrong_query_count:
      return "wrong number of FRI query proofs";
    case FriError::wrong_query_shape:
      return "FRI query proof with a wrong number of layers or sibling values";
    case FriError::wrong_path_length:
      return "FRI layer Merkle path of the wrong length";
    case FriError::bad_pow_witness:
      return "FRI proof-of-work witness is invalid";
    case FriError::layer_path_mismatch:
      return "FRI layer opening does not match its commitment";
    case FriError::final_poly_mismatch:
      return "FRI folded value differs from the final polynomial";
    case FriError::wrong_input_count:
      return "wrong number of FRI input values for a query";
  }
  return "unknown FRI error";
}

}  // namespace zkbatch::fri
