// SPDX-License-Identifier: Apache-2.0
// `zkbatch witness inspect|check` in-process: exit codes (DESIGN.md §7), the figures they print
// against the real headers in ../shared/witnesses, one-line errors with no other output, and guest
// inputs written only when every check matches.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/cli_test_util.hpp"
#include "eth/guest_input.hpp"

namespace {

namespace fs = std::filesystem;

using zkbatch::cli::test::cases;
using zkbatch::cli::test::Outcome;
using zkbatch::cli::test::run_cli;
using zkbatch::cli::test::shared_dir;

nlohmann::json load(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::string temp_path(const std::string& name) {
  fs::path dir = fs::path(testing::TempDir()) / "zkb_witness_cli";
  fs::create_directories(dir);
  return (dir / name).string();
}

std::string write_temp(const std::string& name, const std::string& text) {
  std::string path = temp_path(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(WitnessCli, InspectPrintsTheHeaderFigures) {
  REQUIRE_SHARED();
  Outcome o = run_cli(
      {"witness", "inspect", "--json", cases() + "b28_dev.json", cases() + "b19807080_main.json"});
  ASSERT_EQ(o.code, 0) << o.err;
  nlohmann::json report = nlohmann::json::parse(o.out);
  ASSERT_EQ(report["files"].size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    std::string name = i == 0 ? "b28_dev" : "b19807080_main";
    nlohmann::json header = load(cases() + name + "_header.json")[0];
    const nlohmann::json& block = report["files"][i]["blocks"][0];
    EXPECT_EQ(block["number"].get<uint64_t>(),
              std::stoull(header["number"].get<std::string>(), nullptr, 16));
    EXPECT_EQ(block["hash"], header["hash"]);
    EXPECT_EQ(block["transactions"].get<size_t>(), header["transactions"].size());
    EXPECT_EQ(block["gas_used"].get<uint64_t>(),
              std::stoull(header["gasUsed"].get<std::string>(), nullptr, 16));
    EXPECT_EQ(block["witness_bytes"].get<size_t>() > 0, true);
    EXPECT_GT(block["trie_nodes"].get<size_t>(), 0u);
  }
  // The reference (§4.3) gives b19807080's format: the v0.7.0 fields, code_db absent.
  EXPECT_EQ(report["files"][1]["blocks"][0]["format"], "v0.7.0");
  EXPECT_EQ(report["files"][1]["blocks"][0]["code_db"], "absent");
}

TEST(WitnessCli, InspectTextHasOneRowPerBlock) {
  REQUIRE_SHARED();
  Outcome o = run_cli({"witness", "inspect", cases() + "b4_dev.json"});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_NE(o.out.find("block"), std::string::npos);
  EXPECT_NE(o.out.find("\n4 "), std::string::npos) << o.out;
}

TEST(WitnessCli, CheckMatchesTheRealHeader) {
  REQUIRE_SHARED();
  Outcome o = run_cli({"witness", "check", "--json", cases() + "b28_dev.json", "--header",
                       cases() + "b28_dev_header.json"});
  ASSERT_EQ(o.code, 0) << o.out << o.err;
  nlohmann::json report = nlohmann::json::parse(o.out);
  nlohmann::json header = load(cases() + "b28_dev_header.json")[0];
  EXPECT_TRUE(report["ok"].get<bool>());
  const nlohmann::json& block = report["blocks"][0];
  EXPECT_EQ(block["post_state_root"], header["stateRoot"]);
  EXPECT_EQ(block["transactions_root"], header["transactionsRoot"]);
  EXPECT_EQ(block["receipts_root"], header["receiptsRoot"]);
  EXPECT_TRUE(block["header_checked"].get<bool>());
}

TEST(WitnessCli, CheckWithoutHeaderUsesTheWitnessAlone) {
  REQUIRE_SHARED();
  Outcome o = run_cli({"witness", "check", cases() + "b4_dev.json"});
  EXPECT_EQ(o.code, 0) << o.out << o.err;
  EXPECT_NE(o.out.find("all checks of 1 block(s) match"), std::string::npos) << o.out;
}

TEST(WitnessCli, AWrongHeaderRootIsAMismatchNamedFirst) {
  REQUIRE_SHARED();
  nlohmann::json header = load(cases() + "b28_dev_header.json");
  header[0]["receiptsRoot"] = "0x" + std::string(64, '1');
  std::string path = write_temp("b28_bad_receipts_header.json", header.dump());
  Outcome o = run_cli({"witness", "check", cases() + "b28_dev.json", "--header", path});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("first mismatch: block 28: receipts_root"), std::string::npos) << o.out;
}

TEST(WitnessCli, AHeaderOfAnotherBlockIsBadInput) {
  REQUIRE_SHARED();
  Outcome o = run_cli(
      {"witness", "check", cases() + "b28_dev.json", "--header", cases() + "b4_dev_header.json"});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("block 4 is not in"), std::string::npos) << o.err;
  EXPECT_TRUE(o.out.empty());
}

TEST(WitnessCli, MalformedWitnessGivesOneLineAndNoOutput) {
  REQUIRE_SHARED();
  nlohmann::json witness = load(cases() + "b28_dev.json");
  // Cut the compact blob in the middle of a hash node: truncated, with its byte offset.
  std::string compact = witness[0]["block_trace"]["trie_pre_images"]["combined"]["compact"];
  witness[0]["block_trace"]["trie_pre_images"]["combined"]["compact"] =
      compact.substr(0, 2 + 2 * 20);
  std::string path = write_temp("b28_truncated.json", witness.dump());
  for (const char* command : {"inspect", "check"}) {
    Outcome o = run_cli({"witness", command, path});
    EXPECT_EQ(o.code, 2) << command;
    EXPECT_TRUE(o.out.empty()) << o.out;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    EXPECT_NE(o.err.find(path + ": [0].block_trace.trie_pre_images.combined.compact, byte "),
              std::string::npos)
        << o.err;
    EXPECT_NE(o.err.find("truncated"), std::string::npos) << o.err;
  }
}

TEST(WitnessCli, BadHexAndWrongTypesNameTheJsonPath) {
  REQUIRE_SHARED();
  nlohmann::json witness = load(cases() + "b28_dev.json");
  nlohmann::json bad_hex = witness;
  bad_hex[0]["block_trace"]["txn_info"][0]["meta"]["byte_code"] = "0x02zz";
  Outcome o = run_cli({"witness", "check", write_temp("bad_hex.json", bad_hex.dump())});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("[0].block_trace.txn_info[0].meta.byte_code, character 4"),
            std::string::npos)
      << o.err;

  nlohmann::json bad_type = witness;
  bad_type[0]["block_trace"]["txn_info"][0]["meta"]["gas_used"] = "100";
  o = run_cli({"witness", "inspect", write_temp("bad_type.json", bad_type.dump())});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("[0].block_trace.txn_info[0].meta.gas_used: expected an integer"),
            std::string::npos)
      << o.err;
}

