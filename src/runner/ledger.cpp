// SPDX-License-Identifier: Apache-2.0
#include "runner/ledger.hpp"

#include <sqlite3.h>

#include <ctime>

#include <fmt/format.h>

namespace zkbatch::runner {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS inputs ("
    " name TEXT PRIMARY KEY,"
    " path TEXT NOT NULL,"
    " input_hash TEXT NOT NULL,"
    " key_digest TEXT NOT NULL,"
    " state TEXT NOT NULL CHECK (state IN ('queued','running','proved','failed','cancelled')),"
    " segments_total INTEGER NOT NULL DEFAULT 0,"
    " segments_proved INTEGER NOT NULL DEFAULT 0,"
    " cycles INTEGER NOT NULL DEFAULT 0,"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " error TEXT NOT NULL DEFAULT '',"
    " updated_at TEXT NOT NULL)";

constexpr const char* kColumns =
    "name, path, input_hash, key_digest, state, segments_total, segments_proved, cycles, "
    "attempts, error, updated_at";

// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql, const std::string& path) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
      throw LedgerError(fmt::format("{}: {}", path, sqlite3_errmsg(db)));
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void bind(int i, uint64_t v) { sqlite3_bind_int64(stmt_, i, static_cast<sqlite3_int64>(v)); }
  /// SQLITE_ROW or SQLITE_DONE; throws on errors.
  int step(const std::string& path) {
    const int rc = sqlite3_step(stmt_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      throw LedgerError(fmt::format("{}: {}", path, sqlite3_errmsg(db_)));
    }
    return rc;
  }
  std::string text(int i) {
    const unsigned char* t = sqlite3_column_text(stmt_, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  uint64_t u64(int i) { return static_cast<uint64_t>(sqlite3_column_int64(stmt_, i)); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

LedgerEntry read_entry(Statement& s) {
  LedgerEntry e;
  e.name = s.text(0);
  e.path = s.text(1);
  e.input_hash = s.text(2);
  e.key_digest = s.text(3);
  parse_input_state(s.text(4), e.state);
  e.segments_total = s.u64(5);
  e.segments_proved = s.u64(6);
  e.cycles = s.u64(7);
  e.attempts = s.u64(8);
  e.error = s.text(9);
  e.updated_at = s.text(10);
  return e;
}

}  // namespace

const char* input_state_name(InputState state) {
  switch (state) {
    case InputState::queued:
      return "queued";
    case InputState::running:
      return "running";
    case InputState::proved:
      return "proved";
    case InputState::failed:
      return "failed";
    case InputState::cancelled:
      return "cancelled";
  }
  return "unknown";
}

bool parse_input_state(const std::string& name, InputState& out) {
  for (InputState s : {InputState::queued, InputState::running, InputState::proved,
                       InputState::failed, InputState::cancelled}) {
    if (name == input_state_name(s)) return out = s, true;
  }
  return false;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Ledger::Ledger(const std::filesystem::path& out_dir, bool create)
    : path_((out_dir / "queue.sqlite").string()) {
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw LedgerError(fmt::format("{}: cannot open the queue ledger: {}", path_, why));
  }
  sqlite3_busy_timeout(db_, 10000);
  // Write-ahead log, synced at checkpoints: progress updates during a batch stay cheap, and
  // `zkbatch queue` reads while a job writes.
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  exec(kSchema);
}

Ledger::~Ledger() {
  sqlite3_close(db_);
}

void Ledger::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string why = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    throw LedgerError(fmt::format("{}: {}", path_, why));
  }
}

std::vector<LedgerEntry> Ledger::list() {
  Statement s(db_, fmt::format("SELECT {} FROM inputs ORDER BY name", kColumns), path_);
  std::vector<LedgerEntry> entries;
  while (s.step(path_) == SQLITE_ROW)
    entries.push_back(read_entry(s));
  return entries;
}

std::optional<LedgerEntry> Ledger::find(const std::string& name) {
  Statement s(db_, fmt::format("SELECT {} FROM inputs WHERE name = ?1", kColumns), path_);
  s.bind(1, name);
  if (s.step(path_) != SQLITE_ROW) return std::nullopt;
  return read_entry(s);
}

void Ledger::put(const LedgerEntry& e) {
  Statement s(db_,
              fmt::format("INSERT OR REPLACE INTO inputs ({}) VALUES "
                          "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                          kColumns),
              path_);
  s.bind(1, e.name);
  s.bind(2, e.path);
  s.bind(3, e.input_hash);
  s.bind(4, e.key_digest);
  s.bind(5, std::string(input_state_name(e.state)));
  s.bind(6, e.segments_total);
  s.bind(7, e.segments_proved);
  s.bind(8, e.cycles);
  s.bind(9, e.attempts);
  s.bind(10, e.error);
  s.bind(11, utc_now());
  s.step(path_);
}

bool Ledger::set_state(const std::string& name, InputState state, const std::string& error) {
  Statement s(db_, "UPDATE inputs SET state = ?2, error = ?3, updated_at = ?4 WHERE name = ?1",
              path_);
  s.bind(1, name);
  s.bind(2, std::string(input_state_name(state)));
  s.bind(3, error);
  s.bind(4, utc_now());
  s.step(path_);
  return sqlite3_changes(db_) > 0;
}

void Ledger::set_progress(const std::string& name,
                          uint64_t segments_proved,
                          uint64_t segments_total,
                          uint64_t cycles) {
  Statement s(db_,
              "UPDATE inputs SET segments_proved = ?2, segments_total = ?3, cycles = ?4, "
              "updated_at = ?5 WHERE name = ?1",
              path_);
  s.bind(1, name);
  s.bind(2, segments_proved);
  s.bind(3, segments_total);
  s.bind(4, cycles);
  s.bind(5, utc_now());
  s.step(path_);
}

bool Ledger::remove(const std::string& name) {
  Statement s(db_, "DELETE FROM inputs WHERE name = ?1", path_);
  s.bind(1, name);
  s.step(path_);
  return sqlite3_changes(db_) > 0;
}

}  // namespace zkbatch::runner
