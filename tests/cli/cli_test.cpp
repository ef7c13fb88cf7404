// SPDX-License-Identifier: Apache-2.0
// The command line in-process: version text, exit codes for usage errors, selfcheck output.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/build_info.hpp"
#include "cli/cli_test_util.hpp"

namespace {

using zkbatch::cli::run;

using zkbatch::cli::test::Outcome;
using zkbatch::cli::test::run_cli;

TEST(Cli, VersionNamesEveryBuildFact) {
  Outcome o = run_cli({"--version"});
  EXPECT_EQ(o.code, 0);
  for (const char* key :
       {"zkbatch ", "git commit:", "build type:", "compiler:", "cpu features:", "cuda archs:"}) {
    EXPECT_NE(o.out.find(key), std::string::npos) << key << " missing from:\n" << o.out;
  }
  EXPECT_NE(o.out.find(zkbatch::cli::build_info().version), std::string::npos);
}

TEST(Cli, HelpExitsZero) {
  Outcome o = run_cli({"--help"});
  EXPECT_EQ(o.code, 0);
  EXPECT_NE(o.out.find("--log-format"), std::string::npos);
}

TEST(Cli, UnknownOptionIsBadUsage) {
  EXPECT_EQ(run_cli({"--no-such-option"}).code, 2);
  EXPECT_EQ(run_cli({"no-such-command"}).code, 2);
}

TEST(Cli, BadLogFormatIsBadUsage) {
  EXPECT_EQ(run_cli({"--log-format", "xml", "--version"}).code, 2);
}

TEST(Cli, SelfcheckJsonReportsEveryCheckPassing) {
  Outcome o = run_cli({"selfcheck", "--json", "--seconds", "0.01"});
  ASSERT_EQ(o.code, 0) << o.out;
  nlohmann::json report = nlohmann::json::parse(o.out);
  ASSERT_TRUE(report.contains("checks"));
  ASSERT_GE(report["checks"].size(), 4u);
  for (const auto& check : report["checks"]) {
    EXPECT_TRUE(check["passed"].get<bool>()) << check.dump();
  }
  EXPECT_TRUE(report["passed"].get<bool>());
  for (const auto& m : report["throughput"])
    EXPECT_GT(m["per_second"].get<double>(), 0.0);
}

}  // namespace
