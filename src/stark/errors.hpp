// SPDX-License-Identifier: Apache-2.0
// Why a proof or a proof file was rejected.
#pragma once

#include <stdint.h>

namespace zkbatch::stark {

/// Outcome of verification. Shape errors are found before any arithmetic; each value has one
/// message (`error_message`).
enum class VerifyError : uint8_t {
  ok = 0,
  test_params_refused,        ///< test-only parameters outside tests
  wrong_table_count,          ///< log_heights does not list every table of the key
  bad_table_height,           ///< a height out of range or not the preprocessed height
  wrong_public_value_count,   ///< public values differ in number from the key
  logup_root_mismatch,        ///< a LogUp commitment present without interactions, or missing
  wrong_sum_count,            ///< local_sums / global_sums not one per table
  unexpected_sum,             ///< a nonzero running sum for a kind of bus the table does not use
  wrong_opened_shape,         ///< opened values with the wrong number of entries
  wrong_fri_shape,            ///< the FRI proof's counts do not match its fold schedule
  wrong_query_count,          ///< query openings not one per FRI query
  wrong_opening_shape,        ///< a query opening with the wrong number of batches, rows or widths
  local_bus_unbalanced,       ///< the local sums do not add up to zero
  global_sum_mismatch,        ///< global_sum is not the sum of the tables' global sums
  constraints_not_satisfied,  ///< the quotient identity fails at zeta for some table
  opening_invalid,            ///< a Merkle opening of a trace, LogUp or quotient commitment fails
  fri_rejected,               ///< the FRI low-degree test failed
  global_sums_nonzero,        ///< partial sums of proofs sharing a global bus do not cancel
  wrong_proof_count,          ///< a batch verification given no proofs
};

/// The fixed message of a VerifyError.
const char* error_message(VerifyError error);

/// Why a byte string is not a proof file.
enum class DecodeError : uint8_t {
  ok = 0,
  bad_magic,        ///< not a zkbatch proof file
  bad_version,      ///< a format version this build does not read
  truncated,        ///< ended inside a value
  count_too_large,  ///< a count larger than the remaining bytes could hold
  non_canonical,    ///< a field element >= p
  bad_value,        ///< a flag or small value outside its range
  trailing_bytes,   ///< bytes after the end of the proof
};

/// The fixed message of a DecodeError.
const char* error_message(DecodeError error);

}  // namespace zkbatch::stark
