// SPDX-License-Identifier: Apache-2.0
// Real blocks from ../shared/witnesses: header hashes, transaction hashes and roots, receipt
// encodings, blooms and roots, and withdrawals roots must reproduce the values of the headers
// (mainnet, devnet and synthetic load blocks; see witnesses/README.md).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "eth/header.hpp"
#include "eth/mpt.hpp"
#include "eth/receipt.hpp"
#include "eth/rlp.hpp"
#include "eth/transaction.hpp"
#include "eth/withdrawal.hpp"
#include "eth_test_util.hpp"

namespace zkbatch::eth {
namespace {

using base::ByteSpan;
using nlohmann::json;
using test::Blob;
using test::from_hex;
using test::to_hex;
using test::view;

uint64_t quantity(const json& j) {
  return std::stoull(j.get<std::string>(), nullptr, 16);
}

base::U256 big_quantity(const json& j) {
  std::string s = j.get<std::string>();
  auto v = base::U256::from_hex(s.data(), s.size());
  EXPECT_TRUE(v.ok()) << s;
  return *v;
}

template <size_t N>
void fixed(const json& j, uint8_t (&out)[N]) {
  Blob b = from_hex(j.get<std::string>());
  ASSERT_EQ(b.size(), N);
  std::copy(b.begin(), b.end(), out);
}

// A header as eth_getBlockByNumber returns it; the fork follows from the fields present.
Header header_from_json(const json& j) {
  Header h;
  fixed(j["parentHash"], h.parent_hash.bytes);
  fixed(j["sha3Uncles"], h.ommers_hash.bytes);
  fixed(j["miner"], h.beneficiary.bytes);
  fixed(j["stateRoot"], h.state_root.bytes);
  fixed(j["transactionsRoot"], h.transactions_root.bytes);
  fixed(j["receiptsRoot"], h.receipts_root.bytes);
  fixed(j["logsBloom"], h.logs_bloom.bytes);
  h.difficulty = big_quantity(j["difficulty"]);
  h.number = quantity(j["number"]);
  h.gas_limit = quantity(j["gasLimit"]);
  h.gas_used = quantity(j["gasUsed"]);
  h.timestamp = quantity(j["timestamp"]);
  Blob extra = from_hex(j["extraData"].get<std::string>());
  EXPECT_LE(extra.size(), 32u);
  std::copy(extra.begin(), extra.end(), h.extra_data);
  h.extra_data_size = static_cast<uint8_t>(extra.size());
  fixed(j["mixHash"], h.mix_hash.bytes);
  fixed(j["nonce"], h.nonce);
  h.fork = HeaderFork::frontier;
  if (j.contains("baseFeePerGas")) {
    h.fork = HeaderFork::london;
    h.base_fee_per_gas = big_quantity(j["baseFeePerGas"]);
  }
  if (j.contains("withdrawalsRoot")) {
    h.fork = HeaderFork::shanghai;
    fixed(j["withdrawalsRoot"], h.withdrawals_root.bytes);
  }
  if (j.contains("parentBeaconBlockRoot")) {
    h.fork = HeaderFork::cancun;
    h.blob_gas_used = quantity(j["blobGasUsed"]);
    h.excess_blob_gas = quantity(j["excessBlobGas"]);
    fixed(j["parentBeaconBlockRoot"], h.parent_beacon_block_root.bytes);
  }
  if (j.contains("requestsHash")) {
    h.fork = HeaderFork::prague;
    fixed(j["requestsHash"], h.requests_hash.bytes);
  }
  return h;
}

// A transaction object of eth_getBlockByNumber(..., true), as our struct.
Transaction transaction_from_json(const json& j) {
  Transaction tx;
  tx.type = static_cast<TxType>(quantity(j["type"]));
  tx.nonce = quantity(j["nonce"]);
  tx.gas_limit = quantity(j["gas"]);
  tx.value = big_quantity(j["value"]);
  Blob input = from_hex(j["input"].get<std::string>());
  EXPECT_TRUE(base::append(tx.data, view(input)).ok());
  if (!j["to"].is_null()) {
    tx.has_to = true;
    fixed(j["to"], tx.to.bytes);
  }
  tx.v = quantity(j["v"]);
  tx.r = big_quantity(j["r"]);
  tx.s = big_quantity(j["s"]);
  if (tx.type == TxType::legacy || tx.type == TxType::access_list) {
    tx.gas_price = big_quantity(j["gasPrice"]);
  } else {
    tx.max_fee_per_gas = big_quantity(j["maxFeePerGas"]);
    tx.max_priority_fee_per_gas = big_quantity(j["maxPriorityFeePerGas"]);
  }
  if (tx.type != TxType::legacy) {
    tx.chain_id = quantity(j["chainId"]);
    tx.has_chain_id = true;
    for (const json& entry : j["accessList"]) {
      AccessListEntry item;
      fixed(entry["address"], item.address.bytes);
      item.first_key = static_cast<uint32_t>(tx.access_list_keys.size());
      for (const json& key : entry["storageKeys"]) {
        EXPECT_TRUE(tx.access_list_keys.push_back(test::bytes32(key.get<std::string>())));
      }
      item.key_count = static_cast<uint32_t>(tx.access_list_keys.size()) - item.first_key;
      EXPECT_TRUE(tx.access_list.push_back(item));
    }
  }
  if (tx.type == TxType::blob) {
    tx.max_fee_per_blob_gas = big_quantity(j["maxFeePerBlobGas"]);
    for (const json& h : j["blobVersionedHashes"]) {
      EXPECT_TRUE(tx.blob_versioned_hashes.push_back(test::bytes32(h.get<std::string>())));
    }
  }
  return tx;
}

struct BlockCase {
  const char* name;
  const char* witness;
  const char* header;
  bool header_in_array;
  const char* receipts;  // nullptr when absent
};

const BlockCase kCases[] = {
    {"b19807080_main", "zk_evm_cases/b19807080_main.json",
     "zk_evm_cases/b19807080_main_header.json", true, nullptr},
    {"b19840104_main", "zk_evm_cases/b19840104_main.json",
     "zk_evm_cases/b19840104_main_header.json", true, nullptr},
    {"b2841_dev", "zk_evm_cases/b2841_dev.json", "zk_evm_cases/b2841_dev_header.json", true,
     nullptr},
    {"b28_dev", "zk_evm_cases/b28_dev.json", "zk_evm_cases/b28_dev_header.json", true, nullptr},
    {"b4_dev", "zk_evm_cases/b4_dev.json", "zk_evm_cases/b4_dev_header.json", true, nullptr},
    {"b978_dev", "zk_evm_cases/b978_dev.json", "zk_evm_cases/b978_dev_header.json", true, nullptr},
    {"eoa512", "prover_infra/512.eoa.witness.json", "prover_infra/512.eoa.block.json", false,
     "prover_infra/512.eoa.receipts.ndjson"},
    {"erc20_512", "prover_infra/512.erc20.witness.json", "prover_infra/512.erc20.block.json", false,
     "prover_infra/512.erc20.receipts.ndjson"},
    {"erc721_432", "prover_infra/432.erc721.witness.json", "prover_infra/432.erc721.block.json",
     false, "prover_infra/432.erc721.receipts.ndjson"},
};  // the last three have receipts files: RealBlockReceipts runs on kCases[6..9)

// The parsed files of one case, loaded once per test program.
struct LoadedBlock {
  json header;
  std::vector<Blob> txs;
  std::vector<Blob> receipts;
};

std::vector<Blob> witness_field(const json& witness, const char* field) {
  std::vector<Blob> out;
  for (const json& txn : witness[0]["block_trace"]["txn_info"]) {
    out.push_back(from_hex(txn["meta"][field].get<std::string>()));
  }
  return out;
}

const LoadedBlock* load_block(const BlockCase& c) {
  static std::map<std::string, LoadedBlock> cache;
  if (auto it = cache.find(c.name); it != cache.end()) return &it->second;
  auto header_path = test::shared_path(std::string("witnesses/") + c.header);
  auto witness_path = test::shared_path(std::string("witnesses/") + c.witness);
  if (!header_path || !witness_path) return nullptr;
  LoadedBlock block;
  json h = test::load_json(*header_path);
  block.header = c.header_in_array ? h[0] : h;
  json w = test::load_json(*witness_path);
  block.txs = witness_field(w, "byte_code");
  block.receipts = witness_field(w, "new_receipt_trie_node_byte");
  return &cache.emplace(c.name, std::move(block)).first->second;
}

class RealBlock : public ::testing::TestWithParam<BlockCase> {
 protected:
  void SetUp() override {
    block_ = load_block(GetParam());
    if (block_ == nullptr) {
      GTEST_SKIP() << "needs ../shared/witnesses/" << GetParam().witness
                   << " and its header (set ZKB_SHARED_DIR to the shared test-material folder)";
    }
    header_json_ = block_->header;
  }

