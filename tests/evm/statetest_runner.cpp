// SPDX-License-Identifier: Apache-2.0
#include "statetest_runner.hpp"

#include <exception>
#include <string>

#include "eth/evm/block_env.hpp"
#include "eth/evm/sender.hpp"
#include "eth/evm/state.hpp"
#include "eth/evm/tx_execution.hpp"
#include "eth/transaction.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::evm::test {

namespace {

// The hashes BLOCKHASH sees in state tests: keccak256 of the block number in decimal, as the
// reference client's test harness defines them (go-ethereum tests/state_test_util.go,
// vmTestBlockHash).
std::vector<base::Bytes32> test_block_hashes(uint64_t number) {
  std::vector<base::Bytes32> hashes;
  for (uint64_t i = 1; i <= 256 && i <= number; ++i) {
    std::string decimal = std::to_string(number - i);
    hashes.push_back(hash::keccak256(
        base::ByteSpan(reinterpret_cast<const uint8_t*>(decimal.data()), decimal.size())));
  }
  return hashes;
}

std::string describe(const State& state, const base::Error& error) {
  char buffer[256];
  state.describe_failure(error, buffer, sizeof(buffer));
  return buffer;
}

CaseOutcome fail(std::string message) {
  return CaseOutcome{false, std::move(message)};
}

}  // namespace

CaseOutcome run_state_test_case(const StateTest& test, const StateTestCase& c) {
  const bool expect_invalid = !c.expect_exception.empty();
  auto decoded = decode_transaction(view(c.tx_bytes));
  if (!decoded.ok()) {
    return expect_invalid
               ? CaseOutcome{true, {}}
               : fail("transaction does not decode: " +
                      std::string(decoded.error().detail ? decoded.error().detail : "malformed"));
  }
  const Transaction& tx = *decoded;

  std::vector<base::Bytes32> hashes = test_block_hashes(test.env.number);
  BlockEnv block;
  block.coinbase = test.env.coinbase;
  block.number = test.env.number;
  block.timestamp = test.env.timestamp;
  block.gas_limit = test.env.gas_limit;
  block.prev_randao = test.env.prev_randao;
  block.base_fee = test.env.base_fee;
  block.excess_blob_gas = test.env.excess_blob_gas;
  block.chain_id = 1;
  block.block_hashes = base::Span<const base::Bytes32>(hashes.data(), hashes.size());

  MapStateSource source;
  source.world = test.pre;
  State state(source);

  auto recovered = recover_sender(tx, block.chain_id);
  if (!recovered.ok()) return fail("sender recovery failed");
  bool rejected = recovered->error != TxError::none;
  std::string reason = rejected ? tx_error_message(recovered->error) : "";
  std::vector<Log> logs;
  if (!rejected) {
    if (recovered->sender != test.sender)
      return fail("recovered sender " + to_hex(recovered->sender) + " != " + to_hex(test.sender));
    auto result = execute_transaction(state, block, tx, recovered->sender, 0, 0);
    if (!result.ok()) return fail("execution stopped: " + describe(state, result.error()));
    rejected = result->error != TxError::none;
    reason = tx_error_message(result->error);
    if (!rejected) logs.assign(result->logs.begin(), result->logs.end());
  }
  if (expect_invalid && !rejected)
    return fail("transaction accepted, expected " + c.expect_exception);
  if (!expect_invalid && rejected) return fail("transaction rejected: " + reason);

  // The harness credits the coinbase with a zero reward after the transaction, which touches it:
  // an empty coinbase disappears even when the transaction was invalid (EIP-161).
  state.begin_transaction();
  auto coinbase = state.account(block.coinbase);
  if (!coinbase.ok()) return fail("coinbase: " + describe(state, coinbase.error()));
  if (!state.touch(*coinbase).ok()) return fail("out of memory");
  state.finish_transaction();

  TestWorld post = test.pre;
  apply_post_state(state, post);
  base::Bytes32 root = state_root(post);
  if (root != c.expected_root)
    return fail("state root " + to_hex(root) + " != expected " + to_hex(c.expected_root));
  base::Bytes32 lh = logs_hash(base::Span<const Log>(logs.data(), logs.size()));
  if (lh != c.expected_logs)
    return fail("logs hash " + to_hex(lh) + " != expected " + to_hex(c.expected_logs));
  return CaseOutcome{true, {}};
}

FileOutcome run_state_test_file(const std::filesystem::path& path) {
  FileOutcome out;
  std::vector<StateTest> tests;
  try {
    tests = load_state_tests(path);
  } catch (const std::exception& e) {
    out.cases = 1;
    out.failures.push_back(std::string("cannot load: ") + e.what());
    return out;
  }
  for (const StateTest& t : tests) {
    for (const StateTestCase& c : t.cases) {
      ++out.cases;
      CaseOutcome r;
      try {
        r = run_state_test_case(t, c);
      } catch (const std::exception& e) {
        r = fail(std::string("exception: ") + e.what());
      }
      if (r.passed) {
        ++out.passed;
      } else {
        out.failures.push_back(t.name + "[d" + std::to_string(c.data_index) + ",g" +
                               std::to_string(c.gas_index) + ",v" + std::to_string(c.value_index) +
                               "]: " + r.message);
      }
    }
  }
  return out;
}

}  // namespace zkbatch::eth::evm::test
