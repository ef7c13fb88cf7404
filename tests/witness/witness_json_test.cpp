// SPDX-License-Identifier: Apache-2.0
// Reading witness JSON (../shared/reference/zk_evm_witness.md §1): both release formats, every
// code_db form, the trace fields, and bad input rejected with the file, the JSON path and the
// problem.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "hash/keccak.hpp"
#include "witness/error.hpp"
#include "witness/format.hpp"
#include "witness/witness_json.hpp"
#include "witness_test_util.hpp"

namespace zkbatch::witness {
namespace {

using nlohmann::json;

TEST(WitnessJson, EveryRealWitnessParses) {
  ZKB_REQUIRE_WITNESSES(dir);
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    bool witness = name.ends_with(".witness.json") ||
                   (entry.path().parent_path().filename() == "zk_evm_cases" &&
                    !name.ends_with("_header.json"));
    if (!witness) continue;
    std::vector<BlockWitness> blocks = read_witness_file(entry.path().string());
    ASSERT_EQ(blocks.size(), 1u) << name;
    EXPECT_FALSE(blocks[0].compact.empty()) << name;
    ++files;
  }
  EXPECT_EQ(files, 13u);
}

// §4.3 and ../shared/witnesses/README.md: b19807080 (v0.7.0, code_db absent) and infra's
// 1234.witness.json (v0.6.0: no checkpoint_consolidated_hash, new_txn_trie_node_byte) hold the
// same block.
TEST(WitnessJson, BothFormatsOfBlock19807080) {
  ZKB_REQUIRE_WITNESSES(dir);
  BlockWitness v7 = read_witness_file((dir / "zk_evm_cases/b19807080_main.json").string())[0];
  BlockWitness v6 = read_witness_file((dir / "prover_infra/1234.witness.json").string())[0];
  EXPECT_EQ(v7.version, FormatVersion::v0_7);
  EXPECT_TRUE(v7.checkpoint_consolidated_hash.has_value());
  EXPECT_EQ(v7.code_db_form, CodeDbForm::absent);
  EXPECT_EQ(v6.version, FormatVersion::v0_6);
  EXPECT_FALSE(v6.checkpoint_consolidated_hash.has_value());
  ASSERT_EQ(v7.txns.size(), 9u);  // reference §4.3: 9 transactions, 16 withdrawals
  ASSERT_EQ(v6.txns.size(), 9u);
  EXPECT_EQ(v7.withdrawals.size(), 16u);
  for (size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(v7.txns[i].byte_code, v6.txns[i].byte_code);
    EXPECT_EQ(v7.txns[i].receipt, v6.txns[i].receipt);
    EXPECT_EQ(v7.txns[i].gas_used, v6.txns[i].gas_used);
    EXPECT_FALSE(v7.txns[i].new_txn_trie_node_byte.has_value());
    ASSERT_TRUE(v6.txns[i].new_txn_trie_node_byte.has_value());
  }
  EXPECT_EQ(v7.compact, v6.compact);
  EXPECT_EQ(v7.meta.number, 19807080u);
  EXPECT_EQ(v7.meta.chain_id, 1u);
  // Reference §2.2: older mainnet witnesses use header byte 01.
  EXPECT_EQ(v7.compact[0], 0x01);
}

// Reference §1.3's example: in b19807080 the WETH contract writes one balance slot to
// 0x1150ddb8ef9c3976 and deletes the other, and reads its code by hash.
TEST(WitnessJson, TraceFieldsOfTheWethExample) {
  ZKB_REQUIRE_WITNESSES(dir);
  BlockWitness b = read_witness_file((dir / "zk_evm_cases/b19807080_main.json").string())[0];
  const TxnTrace* weth = nullptr;
  for (const AccountTrace& t : b.txns[1].traces) {
    if (to_hex(t.address) == "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2") weth = &t.trace;
  }
  ASSERT_NE(weth, nullptr);
  ASSERT_EQ(weth->storage_written.size(), 2u);
  EXPECT_EQ(weth->storage_read.size(), 2u);
  // Ascending slot order: 0x3532... before 0x6e11...
  EXPECT_EQ(weth->storage_written[0].value, base::U256(0x1150ddb8ef9c3976ull));
  EXPECT_TRUE(weth->storage_written[1].value.is_zero());
  EXPECT_EQ(weth->code_usage.kind, CodeUsage::Kind::read);
  EXPECT_EQ(to_hex(weth->code_usage.read_hash),
            "0xd0a06b12ac47863b5c7be4185c2deaad1c61557033f56c7d4ea74429cbb25e23");
  EXPECT_FALSE(weth->is_pure_access());
  for (size_t i = 1; i < b.txns[1].traces.size(); ++i) {
    EXPECT_TRUE(b.txns[1].traces[i - 1].address < b.txns[1].traces[i].address);
  }
}

TEST(WitnessJson, CodeDbForms) {
  ZKB_REQUIRE_WITNESSES(dir);
  EXPECT_EQ(
      read_witness_file((dir / "prover_infra/20241214.witness.json").string())[0].code_db_form,
      CodeDbForm::null);
  EXPECT_EQ(read_witness_file((dir / "zk_evm_cases/b2841_dev.json").string())[0].code_db_form,
            CodeDbForm::array);

  // v0.6.0's map form: code hash → byte array, checked against the hash.
  json doc = test::read_json(dir / "zk_evm_cases/b28_dev.json");
  std::vector<uint8_t> code = {0x60, 0x01, 0x60, 0x02, 0x01};
  std::string key = to_hex(hash::keccak256(test::view(code)));
  doc[0]["block_trace"]["code_db"] = json::object({{key, code}});
  BlockWitness b = parse_witness_text(doc.dump(), "map.json")[0];
  EXPECT_EQ(b.code_db_form, CodeDbForm::map);
  ASSERT_EQ(b.code_db.size(), 1u);
  EXPECT_EQ(b.code_db[0], code);

  doc[0]["block_trace"]["code_db"] = json::array({code});
  EXPECT_EQ(parse_witness_text(doc.dump(), "set.json")[0].code_db[0], code);

  code.push_back(0x00);
  doc[0]["block_trace"]["code_db"] = json::object({{key, code}});
  ZKB_EXPECT_THROW_WITH(
      parse_witness_text(doc.dump(), "bad.json"), InputError,
      "bad.json: [0].block_trace.code_db[\"" + key + "\"]: code does not hash to its key");
}

// One mutation of a real witness per kind of bad input: the message names the path.
struct Mutation {
  const char* name;
  void (*apply)(json&);
  const char* message;
};

const Mutation kMutations[] = {
    {"not an array", [](json& d) { d = d[0]; },
     "m.json: (top level): expected a JSON array of blocks"},
    {"empty array", [](json& d) { d = json::array(); }, "holds no block"},
    {"missing other_data", [](json& d) { d[0].erase("other_data"); },
     "m.json: [0]: missing field \"other_data\""},
    {"255 prev_hashes",
     [](json& d) { d[0]["other_data"]["b_data"]["b_hashes"]["prev_hashes"].erase(0); },
     "[0].other_data.b_data.b_hashes.prev_hashes: expected 256 hashes, found 255"},
    {"short cur_hash",
     [](json& d) { d[0]["other_data"]["b_data"]["b_hashes"]["cur_hash"] = "0x12"; },
     "[0].other_data.b_data.b_hashes.cur_hash: expected a 32-byte hash"},
    {"number over 64 bits",
     [](json& d) {
       d[0]["other_data"]["b_data"]["b_meta"]["block_number"] = "0x10000000000000000";
     },
     "[0].other_data.b_data.b_meta.block_number: hex quantity exceeds 64 bits"},
    {"7 bloom words",
     [](json& d) { d[0]["other_data"]["b_data"]["b_meta"]["block_bloom"].erase(0); },
     "[0].other_data.b_data.b_meta.block_bloom: expected 8 words"},
    {"bad address key",
     [](json& d) {
       json& traces = d[0]["block_trace"]["txn_info"][0]["traces"];
       traces["0x1234"] = json::object();
     },
     "[0].block_trace.txn_info[0].traces[\"0x1234\"]: expected an address"},
    {"nonce over 64 bits",
     [](json& d) {
       json& traces = d[0]["block_trace"]["txn_info"][0]["traces"];
       traces.begin().value()["nonce"] = "0x10000000000000000";
     },
     "nonce exceeds 2^64 - 1"},
    {"read and write",
     [](json& d) {
       json& traces = d[0]["block_trace"]["txn_info"][0]["traces"];
       traces.begin().value()["code_usage"] = {{"read", "0x" + std::string(64, '0')},
                                               {"write", "0x00"}};
     },
     "code_usage: expected exactly one of \"read\" or \"write\""},
    {"negative gas", [](json& d) { d[0]["block_trace"]["txn_info"][0]["meta"]["gas_used"] = -1; },
     "[0].block_trace.txn_info[0].meta.gas_used: expected a non-negative integer"},
    {"fractional gas",
     [](json& d) { d[0]["block_trace"]["txn_info"][0]["meta"]["gas_used"] = 1.5; },
     "meta.gas_used: expected an integer below 2^64"},
    {"gas beyond 2^64",
     [](json& d) {
       d[0]["block_trace"]["txn_info"][0]["meta"]["gas_used"] = json::parse("18446744073709551616");
     },
     "meta.gas_used: expected an integer below 2^64"},
    {"odd hex", [](json& d) { d[0]["block_trace"]["txn_info"][0]["meta"]["byte_code"] = "0x123"; },
     "[0].block_trace.txn_info[0].meta.byte_code: odd number of hex digits"},
    {"v0.6.0 duplicate differs",
     [](json& d) { d[0]["block_trace"]["txn_info"][0]["meta"]["new_txn_trie_node_byte"] = "0x00"; },
     "meta.new_txn_trie_node_byte: differs from byte_code"},
    {"separate pre-images",
     [](json& d) {
       d[0]["block_trace"]["trie_pre_images"] = {{"separate", json::object()}};
     },
     "[0].block_trace.trie_pre_images: the \"separate\" (native tracer) pre-image form is not "
     "supported"},
    {"code_db byte 256",
     [](json& d) {
       d[0]["block_trace"]["code_db"] = {{1, 256}};
     },
     "[0].block_trace.code_db[0][1]: byte value 256 exceeds 255"},
    {"withdrawal pair", [](json& d) { d[0]["other_data"]["b_data"]["withdrawals"] = {{"0x00"}}; },
     "[0].other_data.b_data.withdrawals[0]: expected [address, amount in Gwei]"},
    {"consolidated hash of 3",
     [](json& d) {
       d[0]["other_data"]["checkpoint_consolidated_hash"] = {1, 2, 3};
     },
     "[0].other_data.checkpoint_consolidated_hash: expected 4 Goldilocks elements"},
    {"string balance type",
     [](json& d) {
       json& traces = d[0]["block_trace"]["txn_info"][0]["traces"];
       traces.begin().value()["balance"] = 5;
     },
     "balance: expected a string, found number"},
};

TEST(WitnessJsonErrors, EachMutationNamesItsPath) {
  ZKB_REQUIRE_WITNESSES(dir);
  const json original = test::read_json(dir / "zk_evm_cases/b28_dev.json");
  for (const Mutation& m : kMutations) {
    json doc = original;
    m.apply(doc);
    ZKB_EXPECT_THROW_WITH(parse_witness_text(doc.dump(), "m.json"), InputError, m.message);
  }
}

TEST(WitnessJsonErrors, SyntaxErrorsGiveLineAndColumn) {
  ZKB_EXPECT_THROW_WITH(parse_witness_text("[\n  {\"a\": 1,,}\n]", "s.json"), InputError,
                        "s.json: line 2, column 11");
  ZKB_EXPECT_THROW_WITH(parse_witness_text("[", "t.json"), InputError, "t.json: line 1");
  // Found by fuzz_witness_json: the parser reports a number beyond a double's range as
  // out_of_range, not as a syntax error.
  ZKB_EXPECT_THROW_WITH(parse_witness_text("[1e1000]", "n.json"), InputError,
                        "n.json: JSON error: ");
  ZKB_EXPECT_THROW_WITH(read_witness_file("/nonexistent/x.json"), InputError,
                        "/nonexistent/x.json: cannot open file");
}

TEST(WitnessJsonErrors, BadHexNamesTheCharacter) {
  ZKB_REQUIRE_WITNESSES(dir);
  json doc = test::read_json(dir / "zk_evm_cases/b28_dev.json");
  doc[0]["block_trace"]["trie_pre_images"]["combined"]["compact"] = "0x00g6";
  ZKB_EXPECT_THROW_WITH(parse_witness_text(doc.dump(), "h.json"), InputError,
                        "h.json: [0].block_trace.trie_pre_images.combined.compact, character 4");
}

}  // namespace
}  // namespace zkbatch::witness