TEST(WitnessCli, MissingFileAndSyntaxErrorsAreBadInput) {
  Outcome o = run_cli({"witness", "inspect", "/nonexistent/witness.json"});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("/nonexistent/witness.json"), std::string::npos);
  std::string path = write_temp("syntax.json", "[{\"block_trace\": }]");
  o = run_cli({"witness", "check", path});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find(path + ": line 1, column 18"), std::string::npos) << o.err;
}

TEST(WitnessCli, WitnessNeedsASubcommand) {
  EXPECT_EQ(run_cli({"witness"}).code, 2);
  EXPECT_EQ(run_cli({"witness", "check"}).code, 2);
}

TEST(WitnessCli, GuestInputsAreWrittenOnlyWhenEverythingMatches) {
  REQUIRE_SHARED();
  std::string dir = temp_path("guest_inputs");
  fs::remove_all(dir);
  Outcome o = run_cli({"witness", "check", cases() + "b28_dev.json", "--header",
                       cases() + "b28_dev_header.json", "--guest-input-dir", dir});
  ASSERT_EQ(o.code, 0) << o.out << o.err;
  std::string file = dir + "/block-28.guest-input";
  std::ifstream in(file, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  zkbatch::eth::GuestInputView view;
  ASSERT_TRUE(
      zkbatch::eth::decode_guest_input(zkbatch::base::ByteSpan(bytes.data(), bytes.size()), view)
          .ok());
  EXPECT_EQ(view.number, 28u);
  EXPECT_EQ(view.transactions.size(), 1u);
  EXPECT_FALSE(view.header_rlp.empty());

  nlohmann::json header = load(cases() + "b28_dev_header.json");
  header[0]["gasUsed"] = "0x1";
  std::string bad_dir = temp_path("guest_inputs_bad");
  fs::remove_all(bad_dir);
  o = run_cli({"witness", "check", cases() + "b28_dev.json", "--header",
               write_temp("b28_bad_gas.json", header.dump()), "--guest-input-dir", bad_dir});
  EXPECT_EQ(o.code, 1);
  EXPECT_FALSE(fs::exists(bad_dir + "/block-28.guest-input"));
}

}  // namespace
