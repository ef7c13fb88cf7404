// SPDX-License-Identifier: Apache-2.0
#include "vm/proof/errors.hpp"

namespace zkbatch::vm::proof {

const char* error_message(ProgramError error) {
  switch (error) {
    case ProgramError::ok:
      return "ok";
    case ProgramError::bad_params:
      return "unknown or refused parameter preset";
    case ProgramError::bad_program:
      return "the embedded program does not load or cannot be proven";
    case ProgramError::wrong_program:
      return "the proof is for another program";
    case ProgramError::no_segments:
      return "no segment proofs";
    case ProgramError::bad_public_values:
      return "a segment's public values are malformed";
    case ProgramError::wrong_segment_index:
      return "a segment proof is out of place (dropped, duplicated or reordered)";
    case ProgramError::wrong_start:
      return "the first segment does not start at the entry point with timestamp 0";
    case ProgramError::discontinuous_pc:
      return "a segment does not start at the previous segment's end pc";
    case ProgramError::discontinuous_timestamp:
      return "a segment does not start at the previous segment's end timestamp";
    case ProgramError::discontinuous_output:
      return "a segment's output does not continue the previous segment's";
    case ProgramError::empty_segment:
      return "a segment has no instructions";
    case ProgramError::early_halt:
      return "a segment other than the last one halted";
    case ProgramError::not_halted:
      return "the last segment did not halt";
    case ProgramError::nonzero_exit:
      return "the program exited with a nonzero code";
    case ProgramError::wrong_output:
      return "the public output differs from the committed one";
    case ProgramError::segment_rejected:
      return "a segment proof was rejected";
    case ProgramError::memory_rejected:
      return "the memory proof was rejected";
    case ProgramError::global_sums_nonzero:
      return "the global buses do not balance (memory across segments or public output)";
  }
  return "unknown error";
}

const char* error_message(ProofFileError error) {
  switch (error) {
    case ProofFileError::ok:
      return "ok";
    case ProofFileError::bad_magic:
      return "not a zkbatch program proof file";
    case ProofFileError::bad_version:
      return "unsupported program proof format version";
    case ProofFileError::truncated:
      return "truncated";
    case ProofFileError::too_large:
      return "count larger than the remaining bytes";
    case ProofFileError::bad_proof:
      return "an embedded STARK proof does not decode";
    case ProofFileError::trailing_bytes:
      return "trailing bytes";
  }
  return "unknown error";
}

}  // namespace zkbatch::vm::proof
