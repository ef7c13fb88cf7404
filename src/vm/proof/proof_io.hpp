// SPDX-License-Identifier: Apache-2.0
// The program proof file (DESIGN.md §3 "Proof files"): versioned little-endian binary.
//
//   magic "ZKBVMPRF" (8 bytes), version u32 = 1,
//   params:        u32 length, bytes (the preset name)
//   elf:           u64 length, bytes
//   segment_log2:  u32
//   public output: u64 length, bytes
//   memory proof:  u64 length, a STARK proof file (stark/proof_io.hpp)
//   segments:      u32 count, then per segment u64 length and a STARK proof file
// Nothing may follow.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "vm/proof/errors.hpp"
#include "vm/proof/program_proof.hpp"

namespace zkbatch::vm::proof {

/// The eight bytes a program proof file starts with.
inline constexpr uint8_t kProgramProofMagic[8] = {'Z', 'K', 'B', 'V', 'M', 'P', 'R', 'F'};
/// The format version this build writes and reads.
inline constexpr uint32_t kProgramProofVersion = 1;

/// Encodes a program proof.
std::vector<uint8_t> serialize_program_proof(const ProgramProof& proof);

/// Decodes a program proof: any byte string gives ok and a proof, or an error (never a crash,
/// never an allocation larger than the input justifies).
ProofFileError deserialize_program_proof(std::span<const uint8_t> bytes, ProgramProof* proof);

}  // namespace zkbatch::vm::proof
