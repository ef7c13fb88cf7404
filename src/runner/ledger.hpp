// SPDX-License-Identifier: Apache-2.0
// The queue ledger (DESIGN.md §7): durable state of every input of an output directory in an
// embedded SQLite database, `<out>/queue.sqlite`. `zkbatch prove` records each input's progress
// in it and honours what an operator changed with `zkbatch queue`: cancelled inputs are
// skipped, failed ones stay failed until retried.
#pragma once

#include <stdint.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace zkbatch::runner {

/// The states of an input (docs/operations.md has the diagram).
enum class InputState : uint8_t { queued, running, proved, failed, cancelled };

/// "queued", "running", "proved", "failed", "cancelled".
const char* input_state_name(InputState state);
/// The state of a name; false for anything else.
bool parse_input_state(const std::string& name, InputState& out);

/// One input of the ledger.
struct LedgerEntry {
  std::string name;        ///< input_name(path): the proof is <out>/<name>.proof
  std::string path;        ///< as given to prove
  std::string input_hash;  ///< Keccak-256 hex of the input bytes
  std::string key_digest;  ///< verifying-key digest (hex) it is proved under
  InputState state = InputState::queued;
  uint64_t segments_total = 0;
  uint64_t segments_proved = 0;
  uint64_t cycles = 0;
  uint64_t attempts = 0;   ///< proving runs started on it
  std::string error;       ///< the last failure
  std::string updated_at;  ///< UTC, ISO 8601
};

/// A database that cannot be opened or used (path and SQLite's message).
class LedgerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An open ledger. Operations are single statements (atomic); concurrent processes wait up to
/// a few seconds for each other's locks.
class Ledger {
 public:
  /// Opens `<out_dir>/queue.sqlite`, creating it (and its table) when `create` is true; throws
  /// LedgerError when it does not exist and `create` is false, or cannot be used.
  Ledger(const std::filesystem::path& out_dir, bool create);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  /// Every entry, by name.
  std::vector<LedgerEntry> list();
  /// One entry by name.
  std::optional<LedgerEntry> find(const std::string& name);
  /// Inserts or replaces an entry.
  void put(const LedgerEntry& entry);
  /// Sets the state (and error text) of one entry; false when there is no such entry.
  bool set_state(const std::string& name, InputState state, const std::string& error = "");
  /// Records progress of a running entry.
  void set_progress(const std::string& name,
                    uint64_t segments_proved,
                    uint64_t segments_total,
                    uint64_t cycles);
  /// Deletes one entry; false when there is none.
  bool remove(const std::string& name);

 private:
  void exec(const std::string& sql);
  sqlite3* db_ = nullptr;
  std::string path_;
};

/// The current UTC time as "2026-11-24T10:00:00Z".
std::string utc_now();

}  // namespace zkbatch::runner
