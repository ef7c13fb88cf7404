// SPDX-License-Identifier: Apache-2.0
// Loading the ethereum/tests GeneralStateTests JSON into typed structs (STYLE.md §4.12): one
// StateTest per named test in a file, with the pre-state, the block environment and, for one
// fork, each post entry (the signed transaction bytes and the expected root and logs hash).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"
#include "test_state.hpp"

namespace zkbatch::eth::evm::test {

/// The `env` object of a state test.
struct StateTestEnv {
  Address coinbase{};
  uint64_t number = 0;
  uint64_t timestamp = 0;
  uint64_t gas_limit = 0;
  base::Bytes32 prev_randao{};
  U256 base_fee;
  uint64_t excess_blob_gas = 0;
};

/// One post entry: the transaction built from the (data, gas, value) indexes, signed, and what it
/// must produce.
struct StateTestCase {
  size_t data_index = 0;
  size_t gas_index = 0;
  size_t value_index = 0;
  Blob tx_bytes;
  base::Bytes32 expected_root{};
  base::Bytes32 expected_logs{};
  /// Non-empty when the transaction must be rejected (e.g. "TransactionException.NONCE_TOO_LOW").
  std::string expect_exception;
};

/// One named test of a fixture file.
struct StateTest {
  std::string name;
  StateTestEnv env;
  TestWorld pre;
  /// The `transaction.sender` the fixture states (checked against the recovered sender).
  Address sender{};
  std::vector<StateTestCase> cases;
};

/// Loads every test of the fixture file at `path`, keeping the post entries of `fork` (tests
/// without any are returned with no cases). Throws on malformed JSON or values.
std::vector<StateTest> load_state_tests(const std::filesystem::path& path,
                                        const std::string& fork = "Cancun");

}  // namespace zkbatch::eth::evm::test