  std::string expected(const char* field) const { return header_json_[field].get<std::string>(); }

  const LoadedBlock* block_ = nullptr;
  json header_json_;
};

/// The blocks that also come with their receipts as JSON.
class RealBlockReceipts : public RealBlock {};

TEST_P(RealBlock, HeaderHashAndRoundTrip) {
  Header header = header_from_json(header_json_);
  EXPECT_EQ(header.fork, HeaderFork::cancun);
  auto hash = block_hash(header);
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(to_hex(hash->span()), expected("hash"));
  base::Bytes encoded;
  ASSERT_TRUE(encode_header(header, encoded).ok());
  auto decoded = decode_header(encoded.span());
  ASSERT_TRUE(decoded.ok()) << test::describe(decoded.error());
  base::Bytes again;
  ASSERT_TRUE(encode_header(*decoded, again).ok());
  EXPECT_EQ(to_hex(again.span()), to_hex(encoded.span()));
  EXPECT_EQ(decoded->number, quantity(header_json_["number"]));
  EXPECT_EQ(to_hex(decoded->parent_beacon_block_root.span()), expected("parentBeaconBlockRoot"));
}

TEST_P(RealBlock, TransactionHashesAndRoot) {
  const json& listed = header_json_["transactions"];
  ASSERT_EQ(listed.size(), block_->txs.size());
  std::vector<ByteSpan> values;
  for (size_t i = 0; i < block_->txs.size(); ++i) {
    SCOPED_TRACE("transaction " + std::to_string(i));
    auto tx = decode_transaction(view(block_->txs[i]));
    ASSERT_TRUE(tx.ok()) << test::describe(tx.error());
    base::Bytes again;
    ASSERT_TRUE(encode_transaction(*tx, again).ok());
    EXPECT_EQ(to_hex(again.span()), to_hex(view(block_->txs[i])));
    std::string hash = to_hex(transaction_hash(view(block_->txs[i])).span());
    if (listed[i].is_string()) {
      EXPECT_EQ(hash, listed[i].get<std::string>());
    } else {
      // A full transaction object: encoding its fields gives the same envelope and hash.
      EXPECT_EQ(hash, listed[i]["hash"].get<std::string>());
      Transaction from_fields = transaction_from_json(listed[i]);
      base::Bytes encoded;
      ASSERT_TRUE(encode_transaction(from_fields, encoded).ok());
      EXPECT_EQ(to_hex(encoded.span()), to_hex(view(block_->txs[i])));
    }
    values.push_back(view(block_->txs[i]));
  }
  auto root = ordered_trie_root(base::Span<const ByteSpan>(values.data(), values.size()));
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(to_hex(root->span()), expected("transactionsRoot"));
}

// The witness stores a typed receipt wrapped in one more RLP string (reference §3.4); the
// consensus encoding is its payload.
Blob unwrap_receipt(const Blob& stored) {
  if (!stored.empty() && stored[0] >= 0xc0) return stored;
  auto inner = rlp::decode_bytes(view(stored));
  EXPECT_TRUE(inner.ok());
  return test::to_blob(*inner);
}

TEST_P(RealBlock, ReceiptsBloomsAndRoot) {
  std::vector<Blob> encodings;
  Bloom block_bloom{};
  uint64_t last_gas = 0;
  for (size_t i = 0; i < block_->receipts.size(); ++i) {
    SCOPED_TRACE("receipt " + std::to_string(i));
    Blob encoding = unwrap_receipt(block_->receipts[i]);
    Receipt receipt;
    base::Vector<Log> logs;
    base::Status s = decode_receipt(view(encoding), receipt, logs);
    ASSERT_TRUE(s.ok()) << test::describe(s.error());
    EXPECT_EQ(receipt.type, static_cast<TxType>(block_->txs[i][0] >= 0xc0 ? 0 : block_->txs[i][0]));
    EXPECT_TRUE(logs_bloom(receipt.logs) == receipt.logs_bloom);
    EXPECT_GE(receipt.cumulative_gas_used, last_gas);
    last_gas = receipt.cumulative_gas_used;
    base::Bytes again;
    ASSERT_TRUE(encode_receipt(receipt, again).ok());
    EXPECT_EQ(to_hex(again.span()), to_hex(view(encoding)));
    bloom_merge(block_bloom, receipt.logs_bloom);
    encodings.push_back(encoding);
  }
  std::vector<ByteSpan> values;
  for (const Blob& e : encodings)
    values.push_back(view(e));
  auto root = ordered_trie_root(base::Span<const ByteSpan>(values.data(), values.size()));
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(to_hex(root->span()), expected("receiptsRoot"));
  EXPECT_EQ(to_hex(block_bloom.span()), expected("logsBloom"));
  EXPECT_EQ(last_gas, quantity(header_json_["gasUsed"]));
}

// Receipts as eth_getTransactionReceipt returns them (one JSON object per line), encoded from
// their fields.
TEST_P(RealBlockReceipts, JsonReceiptsGiveTheReceiptsRoot) {
  ZKB_REQUIRE_SHARED(path, std::string("witnesses/") + GetParam().receipts);
  std::ifstream in(path);
  std::string line;
  std::vector<Blob> encodings;
  std::vector<Blob> datas;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    json r = json::parse(line);
    Receipt receipt;
    receipt.type = static_cast<TxType>(quantity(r["type"]));
    receipt.success = quantity(r["status"]) == 1;
    receipt.cumulative_gas_used = quantity(r["cumulativeGasUsed"]);
    fixed(r["logsBloom"], receipt.logs_bloom.bytes);
    std::vector<Log> logs;
    std::vector<Blob> data(r["logs"].size());
    for (size_t i = 0; i < r["logs"].size(); ++i) {
      const json& l = r["logs"][i];
      Log log;
      fixed(l["address"], log.address.bytes);
      for (const json& t : l["topics"])
        log.topics[log.topic_count++] = test::bytes32(t.get<std::string>());
      data[i] = from_hex(l["data"].get<std::string>());
      log.data = view(data[i]);
      logs.push_back(log);
    }
    receipt.logs = base::Span<const Log>(logs.data(), logs.size());
    EXPECT_TRUE(logs_bloom(receipt.logs) == receipt.logs_bloom);
    base::Bytes encoded;
    ASSERT_TRUE(encode_receipt(receipt, encoded).ok());
    encodings.push_back(test::to_blob(encoded.span()));
  }
  ASSERT_EQ(encodings.size(), block_->txs.size());
  std::vector<ByteSpan> values;
  for (const Blob& e : encodings)
    values.push_back(view(e));
  auto root = ordered_trie_root(base::Span<const ByteSpan>(values.data(), values.size()));
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(to_hex(root->span()), expected("receiptsRoot"));
}

TEST_P(RealBlock, WithdrawalsRoot) {
  std::vector<Withdrawal> withdrawals;
  for (const json& w : header_json_["withdrawals"]) {
    Withdrawal item;
    item.index = quantity(w["index"]);
    item.validator_index = quantity(w["validatorIndex"]);
    fixed(w["address"], item.address.bytes);
    item.amount_gwei = quantity(w["amount"]);
    base::Bytes encoded;
    ASSERT_TRUE(encode_withdrawal(item, encoded).ok());
    auto back = decode_withdrawal(encoded.span());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->amount_gwei, item.amount_gwei);
    EXPECT_EQ(back->address, item.address);
    withdrawals.push_back(item);
  }
  auto root =
      withdrawals_root(base::Span<const Withdrawal>(withdrawals.data(), withdrawals.size()));
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(to_hex(root->span()), expected("withdrawalsRoot"));
}

