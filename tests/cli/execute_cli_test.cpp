// SPDX-License-Identifier: Apache-2.0
// `zkbatch execute` in-process: every real witness of ../shared/witnesses executes with every
// receipt, gas figure and state change equal to the witness's and every root equal to its
// header's; the first difference is named with both values (exit 1); bad input is one line on
// stderr and nothing else (exit 2).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/cli_test_util.hpp"

namespace {

namespace fs = std::filesystem;

using zkbatch::cli::test::cases;
using zkbatch::cli::test::Outcome;
using zkbatch::cli::test::run_cli;
using zkbatch::cli::test::shared_dir;

std::string infra() {
  return shared_dir() + "/witnesses/prover_infra/";
}

nlohmann::json load(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::string write_temp(const std::string& name, const std::string& text) {
  fs::path dir = fs::path(testing::TempDir()) / "zkb_execute_cli";
  fs::create_directories(dir);
  std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(nlohmann::json::parse(line));
  return out;
}

void expect_one_line_error(const Outcome& o, const std::string& needle) {
  EXPECT_EQ(o.code, 2) << o.out << o.err;
  EXPECT_TRUE(o.out.empty()) << o.out;
  EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
  EXPECT_NE(o.err.find(needle), std::string::npos) << o.err;
}

TEST(ExecuteCli, EveryWitnessMatchesItsReceiptsStateChangesAndHeader) {
  REQUIRE_SHARED();
  struct Case {
    std::string witness;
    std::string header;
  };
  std::vector<Case> all;
  for (const char* name :
       {"b19807080_main", "b19840104_main", "b2841_dev", "b28_dev", "b4_dev", "b978_dev"}) {
    all.push_back({cases() + name + ".json", cases() + name + "_header.json"});
  }
  for (const char* name : {"1234", "20241214", "20241377", "blake"})
    all.push_back({infra() + name + ".witness.json", ""});
  for (const char* name : {"432.erc721", "512.eoa", "512.erc20"}) {
    all.push_back({infra() + name + ".witness.json", infra() + name + ".block.json"});
  }
  for (const Case& c : all) {
    SCOPED_TRACE(c.witness);
    std::vector<std::string> args = {"execute", "--json", c.witness};
    if (!c.header.empty()) {
      args.push_back("--header");
      args.push_back(c.header);
    }
    Outcome o = run_cli(args);
    ASSERT_EQ(o.code, 0) << o.out << o.err;
    std::vector<nlohmann::json> blocks = json_lines(o.out);
    ASSERT_EQ(blocks.size(), 1u);
    const nlohmann::json& b = blocks[0];
    EXPECT_TRUE(b["ok"].get<bool>());
    EXPECT_EQ(b["transactions_checked"], b["transactions"]);
    EXPECT_EQ(b["header_checked"].get<bool>(), !c.header.empty());
    if (!c.header.empty()) {
      nlohmann::json h = load(c.header);
      if (h.is_array()) h = h[0];
      EXPECT_EQ(b["post_state_root"], h["stateRoot"]);
      EXPECT_EQ(b["transactions_root"], h["transactionsRoot"]);
      EXPECT_EQ(b["receipts_root"], h["receiptsRoot"]);
      EXPECT_EQ(b["hash"], h["hash"]);
    }
  }
}

TEST(ExecuteCli, TextReportShowsRootsGasAndRate) {
  REQUIRE_SHARED();
  Outcome o =
      run_cli({"execute", cases() + "b28_dev.json", "--header", cases() + "b28_dev_header.json"});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_NE(o.out.find("block 28 ok: 1 transactions, gas used 100000, "), std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("tx/s"), std::string::npos);
  EXPECT_NE(o.out.find("post-state root   "
                       "0x1cc97e7468f7cfb76f239d373d9f5124d1055f72e400b6ba865ae4f0aa1abbbf"),
            std::string::npos)
      << o.out;
}

TEST(ExecuteCli, WrongHeaderRootIsAMismatchWithBothValues) {
  REQUIRE_SHARED();
  nlohmann::json header = load(cases() + "b28_dev_header.json");
  std::string real = header[0]["stateRoot"];
  header[0]["stateRoot"] = "0x" + std::string(64, '1');
  std::string path = write_temp("b28_bad_state_root.json", header.dump());
  Outcome o = run_cli({"execute", cases() + "b28_dev.json", "--header", path});
  EXPECT_EQ(o.code, 1) << o.err;
  EXPECT_NE(o.out.find("block 28 MISMATCH"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("state_root differs at " + path + ": [0].stateRoot: expected 0x" +
                       std::string(64, '1') + ", execution gives " + real),
            std::string::npos)
      << o.out;
}

TEST(ExecuteCli, WitnessGasFigureThatDiffersNamesTheTransaction) {
  REQUIRE_SHARED();
  nlohmann::json witness = load(cases() + "b4_dev.json");
  witness[0]["block_trace"]["txn_info"][3]["meta"]["gas_used"] = 12345;
  std::string path = write_temp("b4_bad_gas.json", witness.dump());
  Outcome o = run_cli({"execute", "--json", path});
  EXPECT_EQ(o.code, 1) << o.err;
  std::vector<nlohmann::json> blocks = json_lines(o.out);
  ASSERT_EQ(blocks.size(), 1u);
  const nlohmann::json& m = blocks[0]["mismatch"];
  EXPECT_EQ(m["transaction"], 3);
  EXPECT_EQ(m["field"], "gas_used");
  EXPECT_EQ(m["location"], "[0].block_trace.txn_info[3].meta.gas_used");
  EXPECT_EQ(m["expected"], "12345");
  EXPECT_EQ(m["actual"], "250000");
}

TEST(ExecuteCli, WitnessStateChangeThatDiffersNamesAccountAndField) {
  REQUIRE_SHARED();
  nlohmann::json witness = load(cases() + "b28_dev.json");
  witness[0]["block_trace"]["txn_info"][0]["traces"]["0x3c0273033f6ad2ed3d768bb83b269d4dcf381fd1"]
         ["nonce"] = "0x7";
  std::string path = write_temp("b28_bad_nonce.json", witness.dump());
  Outcome o = run_cli({"execute", path});
  EXPECT_EQ(o.code, 1) << o.err;
  EXPECT_NE(o.out.find("transaction 0 nonce differs at [0].block_trace.txn_info[0].traces["
                       "\"0x3c0273033f6ad2ed3d768bb83b269d4dcf381fd1\"].nonce: expected 7, "
                       "execution gives 1"),
            std::string::npos)
      << o.out;
}

TEST(ExecuteCli, WitnessReceiptThatDiffersIsNamed) {
  REQUIRE_SHARED();
  nlohmann::json witness = load(cases() + "b28_dev.json");
  std::string receipt =
      witness[0]["block_trace"]["txn_info"][0]["meta"]["new_receipt_trie_node_byte"];
  // The status of a legacy receipt: rlp([status, ...]) begins f9 0109, then 0x80 (failed).
  ASSERT_EQ(receipt.substr(0, 10), "0xf9010980");
  receipt[8] = '0';
  receipt[9] = '1';
  witness[0]["block_trace"]["txn_info"][0]["meta"]["new_receipt_trie_node_byte"] = receipt;
  Outcome o = run_cli({"execute", write_temp("b28_bad_receipt.json", witness.dump())});
  EXPECT_EQ(o.code, 1) << o.err;
  EXPECT_NE(o.out.find("transaction 0 receipt differs at "
                       "[0].block_trace.txn_info[0].meta.new_receipt_trie_node_byte"),
            std::string::npos)
      << o.out;
}

TEST(ExecuteCli, TransactionForAnotherChainIsInvalidAtItsIndex) {
  REQUIRE_SHARED();
  nlohmann::json witness = load(cases() + "b19807080_main.json");
  // Transaction 2 is EIP-1559: 0x02, a two-byte list header f9 015c, then chain id 0x01.
  std::string tx = witness[0]["block_trace"]["txn_info"][2]["meta"]["byte_code"];
  ASSERT_EQ(tx.substr(0, 12), "0x02f9015c01");
  tx[11] = '5';
  witness[0]["block_trace"]["txn_info"][2]["meta"]["byte_code"] = tx;
  Outcome o = run_cli({"execute", write_temp("b19807080_chain.json", witness.dump())});
  EXPECT_EQ(o.code, 1) << o.err;
  EXPECT_NE(o.out.find("transaction 2 validity differs at "
                       "[0].block_trace.txn_info[2].meta.byte_code: expected a valid "
                       "transaction, execution gives invalid: "),
            std::string::npos)
      << o.out;
}

TEST(ExecuteCli, ChangedSignatureLeavesTheWitnessWithoutTheSender) {
  REQUIRE_SHARED();
  nlohmann::json witness = load(cases() + "b28_dev.json");
  std::string tx = witness[0]["block_trace"]["txn_info"][0]["meta"]["byte_code"];
  tx[tx.size() - 1] = tx[tx.size() - 1] == '1' ? '2' : '1';  // the last byte of s
  witness[0]["block_trace"]["txn_info"][0]["meta"]["byte_code"] = tx;
  // This v0.6.0 witness repeats the envelope, and the reader insists both copies agree.
  witness[0]["block_trace"]["txn_info"][0]["meta"]["new_txn_trie_node_byte"] = tx;
  std::string path = write_temp("b28_bad_signature.json", witness.dump());
  Outcome o = run_cli({"execute", path});
  // Another sender: an account the witness does not cover, named in one line (exit 2).
  expect_one_line_error(o, path +
                               ": [0].block_trace.txn_info[0].meta.byte_code (transaction 0): "
                               "witness lacks node for account 0x");
}

TEST(ExecuteCli, MalformedTruncatedAndMissingInputsAreOneLine) {
  REQUIRE_SHARED();
  std::string syntax = write_temp("syntax.json", "[{\"block_trace\": }]");
  expect_one_line_error(run_cli({"execute", syntax}), syntax + ": line 1, column 18");

  std::ifstream in(cases() + "b28_dev.json");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string cut = write_temp("cut.json", text.substr(0, text.size() / 2));
  expect_one_line_error(run_cli({"execute", cut}), cut + ": ");

  expect_one_line_error(run_cli({"execute", "/nonexistent/witness.json"}),
                        "/nonexistent/witness.json");
  expect_one_line_error(
      run_cli({"execute", cases() + "b28_dev.json", "--header", "/nonexistent/header.json"}),
      "/nonexistent/header.json");
  expect_one_line_error(
      run_cli({"execute", cases() + "b28_dev.json", "--header", cases() + "b4_dev_header.json"}),
      "block 4 is not in");
}

TEST(ExecuteCli, BadUsageIsExitTwo) {
  EXPECT_EQ(run_cli({"execute"}).code, 2);
  EXPECT_EQ(run_cli({"execute", "a.json", "--no-such-flag"}).code, 2);
}

}  // namespace
