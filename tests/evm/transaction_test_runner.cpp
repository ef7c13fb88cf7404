// SPDX-License-Identifier: Apache-2.0
#include "transaction_test_runner.hpp"

#include <exception>
#include <fstream>

#include <nlohmann/json.hpp>

#include "eth/evm/sender.hpp"
#include "eth/evm/tx_validation.hpp"
#include "eth/transaction.hpp"
#include "test_state.hpp"

namespace zkbatch::eth::evm::test {

namespace {

// "" when the transaction is valid for Cancun, else why not.
std::string check_one(const Blob& bytes, const nlohmann::json& expected) {
  const bool expect_invalid = expected.contains("exception");
  auto tx = decode_transaction(view(bytes));
  std::string reason;
  if (!tx.ok()) {
    reason = "decoding failed";
  } else {
    auto recovered = recover_sender(*tx, 1);
    if (!recovered.ok()) return "sender recovery ran out of memory";
    TxError error = recovered->error;
    if (error == TxError::none) error = check_transaction_form(*tx);
    if (error != TxError::none) {
      reason = tx_error_message(error);
    } else if (!expect_invalid) {
      Address want = address(expected.at("sender").get<std::string>());
      if (recovered->sender != want)
        return "sender " + to_hex(recovered->sender) + " != " + to_hex(want);
      base::Bytes32 hash = transaction_hash(view(bytes));
      base::Bytes32 want_hash{};
      Blob h = from_hex(expected.at("hash").get<std::string>());
      std::memcpy(want_hash.bytes, h.data(), 32);
      if (hash != want_hash) return "hash " + to_hex(hash) + " != " + to_hex(want_hash);
      U256 gas = u256(expected.at("intrinsicGas").get<std::string>());
      if (U256(intrinsic_gas(*tx)) != gas)
        return "intrinsic gas " + std::to_string(intrinsic_gas(*tx)) + " != " + to_hex(gas);
      return "";
    }
  }
  if (expect_invalid && !reason.empty()) return "";
  if (expect_invalid) return "accepted, expected " + expected.at("exception").get<std::string>();
  return "rejected: " + reason;
}

}  // namespace

TransactionFileOutcome run_transaction_test_file(const std::filesystem::path& path) {
  TransactionFileOutcome out;
  try {
    std::ifstream in(path);
    nlohmann::json root = nlohmann::json::parse(in);
    for (const auto& [name, body] : root.items()) {
      const nlohmann::json& result = body.at("result");
      if (!result.contains("Cancun")) continue;
      ++out.cases;
      std::string failure =
          check_one(from_hex(body.at("txbytes").get<std::string>()), result.at("Cancun"));
      if (failure.empty()) {
        ++out.passed;
      } else {
        out.failures.push_back(name + ": " + failure);
      }
    }
  } catch (const std::exception& e) {
    out.cases += 1;
    out.failures.push_back(std::string("cannot load: ") + e.what());
  }
  return out;
}

}  // namespace zkbatch::eth::evm::test
