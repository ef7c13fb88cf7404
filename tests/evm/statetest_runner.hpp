// SPDX-License-Identifier: Apache-2.0
// Running state tests (STYLE.md §4.12): execute each post entry's transaction on the pre-state
// with the EVM and compare the post-state root and logs hash with the fixture, or check that the
// transaction is rejected where the fixture expects an exception.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "statetest_loader.hpp"

namespace zkbatch::eth::evm::test {

/// The result of one post entry.
struct CaseOutcome {
  bool passed = false;
  /// Why it failed (empty when it passed).
  std::string message;
};

/// Runs one post entry of `test`.
CaseOutcome run_state_test_case(const StateTest& test, const StateTestCase& c);

/// The results of every Cancun post entry in a fixture file.
struct FileOutcome {
  size_t cases = 0;
  size_t passed = 0;
  /// "test[d,g,v]: message" for each failure.
  std::vector<std::string> failures;
};

/// Loads and runs the fixture file at `path`.
FileOutcome run_state_test_file(const std::filesystem::path& path);

}  // namespace zkbatch::eth::evm::test
