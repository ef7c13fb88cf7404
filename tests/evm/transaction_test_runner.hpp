// SPDX-License-Identifier: Apache-2.0
// The ethereum/tests TransactionTests: for the Cancun results, a transaction is valid when it
// decodes, its signature recovers a sender on chain 1 under EIP-2 and EIP-155, and it meets the
// rules that need no state (tx_validation.hpp); valid ones must give the fixture's sender, hash
// and intrinsic gas.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace zkbatch::eth::evm::test {

/// The results of the Cancun entries of one TransactionTests file.
struct TransactionFileOutcome {
  size_t cases = 0;
  size_t passed = 0;
  std::vector<std::string> failures;
};

/// Loads and checks every test in the file at `path` that has a Cancun result.
TransactionFileOutcome run_transaction_test_file(const std::filesystem::path& path);

}  // namespace zkbatch::eth::evm::test
