// SPDX-License-Identifier: Apache-2.0
// Finished segment proofs kept in the output directory (DESIGN.md §6 "Resume"): a re-run after a
// crash, a pre-emption or `kill -9` of any rank proves only the segments that are missing and
// assembles the same proof file byte for byte. Records are keyed by verifying key (which binds
// program, tables and parameters), segment size and input hash, and are written to a temporary
// name, synced and renamed, so a record that exists is complete; each ends with a checksum.
#pragma once

#include <stdint.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hash/digest.hpp"

namespace zkbatch::runner {

/// One finished segment.
struct SegmentRecord {
  uint32_t segment = 0;
  hash::Digest commitment{};  ///< its phase-one commitment (needed for the seed on resume)
  hash::Digest seed{};        ///< the global seed its phase two used
  uint64_t cycles = 0;
  std::vector<uint8_t> proof;  ///< the segment proof bytes

  friend bool operator==(const SegmentRecord&, const SegmentRecord&) = default;
};

/// The record as bytes: magic "ZKBSEG01", segment, commitment, seed, cycles, proof, and the
/// Keccak-256 of all of it.
std::vector<uint8_t> serialize_record(const SegmentRecord& record);
/// Parses a record; false for anything that is not one complete, intact record.
bool deserialize_record(const std::vector<uint8_t>& bytes, SegmentRecord& out);

/// The resume key of one proof: hex of Keccak-256 over the verifying-key digest, the segment
/// size, the input hash and the record format.
std::string resume_key(const hash::Digest& key_digest,
                       uint32_t segment_log2,
                       const std::string& input_hash_hex);

/// The records of every proof under `<out>/.zkbatch/segments/<resume key>/`.
class SegmentStore {
 public:
  explicit SegmentStore(std::filesystem::path out_dir);
  /// Writes (or replaces) one record: temporary file, fsync, rename.
  void put(const std::string& key, const SegmentRecord& record) const;
  /// Every intact record of a proof, by segment. Damaged files (a crash between write and
  /// rename leaves only temporaries, but disks and people make others) are deleted and skipped.
  std::map<uint32_t, SegmentRecord> load(const std::string& key) const;
  /// Deletes a proof's records.
  void remove(const std::string& key) const;
  /// The directory of a proof's records.
  std::filesystem::path dir(const std::string& key) const;

 private:
  std::filesystem::path root_;
};

/// Writes `bytes` to `path` atomically: `path.tmp.<pid>`, fsync, rename; a reader never sees a
/// partial file under `path`. Throws std::runtime_error naming the file on failure.
void write_file_atomically(const std::filesystem::path& path, const std::vector<uint8_t>& bytes);

/// Reads a whole file; std::nullopt when it cannot be read.
std::optional<std::vector<uint8_t>> read_whole_file(const std::filesystem::path& path);

/// Lower-case hex of Keccak-256 of `bytes` (input hashes, proof digests in summaries).
std::string keccak_hex(const std::vector<uint8_t>& bytes);

}  // namespace zkbatch::runner
