// SPDX-License-Identifier: Apache-2.0
// Registering fixture files as GoogleTest cases at run time (STYLE.md §4.12): each state-test
// file becomes one test, named after its folder and file, so a failure names the file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zkbatch::eth::evm::test {

/// $ZKB_SHARED_DIR/ethereum-tests, when ZKB_SHARED_DIR is set and the folder exists.
std::optional<std::filesystem::path> ethereum_tests_dir();

/// A GoogleTest-safe name: letters, digits and '_' ('+' becomes "_plus_").
std::string test_name(const std::string& text);

/// Case counts per top folder of GeneralStateTests, filled as the registered tests run.
struct FolderCounts {
  size_t files = 0;
  size_t cases = 0;
  size_t passed = 0;
};
std::map<std::string, FolderCounts>& folder_counts();

/// Registers every .json file below GeneralStateTests/<folder> for each of `folders` (all top
/// folders when empty) as the test "GeneralStateTests_<folder>.<path>". Returns the count; when
/// the fixtures are not there (ZKB_SHARED_DIR unset), registers one test that skips and says why.
size_t register_state_tests(const std::vector<std::string>& folders);

/// Registers every .json file below TransactionTests as "TransactionTests.<path>".
size_t register_transaction_tests();

}  // namespace zkbatch::eth::evm::test
