// SPDX-License-Identifier: Apache-2.0
// The proof of a program run: plain data only (the file format is in proof_io.cpp). A run is
// proven by one memory proof and one proof per segment, all sharing one global challenge
// (DESIGN.md §4 "Aggregation": for now a list of proofs, not constant size).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stark/proof.hpp"

namespace zkbatch::vm::proof {

/// Everything a verifier needs besides trusted parameters: the program itself (so a proof file
/// is self-contained; the verifier rebuilds the keys from it and reports their digest), the
/// claimed public output, and the proofs.
struct ProgramProof {
  /// Preset of the parameters ("default_100", "secure_128", "test"); the verifier rebuilds them
  /// from the name and never reads numbers from the file.
  std::string params;
  /// The program as an ELF file (vm::write_elf of its image); the verifier parses it with the
  /// loader's checks.
  std::vector<uint8_t> elf;
  /// Segment size the run was cut with (2^segment_log2 cycles).
  uint32_t segment_log2 = 0;
  /// The public output: bytes the guest wrote to fd 3, in order.
  std::vector<uint8_t> public_output;
  /// Initialization and finalization of memory.
  stark::Proof memory;
  /// One proof per segment, in order.
  std::vector<stark::Proof> segments;

  bool operator==(const ProgramProof& other) const = default;
};

}  // namespace zkbatch::vm::proof
