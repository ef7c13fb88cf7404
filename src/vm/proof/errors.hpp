// SPDX-License-Identifier: Apache-2.0
// Why a program proof or a program proof file was rejected.
#pragma once

#include <cstdint>

namespace zkbatch::vm::proof {

/// Outcome of verifying a program proof. Each value has one message (`error_message`).
enum class ProgramError : uint8_t {
  ok = 0,
  bad_params,               ///< an unknown preset, or the test preset outside tests
  bad_program,              ///< the embedded ELF does not load or cannot be proven
  wrong_program,            ///< the program is not the one the caller expects
  no_segments,              ///< no segment proofs
  bad_public_values,        ///< a segment's public values have the wrong count or range
  wrong_segment_index,      ///< segment i does not say it is segment i
  wrong_start,              ///< the first segment does not start at the entry, timestamp 0
  discontinuous_pc,         ///< a segment does not start where the previous one ended
  discontinuous_timestamp,  ///< a segment does not start at the previous one's end timestamp
  discontinuous_output,     ///< a segment's output does not follow the previous one's
  empty_segment,            ///< a segment without instructions
  early_halt,               ///< a segment other than the last halted
  not_halted,               ///< the last segment did not halt
  nonzero_exit,             ///< the program exited with a nonzero code
  wrong_output,             ///< the output length or digest differs from the public output
  segment_rejected,         ///< a segment's STARK proof was rejected
  memory_rejected,          ///< the memory proof was rejected
  global_sums_nonzero,      ///< the global buses do not balance across the proofs and output
};

/// The fixed message of a ProgramError.
const char* error_message(ProgramError error);

/// Why bytes are not a program proof file.
enum class ProofFileError : uint8_t {
  ok = 0,
  bad_magic,       ///< not a zkbatch program proof file
  bad_version,     ///< a format version this build does not read
  truncated,       ///< ended inside a value
  too_large,       ///< a count larger than the remaining bytes could hold
  bad_proof,       ///< an embedded STARK proof does not decode
  trailing_bytes,  ///< bytes after the end
};

/// The fixed message of a ProofFileError.
const char* error_message(ProofFileError error);

}  // namespace zkbatch::vm::proof
