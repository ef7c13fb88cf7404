// SPDX-License-Identifier: Apache-2.0
// What `zkbatch prove` leaves in the output directory for each input: `<name>.proof` (the proof
// file of src/vm/proof) and `<name>.proof.json` (a summary: public output, sizes, digests,
// times), both written to a temporary name and renamed, the summary last. <name> is the input
// file's name without its last extension (docs/deploy.md, "Contract with the runner"). And the rule
// by which proofs chain (`--previous-proof`).
#pragma once

#include <stdint.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hash/digest.hpp"
#include "runner/segment_prover.hpp"

namespace zkbatch::runner {

/// Lower-case hex of bytes.
std::string to_hex(const std::vector<uint8_t>& bytes);
/// A digest as 64 hex digits (its 4 elements as little-endian 64-bit words).
std::string digest_hex(const hash::Digest& digest);

/// Bytes of each link value in the public output (DESIGN.md §3, public values chain).
inline constexpr size_t kLinkBytes = 32;

/// The chaining rule, program-agnostic: a linkable program commits at least 64 bytes of public
/// output, bytes 0..31 naming its predecessor and bytes 32..63 itself (the block validator
/// commits parent hash, then block hash). A proof links to its predecessor when its first 32
/// bytes equal the predecessor's bytes 32..63. Returns an empty string when they link, else
/// why not.
std::string check_link(const std::vector<uint8_t>& previous_output,
                       const std::vector<uint8_t>& output);

/// The JSON summary written beside a proof.
struct ProofSummary {
  std::string input;       ///< input path as given
  std::string input_hash;  ///< Keccak-256 hex of the input bytes
  std::string elf;         ///< program path as given
  std::string key_digest;  ///< verifying-key digest, hex
  std::string params;      ///< parameter preset
  uint32_t segment_log2 = 0;
  uint64_t segments = 0;
  uint64_t segments_resumed = 0;  ///< taken from an earlier run
  uint64_t cycles = 0;
  std::vector<uint8_t> public_output;
  uint64_t proof_bytes = 0;
  std::string proof_keccak;    ///< Keccak-256 hex of the proof file
  std::string previous_proof;  ///< path, when linked
  std::string previous_proof_keccak;
  int ranks = 1;
  double elapsed_s = 0;
  PhaseSeconds phase_seconds;
};

/// The summary as pretty-printed JSON.
std::string summary_json(const ProofSummary& summary);

/// Writes `<out_dir>/<name>.proof`, then `<out_dir>/<name>.proof.json`, each atomically.
void write_proof_files(const std::filesystem::path& out_dir,
                       const std::string& name,
                       const std::vector<uint8_t>& proof,
                       const ProofSummary& summary);

/// The proof file's path for an input name.
std::filesystem::path proof_path(const std::filesystem::path& out_dir, const std::string& name);
/// The summary's path for an input name.
std::filesystem::path summary_path(const std::filesystem::path& out_dir, const std::string& name);

/// The name an input's proof is filed under: its file name without the last extension
/// ("blocks/19000000.json" → "19000000").
std::string input_name(const std::string& input_path);

}  // namespace zkbatch::runner