std::string case_name(const ::testing::TestParamInfo<BlockCase>& param_info) {
  return param_info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Witnesses, RealBlock, ::testing::ValuesIn(kCases), case_name);
INSTANTIATE_TEST_SUITE_P(Witnesses,
                         RealBlockReceipts,
                         ::testing::ValuesIn(kCases + 6, kCases + 9),
                         case_name);

// Witnesses without a header file (reference README): every transaction and receipt still
// decodes strictly and re-encodes to the same bytes.
TEST(WitnessOnly, TransactionsAndReceiptsRoundTrip) {
  for (const char* file :
       {"prover_infra/20241214.witness.json", "prover_infra/20241377.witness.json",
        "prover_infra/1234.witness.json", "prover_infra/blake.witness.json"}) {
    ZKB_REQUIRE_SHARED(path, std::string("witnesses/") + file);
    SCOPED_TRACE(file);
    json w = test::load_json(path);
    for (const Blob& bytes : witness_field(w, "byte_code")) {
      auto tx = decode_transaction(view(bytes));
      ASSERT_TRUE(tx.ok()) << test::describe(tx.error());
      base::Bytes again;
      ASSERT_TRUE(encode_transaction(*tx, again).ok());
      EXPECT_EQ(to_hex(again.span()), to_hex(view(bytes)));
    }
    for (const Blob& stored : witness_field(w, "new_receipt_trie_node_byte")) {
      Blob encoding = unwrap_receipt(stored);
      Receipt receipt;
      base::Vector<Log> logs;
      ASSERT_TRUE(decode_receipt(view(encoding), receipt, logs).ok());
      EXPECT_TRUE(logs_bloom(receipt.logs) == receipt.logs_bloom);
      base::Bytes again;
      ASSERT_TRUE(encode_receipt(receipt, again).ok());
      EXPECT_EQ(to_hex(again.span()), to_hex(view(encoding)));
    }
  }
}

}  // namespace
}  // namespace zkbatch::eth
