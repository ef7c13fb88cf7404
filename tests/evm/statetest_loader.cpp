// SPDX-License-Identifier: Apache-2.0
#include "statetest_loader.hpp"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace zkbatch::eth::evm::test {

namespace {

using nlohmann::json;

uint64_t u64(const json& j) {
  U256 v = u256(j.get<std::string>());
  if (!v.fits_uint64()) throw std::invalid_argument("integer above 64 bits");
  return v.low64();
}

base::Bytes32 bytes32(const json& j) {
  Blob b = from_hex(j.get<std::string>());
  if (b.size() > 32) throw std::invalid_argument("hash longer than 32 bytes");
  base::Bytes32 out{};
  std::memcpy(out.bytes + 32 - b.size(), b.data(), b.size());
  return out;
}

StateTestEnv load_env(const json& j) {
  StateTestEnv env;
  env.coinbase = address(j.at("currentCoinbase").get<std::string>());
  env.number = u64(j.at("currentNumber"));
  env.timestamp = u64(j.at("currentTimestamp"));
  env.gas_limit = u64(j.at("currentGasLimit"));
  if (j.contains("currentRandom")) env.prev_randao = bytes32(j.at("currentRandom"));
  if (j.contains("currentBaseFee")) env.base_fee = u256(j.at("currentBaseFee").get<std::string>());
  if (j.contains("currentExcessBlobGas")) env.excess_blob_gas = u64(j.at("currentExcessBlobGas"));
  return env;
}

TestWorld load_pre(const json& j) {
  TestWorld world;
  for (const auto& [key, value] : j.items()) {
    TestAccount account;
    account.nonce = u64(value.at("nonce"));
    account.balance = u256(value.at("balance").get<std::string>());
    account.code = from_hex(value.at("code").get<std::string>());
    for (const auto& [slot, v] : value.at("storage").items()) {
      U256 stored = u256(v.get<std::string>());
      if (!stored.is_zero()) account.storage[u256(slot)] = stored;
    }
    world[address(key)] = std::move(account);
  }
  return world;
}

}  // namespace

std::vector<StateTest> load_state_tests(const std::filesystem::path& path,
                                        const std::string& fork) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  json root = json::parse(in);
  std::vector<StateTest> tests;
  for (const auto& [name, body] : root.items()) {
    StateTest t;
    t.name = name;
    t.env = load_env(body.at("env"));
    t.pre = load_pre(body.at("pre"));
    const json& tx = body.at("transaction");
    if (tx.contains("sender")) t.sender = address(tx.at("sender").get<std::string>());
    const json& post = body.at("post");
    if (post.contains(fork)) {
      for (const json& entry : post.at(fork)) {
        StateTestCase c;
        c.data_index = entry.at("indexes").at("data").get<size_t>();
        c.gas_index = entry.at("indexes").at("gas").get<size_t>();
        c.value_index = entry.at("indexes").at("value").get<size_t>();
        c.tx_bytes = from_hex(entry.at("txbytes").get<std::string>());
        c.expected_root = bytes32(entry.at("hash"));
        c.expected_logs = bytes32(entry.at("logs"));
        if (entry.contains("expectException"))
          c.expect_exception = entry.at("expectException").get<std::string>();
        t.cases.push_back(std::move(c));
      }
    }
    tests.push_back(std::move(t));
  }
  return tests;
}

}  // namespace zkbatch::eth::evm::test
