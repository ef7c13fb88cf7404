// SPDX-License-Identifier: Apache-2.0
// Why a FRI proof was rejected.
#pragma once

#include <stdint.h>

namespace zkbatch::fri {

/// Outcome of a FRI check. Each value has one message (`error_message`). Shape errors come from
/// counts and lengths, checked before any arithmetic; the others from the mathematics.
enum class FriError : uint8_t {
  ok = 0,
  bad_parameters,        ///< a parameter outside the bounds of params.hpp
  bad_input_heights,     ///< input heights not strictly decreasing, too small or too large
  wrong_layer_count,     ///< number of layer commitments differs from the fold schedule
  wrong_final_poly_len,  ///< final polynomial with the wrong number of coefficients
  wrong_query_count,     ///< number of query proofs differs from num_queries
  wrong_query_shape,     ///< a query proof with the wrong number of layers or siblings
  wrong_path_length,     ///< a Merkle path whose length does not match its layer's height
  bad_pow_witness,       ///< the proof-of-work witness does not give enough zero bits
  layer_path_mismatch,   ///< a layer's Merkle path does not lead to its commitment
  final_poly_mismatch,   ///< the folded value of a query differs from the final polynomial
  wrong_input_count,     ///< the caller passed a wrong number of reduced openings for a query
};

/// The fixed message of a FriError.
const char* error_message(FriError error);

}  // namespace zkbatch::fri
