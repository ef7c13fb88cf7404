// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace zkbatch::cli {

/// Exit codes shared by every subcommand (DESIGN.md §7).
enum ExitCode : int {
  kExitOk = 0,        ///< success
  kExitFailed = 1,    ///< a proof or a check failed
  kExitBadInput = 2,  ///< bad usage or bad input
};

/// Parses the command line, runs the chosen subcommand and returns the process exit code.
int run(int argc, char** argv);

}  // namespace zkbatch::cli
