// SPDX-License-Identifier: Apache-2.0
// Running the zkbatch command line in-process with its stdout and stderr captured, and finding
// the real witnesses of ../shared (ZKB_SHARED_DIR), for the CLI tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/app.hpp"

namespace zkbatch::cli::test {

/// A command's exit code and what it printed.
struct Outcome {
  int code;
  std::string out;
  std::string err;
};

/// Runs `zkbatch ARGS...` in this process.
inline Outcome run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "zkbatch");
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  const int code = run(static_cast<int>(argv.size()), argv.data());
  std::string out = testing::internal::GetCapturedStdout();
  std::string err = testing::internal::GetCapturedStderr();
  return Outcome{code, out, err};
}

/// ZKB_SHARED_DIR, or "" when unset.
inline std::string shared_dir() {
  const char* dir = std::getenv("ZKB_SHARED_DIR");
  return dir == nullptr ? "" : dir;
}

/// The zk_evm cases folder of the shared witnesses, with a trailing slash.
inline std::string cases() {
  return shared_dir() + "/witnesses/zk_evm_cases/";
}

}  // namespace zkbatch::cli::test

/// Skips the test, saying why, when the shared witnesses are absent.
#define REQUIRE_SHARED()                                                             \
  if (::zkbatch::cli::test::shared_dir().empty() ||                                  \
      !std::filesystem::exists(::zkbatch::cli::test::shared_dir() + "/witnesses")) { \
    GTEST_SKIP() << "ZKB_SHARED_DIR/witnesses not found: real witnesses skipped";    \
  }
