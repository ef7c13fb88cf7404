// SPDX-License-Identifier: Apache-2.0
#include "statetest_registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "statetest_runner.hpp"
#include "transaction_test_runner.hpp"

namespace zkbatch::eth::evm::test {

namespace fs = std::filesystem;

std::optional<fs::path> ethereum_tests_dir() {
  const char* dir = std::getenv("ZKB_SHARED_DIR");
  if (dir == nullptr || *dir == '\0') return std::nullopt;
  fs::path path = fs::path(dir) / "ethereum-tests";
  if (!fs::is_directory(path)) return std::nullopt;
  return path;
}

std::string test_name(const std::string& text) {
  std::string out;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c == '+') {
      out += "_plus_";
    } else {
      out += '_';
    }
  }
  return out;
}

std::map<std::string, FolderCounts>& folder_counts() {
  static std::map<std::string, FolderCounts> counts;
  return counts;
}

namespace {

constexpr size_t kMaxReportedFailures = 10;

// Skips visibly when the fixtures are not there at run time.
class MissingFixtures : public testing::Test {
 public:
  void TestBody() override {
    GTEST_SKIP() << "needs ../shared/ethereum-tests (set ZKB_SHARED_DIR to the shared "
                    "test-material folder)";
  }
};

class NoFixtureFiles : public testing::Test {
 public:
  explicit NoFixtureFiles(std::string folder) : folder_(std::move(folder)) {}
  void TestBody() override { FAIL() << "no fixture files in " << folder_; }

 private:
  std::string folder_;
};

class StateTestFile : public testing::Test {
 public:
  StateTestFile(std::string folder, fs::path relative)
      : folder_(std::move(folder)), relative_(std::move(relative)) {}

  void TestBody() override {
    auto root = ethereum_tests_dir();
    if (!root) GTEST_SKIP() << "set ZKB_SHARED_DIR to the shared test-material folder";
    FileOutcome r = run_state_test_file(*root / "GeneralStateTests" / relative_);
    FolderCounts& counts = folder_counts()[folder_];
    counts.files += 1;
    counts.cases += r.cases;
    counts.passed += r.passed;
    std::ostringstream failures;
    for (size_t i = 0; i < r.failures.size() && i < kMaxReportedFailures; ++i)
      failures << "\n  " << r.failures[i];
    if (r.failures.size() > kMaxReportedFailures)
      failures << "\n  ... and " << r.failures.size() - kMaxReportedFailures << " more";
    EXPECT_EQ(r.passed, r.cases) << relative_.string() << failures.str();
  }

 private:
  std::string folder_;
  fs::path relative_;
};

class TransactionTestFile : public testing::Test {
 public:
  explicit TransactionTestFile(fs::path relative) : relative_(std::move(relative)) {}

  void TestBody() override {
    auto root = ethereum_tests_dir();
    if (!root) GTEST_SKIP() << "set ZKB_SHARED_DIR to the shared test-material folder";
    TransactionFileOutcome r = run_transaction_test_file(*root / "TransactionTests" / relative_);
    std::ostringstream failures;
    for (const std::string& f : r.failures)
      failures << "\n  " << f;
    EXPECT_EQ(r.passed, r.cases) << relative_.string() << failures.str();
  }

 private:
  fs::path relative_;
};

void register_missing() {
  static bool registered = false;
  if (registered) return;
  registered = true;
  testing::RegisterTest("EthereumTests", "fixtures_available", nullptr, nullptr, __FILE__, __LINE__,
                        []() -> testing::Test* { return new MissingFixtures(); });
}

std::vector<fs::path> json_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

size_t register_state_tests(const std::vector<std::string>& folders) {
  auto root = ethereum_tests_dir();
  if (!root) {
    register_missing();
    return 0;
  }
  fs::path base = *root / "GeneralStateTests";
  std::vector<std::string> wanted = folders;
  if (wanted.empty()) {
    for (const auto& entry : fs::directory_iterator(base)) {
      if (entry.is_directory()) wanted.push_back(entry.path().filename().string());
    }
    std::sort(wanted.begin(), wanted.end());
  }
  size_t count = 0;
  for (const std::string& folder : wanted) {
    fs::path top = fs::path(folder).begin()->string();
    std::string suite = "GeneralStateTests_" + test_name(top.string());
    std::vector<fs::path> files = json_files(base / folder);
    if (files.empty()) {
      // A folder that was asked for but holds no fixtures is a broken setup, not a pass.
      std::string missing = (base / folder).string();
      testing::RegisterTest(suite.c_str(), "folder_has_fixtures", nullptr, nullptr, __FILE__,
                            __LINE__,
                            [missing]() -> testing::Test* { return new NoFixtureFiles(missing); });
      continue;
    }
    for (const fs::path& file : files) {
      fs::path relative = fs::relative(file, base);
      fs::path inside = fs::relative(file, base / top);
      std::string name = test_name(inside.replace_extension().string());
      std::string counted = top.string();
      testing::RegisterTest(
          suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
          [counted, relative]() -> testing::Test* { return new StateTestFile(counted, relative); });
      ++count;
    }
  }
  return count;
}

size_t register_transaction_tests() {
  auto root = ethereum_tests_dir();
  if (!root) {
    register_missing();
    return 0;
  }
  fs::path base = *root / "TransactionTests";
  size_t count = 0;
  for (const fs::path& file : json_files(base)) {
    fs::path relative = fs::relative(file, base);
    fs::path named = relative;
    std::string name = test_name(named.replace_extension().string());
    testing::RegisterTest(
        "TransactionTests", name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
        [relative]() -> testing::Test* { return new TransactionTestFile(relative); });
    ++count;
  }
  return count;
}

}  // namespace zkbatch::eth::evm::test
