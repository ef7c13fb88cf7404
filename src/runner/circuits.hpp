// SPDX-License-Identifier: Apache-2.0
// The circuits file (DESIGN.md §6 "Circuits"): the verifying key and the preprocessed data of one
// program — program table, memory image, preprocessed traces with their LDE and Merkle layers,
// twiddles — in one HDF5 file that `zkbatch circuits build` writes once and every rank of a
// proving job opens read-only. A Keccak-256 digest over all of it is stored in the file and
// checked on every open, and the file must match the program and parameters of the job, so a
// stale or damaged file is reported instead of used.
#pragma once

#include <stdint.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "hash/digest.hpp"

namespace zkbatch::runner {

/// A file that is not a usable circuits file: the message names the file and the problem.
class CircuitsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One 2-D table of 64-bit values (row-major).
struct CircuitsTable {
  std::string name;  ///< e.g. "program", "preprocessed/0/lde", "merkle/3", "twiddles"
  uint64_t rows = 0;
  uint64_t cols = 0;
  std::vector<uint64_t> values;  ///< rows * cols

  friend bool operator==(const CircuitsTable&, const CircuitsTable&) = default;
};

/// The content of a circuits file.
struct CircuitsData {
  std::vector<uint8_t> elf;   ///< the program the data belongs to
  std::string params;         ///< parameter preset name
  uint32_t segment_log2 = 0;  ///< segment size the key was built for
  hash::Digest key_digest{};  ///< verifying-key digest
  std::vector<CircuitsTable> tables;

  friend bool operator==(const CircuitsData&, const CircuitsData&) = default;
};

/// Format version written to and required from the file.
inline constexpr uint32_t kCircuitsVersion = 1;

/// Keccak-256 (hex) over a canonical encoding of everything in `data`: what the file stores.
std::string circuits_digest(const CircuitsData& data);

/// Writes `data` to `path` (through a temporary name and a rename). Throws CircuitsError.
void write_circuits(const std::string& path, const CircuitsData& data);

/// Opens `path` read-only, reads everything and checks the format, version and digest. Throws
/// CircuitsError naming the file and what is wrong. Every rank opens the file on its own (no
/// collective open), so a rank that cannot read it reports an error instead of leaving the
/// others waiting in a collective call.
CircuitsData read_circuits(const std::string& path);

/// Checks that circuits read from `path` belong to this job: same ELF bytes, parameters,
/// segment size and verifying-key digest. Throws CircuitsError saying which differs.
void check_circuits_match(const std::string& path,
                          const CircuitsData& data,
                          const std::vector<uint8_t>& elf,
                          const std::string& params,
                          uint32_t segment_log2,
                          const hash::Digest& key_digest);

}  // namespace zkbatch::runner
