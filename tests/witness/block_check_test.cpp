// SPDX-License-Identifier: Apache-2.0
// Replay and block checks (../shared/reference/zk_evm_witness.md §3.3-§3.7) on the real witnesses
// of ../shared/witnesses: every block with a header reproduces its stateRoot, transactionsRoot,
// receiptsRoot and gasUsed (compared here with the header JSON directly, not through the checks);
// mismatches, chain continuity and witnesses that lack nodes are detected.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "compact_writer.hpp"
#include "hash/keccak.hpp"
#include "witness/block_check.hpp"
#include "witness/compact.hpp"
#include "witness/error.hpp"
#include "witness/format.hpp"
#include "witness/replay.hpp"
#include "witness/witness_json.hpp"
#include "witness_test_util.hpp"

namespace zkbatch::witness {
namespace {

using nlohmann::json;

struct Case {
  std::string witness;
  std::string header;
};

std::vector<Case> cases_with_headers(const std::filesystem::path& dir) {
  std::vector<Case> out;
  for (const std::string& name : test::zk_evm_cases()) {
    out.push_back({(dir / "zk_evm_cases" / (name + ".json")).string(),
                   (dir / "zk_evm_cases" / (name + "_header.json")).string()});
  }
  for (const char* name : {"512.eoa", "512.erc20", "432.erc721"}) {
    out.push_back({(dir / "prover_infra" / (std::string(name) + ".witness.json")).string(),
                   (dir / "prover_infra" / (std::string(name) + ".block.json")).string()});
  }
  // The v0.6.0 file of mainnet block 19807080 against that block's header.
  out.push_back({(dir / "prover_infra/1234.witness.json").string(),
                 (dir / "zk_evm_cases/b19807080_main_header.json").string()});
  return out;
}

uint64_t quantity(const json& v) {
  return std::stoull(v.get<std::string>(), nullptr, 16);
}

std::string failures(const BlockReport& r) {
  std::string out;
  for (const CheckResult& c : r.checks) {
    if (!c.ok) out += c.name + ": expected " + c.expected + ", got " + c.actual + "\n";
  }
  return out;
}

TEST(BlockCheck, EveryBlockWithAHeaderReproducesIt) {
  ZKB_REQUIRE_WITNESSES(dir);
  for (const Case& c : cases_with_headers(dir)) {
    CheckOptions options;
    options.headers = read_header_file(c.header);
    std::vector<BlockReport> reports =
        check_blocks(read_witness_file(c.witness), c.witness, options);
    ASSERT_EQ(reports.size(), 1u);
    const BlockReport& r = reports[0];
    EXPECT_TRUE(r.ok()) << c.witness << "\n" << failures(r);
    EXPECT_TRUE(r.header_checked);
    EXPECT_TRUE(r.beacon_root_written);
    json h = test::read_json(c.header);
    if (h.is_array()) h = h[0];
    EXPECT_EQ(to_hex(r.post_state_root), h["stateRoot"]) << c.witness;
    EXPECT_EQ(to_hex(r.transactions_root), h["transactionsRoot"]) << c.witness;
    EXPECT_EQ(to_hex(r.receipts_root), h["receiptsRoot"]) << c.witness;
    EXPECT_EQ(r.gas_used, quantity(h["gasUsed"])) << c.witness;
    EXPECT_EQ(r.transactions, h["transactions"].size()) << c.witness;
    EXPECT_GT(r.checks.size(), 25u);
  }
}

// Without headers: blake and 20241377 check against their own metadata; 20241214 and 20241377
// were fetched with a checkpoint older than the parent (both name checkpoint root 0xb309d5fa...),
// so only their pre-state check can differ, and does.
TEST(BlockCheck, InfraWitnessesWithoutHeaders) {
  ZKB_REQUIRE_WITNESSES(dir);
  std::string blake = (dir / "prover_infra/blake.witness.json").string();
  EXPECT_TRUE(check_blocks(read_witness_file(blake), blake, {})[0].ok());
  for (const char* name : {"20241214", "20241377"}) {
    std::string path = (dir / "prover_infra" / (std::string(name) + ".witness.json")).string();
    BlockReport r = check_blocks(read_witness_file(path), path, {})[0];
    ASSERT_NE(r.first_failure(), nullptr);
    EXPECT_EQ(r.first_failure()->name, "pre_state_root");
    EXPECT_EQ(r.first_failure()->expected,
              "0xb309d5fa1c73db03b77ba559f81c2fc94f9461da5dd9cf8241f383d7a2ac96e9");
    size_t failed = 0;
    for (const CheckResult& c : r.checks)
      failed += c.ok ? 0 : 1;
    EXPECT_EQ(failed, 1u) << failures(r);
  }
}

// Changing one recorded state change, one gas figure or one header field is caught.
TEST(BlockCheck, TamperingIsAMismatch) {
  ZKB_REQUIRE_WITNESSES(dir);
  std::string file = (dir / "zk_evm_cases/b28_dev.json").string();
  CheckOptions options;
  options.headers = read_header_file((dir / "zk_evm_cases/b28_dev_header.json").string());

  std::vector<BlockWitness> blocks = read_witness_file(file);
  for (AccountTrace& t : blocks[0].txns[0].traces) {
    if (t.trace.balance) t.trace.balance = base::add(*t.trace.balance, base::U256(1));
  }
  BlockReport r = check_blocks(blocks, file, options)[0];
  ASSERT_NE(r.first_failure(), nullptr);
  EXPECT_EQ(r.first_failure()->name, "state_root");

  blocks = read_witness_file(file);
  blocks[0].txns[0].gas_used += 1;
  r = check_blocks(blocks, file, options)[0];
  ASSERT_NE(r.first_failure(), nullptr);
  EXPECT_EQ(r.first_failure()->name, "gas_used.b_meta");

  blocks = read_witness_file(file);
  blocks[0].meta.gas_limit += 1;
  r = check_blocks(blocks, file, options)[0];
  ASSERT_NE(r.first_failure(), nullptr);
  EXPECT_EQ(r.first_failure()->name, "b_meta.block_gaslimit");

  // A different timestamp moves the EIP-4788 slots into subtrees the witness hides: the block
  // cannot be replayed, which is bad input naming the system write.
  blocks = read_witness_file(file);
  blocks[0].meta.timestamp += 1;
  ZKB_EXPECT_THROW_WITH(check_blocks(blocks, file, options), InputError,
                        "[0].other_data.b_data.b_meta.block_timestamp (EIP-4788 write to slot");
}

// A write to an account the witness hides behind a hash node cannot be replayed: bad input that
// names the transaction and the account.
TEST(BlockCheck, AWriteBehindAHashNodeIsBadInput) {
  ZKB_REQUIRE_WITNESSES(dir);
  std::string file = (dir / "zk_evm_cases/b19807080_main.json").string();
  std::vector<BlockWitness> blocks = read_witness_file(file);
  AccountTrace extra;
  for (auto& b : extra.address.bytes)
    b = 0x77;
  extra.trace.balance = base::U256(5);
  blocks[0].txns[2].traces.push_back(extra);
  ZKB_EXPECT_THROW_WITH(
      check_blocks(blocks, file, {}), InputError,
      "[0].block_trace.txn_info[2].traces[\"0x7777777777777777777777777777777777777777\"]: "
      "cannot update the account");
}

TEST(BlockCheck, BadTransactionOrReceiptBytesAreBadInput) {
  ZKB_REQUIRE_WITNESSES(dir);
  std::string file = (dir / "zk_evm_cases/b4_dev.json").string();
  std::vector<BlockWitness> blocks = read_witness_file(file);
  blocks[0].txns[3].byte_code = {0x05, 0xc0};
  ZKB_EXPECT_THROW_WITH(check_blocks(blocks, file, {}), InputError,
                        "[0].block_trace.txn_info[3].meta.byte_code, byte ");
  blocks = read_witness_file(file);
  blocks[0].txns[1].receipt.pop_back();
  ZKB_EXPECT_THROW_WITH(check_blocks(blocks, file, {}), InputError,
                        "[0].block_trace.txn_info[1].meta.new_receipt_trie_node_byte, byte ");
}

// §3.7 item 8 on a file of two consecutive blocks: the second block's compact blob is the first
// block's post-state, written by the test's compact writer; the hashes shift by one.
TEST(BlockCheck, ChainContinuityAcrossBlocksOfOneFile) {
  ZKB_REQUIRE_WITNESSES(dir);
  std::string file = (dir / "zk_evm_cases/b19840104_main.json").string();
  BlockWitness a = read_witness_file(file)[0];
  PreState post = build_pre_state(decode_compact(test::view(a.compact)));
  ReplayResult ra = replay_block(a, post, file);
  base::Result<base::Bytes32> root = post.state.root_hash();  // the tries now hold the post-state
  ASSERT_TRUE(root.ok());
  ASSERT_EQ(*root, ra.post_state_root);

  BlockWitness b = a;
  b.json_path = "[1]";
  b.compact = test::compact_from_nodes(ra.post_state_root, test::nodes_of(post), post.codes);
  b.meta.number = a.meta.number + 1;
  b.meta.gas_used = 0;
  b.withdrawals.clear();
  b.txns.clear();
  for (size_t i = 0; i < 255; ++i)
    b.hashes.prev_hashes[i] = a.hashes.prev_hashes[i + 1];
  b.hashes.prev_hashes[255] = a.hashes.cur_hash;
  b.hashes.cur_hash = hash::keccak256(base::bytes_of("block b"));

  std::vector<BlockReport> reports = check_blocks({a, b}, "chain.json", {});
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_TRUE(reports[0].ok()) << failures(reports[0]);
  EXPECT_TRUE(reports[1].ok()) << failures(reports[1]);
  EXPECT_EQ(reports[1].pre_state_root, reports[0].post_state_root);

  BlockWitness gap = b;
  gap.meta.number += 1;
  EXPECT_EQ(check_blocks({a, gap}, "chain.json", {})[1].first_failure()->name, "chain.number");
  BlockWitness fork = b;
  fork.hashes.prev_hashes[255].bytes[0] ^= 1;
  EXPECT_EQ(check_blocks({a, fork}, "chain.json", {})[1].first_failure()->name,
            "chain.parent_hash");
  BlockWitness stale = b;
  stale.compact = a.compact;  // the pre-state of block a again
  EXPECT_EQ(check_blocks({a, stale}, "chain.json", {})[1].first_failure()->name, "pre_state_root");
}

// --parent-header: the parent's stateRoot replaces the checkpoint root as the reference.
TEST(BlockCheck, ParentHeaderIsTheReferenceForThePreState) {
  ZKB_REQUIRE_WITNESSES(dir);
  std::string file = (dir / "zk_evm_cases/b28_dev.json").string();
  std::vector<BlockWitness> blocks = read_witness_file(file);
  HeaderJson parent = read_header_file((dir / "zk_evm_cases/b4_dev_header.json").string())[0];
  parent.header.number = 27;
  parent.header.state_root = blocks[0].checkpoint_state_trie_root;
  base::Result<base::Bytes32> hash = eth::block_hash(parent.header);
  ASSERT_TRUE(hash.ok());
  parent.hash = *hash;
  blocks[0].hashes.prev_hashes[255] = *hash;
  CheckOptions options;
  options.parent_header = parent;
  BlockReport r = check_blocks(blocks, file, options)[0];
  EXPECT_TRUE(r.ok()) << failures(r);

  options.parent_header->header.state_root.bytes[31] ^= 1;
  r = check_blocks(blocks, file, options)[0];
  ASSERT_NE(r.first_failure(), nullptr);
  EXPECT_EQ(r.first_failure()->name, "pre_state_root");
}

TEST(BlockCheck, HeadersMustMatchABlock) {
  ZKB_REQUIRE_WITNESSES(dir);
  std::string file = (dir / "zk_evm_cases/b28_dev.json").string();
  CheckOptions options;
  options.headers = read_header_file((dir / "zk_evm_cases/b4_dev_header.json").string());
  ZKB_EXPECT_THROW_WITH(check_blocks(read_witness_file(file), file, options), InputError,
                        "block 4 is not in");
}

}  // namespace
}  // namespace zkbatch::witness
