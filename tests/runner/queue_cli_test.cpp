// SPDX-License-Identifier: Apache-2.0
// `zkbatch queue` on a ledger: list (JSON), cancel, retry, clear, and exit 2 for a missing
// ledger, an unknown name or clear while a job holds the directory.
#include <gtest/gtest.h>
#include <sys/file.h>

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "runner/ledger.hpp"
#include "runner_test_util.hpp"

namespace zkbatch::runner {
namespace {

int zkbatch(std::vector<std::string> args) {
  args.insert(args.begin(), "zkbatch");
  std::vector<char*> argv;
  for (std::string& a : args)
    argv.push_back(a.data());
  return cli::run(static_cast<int>(argv.size()), argv.data());
}

class QueueCli : public ::testing::Test {
 protected:
  void SetUp() override {
    Ledger l(out(), true);
    for (auto [name, state] : {std::pair{"a", InputState::proved},
                               {"b", InputState::failed},
                               {"c", InputState::running}}) {
      LedgerEntry e;
      e.name = name;
      e.path = std::string("/in/") + name + ".bin";
      e.input_hash = "00";
      e.key_digest = "11";
      e.state = state;
      l.put(e);
    }
  }
  std::string out() const { return dir_.path().string(); }
  InputState state(const std::string& name) { return Ledger(out(), false).find(name)->state; }
  test::TempDir dir_;
};

TEST_F(QueueCli, ListJson) {
  testing::internal::CaptureStdout();
  EXPECT_EQ(zkbatch({"queue", "list", "--out", out(), "--json"}), 0);
  const auto j = nlohmann::json::parse(testing::internal::GetCapturedStdout());
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[1]["name"], "b");
  EXPECT_EQ(j[1]["state"], "failed");
}

TEST_F(QueueCli, CancelRetryClear) {
  EXPECT_EQ(zkbatch({"queue", "cancel", "--out", out(), "c"}), 0);
  EXPECT_EQ(state("c"), InputState::cancelled);
  // retry without names takes the failed ones only.
  EXPECT_EQ(zkbatch({"queue", "retry", "--out", out()}), 0);
  EXPECT_EQ(state("b"), InputState::queued);
  EXPECT_EQ(state("c"), InputState::cancelled);
  EXPECT_EQ(zkbatch({"queue", "retry", "--out", out(), "c"}), 0);
  EXPECT_EQ(state("c"), InputState::queued);
  EXPECT_EQ(zkbatch({"queue", "clear", "--out", out(), "a"}), 0);
  EXPECT_FALSE(Ledger(out(), false).find("a"));
  EXPECT_EQ(zkbatch({"queue", "clear", "--out", out()}), 0);
  EXPECT_TRUE(Ledger(out(), false).list().empty());
}

TEST_F(QueueCli, BadUsageIsExitTwo) {
  EXPECT_EQ(zkbatch({"queue", "cancel", "--out", out(), "nope"}), 2);
  EXPECT_EQ(zkbatch({"queue", "cancel", "--out", out()}), 2);
  EXPECT_EQ(zkbatch({"queue", "list", "--out", out() + "/missing"}), 2);
  EXPECT_EQ(zkbatch({"queue", "list"}), 2);
  EXPECT_EQ(zkbatch({"queue", "frobnicate", "--out", out()}), 2);
  // clear while a job holds the directory lock.
  std::filesystem::create_directories(dir_.path() / ".zkbatch");
  const int fd = ::open((dir_.path() / ".zkbatch" / "lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  EXPECT_EQ(zkbatch({"queue", "clear", "--out", out()}), 2);
  ::close(fd);
  EXPECT_EQ(Ledger(out(), false).list().size(), 3u);
}

}  // namespace
}  // namespace zkbatch::runner
