// SPDX-License-Identifier: Apache-2.0
// The SQLite queue ledger: entries survive reopening, state changes, a missing ledger is
// reported, and another process's view agrees (checked with the sqlite3 library directly).
#include <gtest/gtest.h>

#include <sqlite3.h>

#include "runner/ledger.hpp"
#include "runner_test_util.hpp"

namespace zkbatch::runner {
namespace {

LedgerEntry entry(const std::string& name, InputState state) {
  LedgerEntry e;
  e.name = name;
  e.path = "/in/" + name;
  e.input_hash = "ab";
  e.key_digest = "cd";
  e.state = state;
  return e;
}

TEST(Ledger, PutFindListAndReopen) {
  test::TempDir dir;
  {
    Ledger l(dir.path(), true);
    l.put(entry("b.bin", InputState::queued));
    l.put(entry("a.bin", InputState::running));
    l.set_progress("a.bin", 3, 7, 1000);
  }
  Ledger l(dir.path(), false);
  const auto all = l.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "a.bin");  // by name
  EXPECT_EQ(all[0].state, InputState::running);
  EXPECT_EQ(all[0].segments_proved, 3u);
  EXPECT_EQ(all[0].segments_total, 7u);
  EXPECT_EQ(all[0].cycles, 1000u);
  EXPECT_EQ(all[0].updated_at.size(), 20u);  // 2026-11-24T10:00:00Z
  EXPECT_FALSE(l.find("c.bin"));
}

TEST(Ledger, StateChangesAndRemoval) {
  test::TempDir dir;
  Ledger l(dir.path(), true);
  l.put(entry("a", InputState::running));
  EXPECT_TRUE(l.set_state("a", InputState::failed, "guest exited with 1"));
  EXPECT_EQ(l.find("a")->error, "guest exited with 1");
  EXPECT_FALSE(l.set_state("zz", InputState::cancelled));
  EXPECT_TRUE(l.remove("a"));
  EXPECT_FALSE(l.remove("a"));
}

TEST(Ledger, MissingLedgerIsAnErrorWithoutCreate) {
  test::TempDir dir;
  EXPECT_THROW(Ledger(dir.path() / "nowhere", false), LedgerError);
  EXPECT_THROW(Ledger(dir.path(), false), LedgerError);
}

TEST(Ledger, StateNamesRoundTrip) {
  for (InputState s : {InputState::queued, InputState::running, InputState::proved,
                       InputState::failed, InputState::cancelled}) {
    InputState back = InputState::queued;
    ASSERT_TRUE(parse_input_state(input_state_name(s), back));
    EXPECT_EQ(back, s);
  }
  InputState out;
  EXPECT_FALSE(parse_input_state("done", out));
}

TEST(Ledger, OtherConnectionsSeeTheTable) {
  test::TempDir dir;
  Ledger l(dir.path(), true);
  l.put(entry("x", InputState::cancelled));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir.path() / "queue.sqlite").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT state FROM inputs WHERE name = 'x'", -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "cancelled");
  sqlite3_finalize(st);
  // The schema refuses states that do not exist.
  EXPECT_NE(sqlite3_exec(db, "UPDATE inputs SET state = 'bogus'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
}

}  // namespace
}  // namespace zkbatch::runner
