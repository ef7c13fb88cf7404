// SPDX-License-Identifier: Apache-2.0
#include "stark/errors.hpp"

namespace zkbatch::stark {

const char* error_message(VerifyError error) {
  switch (error) {
    case VerifyError::ok:
      return "ok";
    case VerifyError::test_params_refused:
      return "test-only parameters are refused outside tests";
    case VerifyError::wrong_table_count:
      return "the proof does not list one height per table of the key";
    case VerifyError::bad_table_height:
      return "a table height is out of range or differs from its preprocessed height";
    case VerifyError::wrong_public_value_count:
      return "wrong number of public values";
    case VerifyError::logup_root_mismatch:
      return "LogUp commitment missing or unexpected";
    case VerifyError::wrong_sum_count:
      return "LogUp sums are not one per table";
    case VerifyError::unexpected_sum:
      return "nonzero LogUp sum for a kind of bus the table does not use";
    case VerifyError::wrong_opened_shape:
      return "opened values have the wrong shape";
    case VerifyError::wrong_fri_shape:
      return "the FRI proof has the wrong shape";
    case VerifyError::wrong_query_count:
      return "query openings are not one per FRI query";
    case VerifyError::wrong_opening_shape:
      return "a query opening has the wrong number of batches, rows or widths";
    case VerifyError::local_bus_unbalanced:
      return "a local bus does not balance";
    case VerifyError::global_sum_mismatch:
      return "the global partial sum is not the sum of the tables' global sums";
    case VerifyError::constraints_not_satisfied:
      return "constraints are not satisfied at the out-of-domain point";
    case VerifyError::opening_invalid:
      return "a commitment opening is invalid";
    case VerifyError::fri_rejected:
      return "the FRI low-degree test rejected the proof";
    case VerifyError::global_sums_nonzero:
      return "the global partial sums of the batch do not cancel";
    case VerifyError::wrong_proof_count:
      return "no proofs given";
  }
  return "unknown verification error";
}

const char* error_message(DecodeError error) {
  switch (error) {
    case DecodeError::ok:
      return "ok";
    case DecodeError::bad_magic:
      return "not a zkbatch proof file (bad magic)";
    case DecodeError::bad_version:
      return "unsupported proof format version";
    case DecodeError::truncated:
      return "proof file truncated";
    case DecodeError::count_too_large:
      return "a count exceeds what the remaining bytes can hold";
    case DecodeError::non_canonical:
      return "a field element is not below p";
    case DecodeError::bad_value:
      return "a flag or small value is out of range";
    case DecodeError::trailing_bytes:
      return "bytes after the end of the proof";
  }
  return "unknown decode error";
}

}  // namespace zkbatch::stark
