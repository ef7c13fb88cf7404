// SPDX-License-Identifier: Apache-2.0
// The binary guest input (eth/guest_input.hpp): encode → decode gives the same data,
// its trie nodes rebuild the pre-state, and the decoder rejects every truncation, trailing bytes,
// wrong magic, version and flags, and counts or lengths the input cannot hold.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "eth/guest_input.hpp"
#include "eth/mpt.hpp"
#include "hash/keccak.hpp"
#include "witness/block_check.hpp"
#include "witness/guest_input.hpp"
#include "witness/witness_json.hpp"
#include "witness_test_util.hpp"

namespace zkbatch::witness {
namespace {

using test::view;

base::Bytes32 filled(uint8_t v) {
  base::Bytes32 out{};
  std::memset(out.bytes, v, 32);
  return out;
}

// A small input with every field set to something distinct.
GuestInput sample() {
  GuestInput in;
  in.chain_id = 1;
  in.number = 0x0102030405060708ull;
  in.timestamp = 1700000000;
  in.gas_limit = 30000000;
  in.gas_used = 21000;
  in.blob_gas_used = 131072;
  in.excess_blob_gas = 393216;
  std::memset(in.beneficiary.bytes, 0xbe, 20);
  in.difficulty = filled(0x01);
  in.prev_randao = filled(0x02);
  in.base_fee = filled(0x03);
  in.parent_beacon_block_root = filled(0x04);
  in.logs_bloom.fill(0x05);
  in.pre_state_root = filled(0x06);
  in.block_hash = filled(0x07);
  for (size_t i = 0; i < 256; ++i)
    in.prev_hashes[i] = filled(static_cast<uint8_t>(i));
  in.header_rlp = {0xf9, 0x02, 0x00};
  in.trie_nodes = {{0xc2, 0x80, 0x80}, std::vector<uint8_t>(40, 0xaa)};
  in.codes = {{}, {0x60, 0x00}};
  in.transactions = {{0x02, 0xc0}};
  in.withdrawals = {GuestWithdrawal{7, 8, {}, 9}};
  in.withdrawal_indices_known = true;
  return in;
}

void expect_same(const GuestInputView& v, const GuestInput& in) {
  EXPECT_EQ(v.version, kGuestInputVersion);
  EXPECT_EQ(v.chain_id, in.chain_id);
  EXPECT_EQ(v.number, in.number);
  EXPECT_EQ(v.timestamp, in.timestamp);
  EXPECT_EQ(v.gas_limit, in.gas_limit);
  EXPECT_EQ(v.gas_used, in.gas_used);
  EXPECT_EQ(v.blob_gas_used, in.blob_gas_used);
  EXPECT_EQ(v.excess_blob_gas, in.excess_blob_gas);
  EXPECT_EQ(v.beneficiary, in.beneficiary);
  EXPECT_EQ(v.difficulty, in.difficulty);
  EXPECT_EQ(v.prev_randao, in.prev_randao);
  EXPECT_EQ(v.base_fee, in.base_fee);
  EXPECT_EQ(v.parent_beacon_block_root, in.parent_beacon_block_root);
  EXPECT_EQ(std::vector<uint8_t>(v.logs_bloom.begin(), v.logs_bloom.end()),
            std::vector<uint8_t>(in.logs_bloom.begin(), in.logs_bloom.end()));
  EXPECT_EQ(v.pre_state_root, in.pre_state_root);
  EXPECT_EQ(v.block_hash, in.block_hash);
  for (size_t i = 0; i < 256; ++i)
    EXPECT_EQ(v.prev_hash(i), in.prev_hashes[i]);
  EXPECT_EQ(std::vector<uint8_t>(v.header_rlp.begin(), v.header_rlp.end()), in.header_rlp);
  auto same_list = [](const base::Vector<base::ByteSpan>& got,
                      const std::vector<ByteVector>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(std::vector<uint8_t>(got[i].begin(), got[i].end()), want[i]);
    }
  };
  same_list(v.trie_nodes, in.trie_nodes);
  same_list(v.codes, in.codes);
  same_list(v.transactions, in.transactions);
  ASSERT_EQ(v.withdrawals.size(), in.withdrawals.size());
  for (size_t i = 0; i < in.withdrawals.size(); ++i) {
    EXPECT_EQ(v.withdrawals[i].index, in.withdrawals[i].index);
    EXPECT_EQ(v.withdrawals[i].validator_index, in.withdrawals[i].validator_index);
    EXPECT_EQ(v.withdrawals[i].address, in.withdrawals[i].address);
    EXPECT_EQ(v.withdrawals[i].amount_gwei, in.withdrawals[i].amount_gwei);
  }
  EXPECT_EQ((v.flags & kGuestInputHasHeader) != 0, !in.header_rlp.empty());
  EXPECT_EQ((v.flags & kGuestInputWithdrawalIndices) != 0, in.withdrawal_indices_known);
}

TEST(GuestInput, RoundTripOfEveryField) {
  GuestInput in = sample();
  ByteVector bytes = encode_guest_input(in);
  // The layout's fixed part: magic, version, then the little-endian block number at offset 24.
  EXPECT_EQ(std::memcmp(bytes.data(), "ZKBGUEST", 8), 0);
  EXPECT_EQ(bytes[8], 1);
  EXPECT_EQ(bytes[24], 0x08);
  EXPECT_EQ(bytes[31], 0x01);
  GuestInputView view_out;
  ASSERT_TRUE(decode_guest_input(view(bytes), view_out).ok());
  expect_same(view_out, in);
}

TEST(GuestInput, EveryTruncationIsRejected) {
  ByteVector bytes = encode_guest_input(sample());
  for (size_t n = 0; n < bytes.size(); ++n) {
    GuestInputView v;
    base::Status s = decode_guest_input(base::ByteSpan(bytes.data(), n), v);
    ASSERT_FALSE(s.ok()) << "prefix of " << n << " bytes accepted";
    EXPECT_EQ(s.error().code, base::Errc::truncated) << n;
    EXPECT_LE(s.error().position, n);
  }
}

struct Corruption {
  size_t offset;
  uint8_t value;
  base::Errc code;
  size_t position;
};

TEST(GuestInput, CorruptFieldsAreRejectedAtTheirOffset) {
  const ByteVector good = encode_guest_input(sample());
  size_t header_at = kGuestInputFixedSize;
  size_t nodes_at = header_at + 4 + 3;
  const Corruption cases[] = {
      {0, 'X', base::Errc::malformed, 0},                     // magic
      {8, 2, base::Errc::malformed, 8},                       // version
      {12, 0x04, base::Errc::malformed, 12},                  // unknown flag
      {12, 0x02, base::Errc::malformed, header_at},           // header present but flag clear
      {nodes_at + 3, 0xff, base::Errc::truncated, nodes_at},  // node count 0xff000002
      {nodes_at + 4 + 3, 0x01, base::Errc::overflow, nodes_at + 4},  // node length > 16 MiB
      {nodes_at + 4, 0x00, base::Errc::malformed, nodes_at + 4},     // empty trie node
  };
  for (const Corruption& c : cases) {
    ByteVector bytes = good;
    bytes[c.offset] = c.value;
    GuestInputView v;
    base::Status s = decode_guest_input(view(bytes), v);
    ASSERT_FALSE(s.ok()) << c.offset;
    EXPECT_EQ(s.error().code, c.code) << c.offset;
    EXPECT_EQ(s.error().position, c.position) << c.offset;
  }
  ByteVector trailing = good;
  trailing.push_back(0);
  GuestInputView v;
  base::Status s = decode_guest_input(view(trailing), v);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, base::Errc::malformed);
  EXPECT_EQ(s.error().position, good.size());
}

// Counts that claim more items than the bytes left could hold fail before any allocation.
TEST(GuestInput, AbsurdWithdrawalCountIsRejected) {
  GuestInput in = sample();
  in.withdrawals.clear();
  ByteVector bytes = encode_guest_input(in);
  size_t at = bytes.size() - 4;
  for (size_t i = 0; i < 4; ++i)
    bytes[at + i] = 0xff;
  GuestInputView v;
  base::Status s = decode_guest_input(view(bytes), v);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, base::Errc::truncated);
  EXPECT_EQ(s.error().position, at);
}

TEST(GuestInput, EncoderRefusesItemsTheDecoderWouldReject) {
  GuestInput in = sample();
  in.codes.push_back(ByteVector(kGuestInputMaxItem + 1));
  EXPECT_THROW(encode_guest_input(in), std::length_error);
}

// A real block: the guest input round-trips, and its trie nodes rebuild the pre-state trie, whose
// root is the checkpoint root, and from which every account the witness opens can be read.
TEST(GuestInput, RealBlockRoundTripsAndRebuildsThePreState) {
  ZKB_REQUIRE_WITNESSES(dir);
  std::string file = (dir / "zk_evm_cases/b19807080_main.json").string();
  CheckOptions options;
  options.headers = read_header_file((dir / "zk_evm_cases/b19807080_main_header.json").string());
  options.guest_inputs = true;
  std::vector<BlockWitness> blocks = read_witness_file(file);
  std::vector<BlockReport> reports = check_blocks(blocks, file, options);
  ASSERT_TRUE(reports[0].ok());
  const GuestInput& in = *reports[0].guest_input;
  EXPECT_EQ(in.pre_state_root, blocks[0].checkpoint_state_trie_root);
  EXPECT_EQ(in.transactions.size(), 9u);
  EXPECT_EQ(in.withdrawals.size(), 16u);
  EXPECT_TRUE(in.withdrawal_indices_known);
  EXPECT_FALSE(in.header_rlp.empty());
  EXPECT_EQ(hash::keccak256(view(in.header_rlp)), blocks[0].hashes.cur_hash);

  ByteVector bytes = encode_guest_input(in);
  GuestInputView v;
  ASSERT_TRUE(decode_guest_input(view(bytes), v).ok());
  expect_same(v, in);

  eth::NodeSet nodes;
  for (const base::ByteSpan& node : v.trie_nodes)
    ASSERT_TRUE(nodes.add(node).ok());
  base::Result<eth::Trie> trie = eth::Trie::from_nodes(v.pre_state_root, nodes);
  ASSERT_TRUE(trie.ok());
  base::Result<base::Bytes32> root = trie->root_hash();
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(*root, v.pre_state_root);
  // The beacon roots account is in every Cancun witness (the replay wrote to it).
  base::Bytes32 beacon = hash::keccak256(base::ByteSpan(
      reinterpret_cast<const uint8_t*>("\x00\x0f\x3d\xf6\xd7\x32\x80\x7e\xf1\x31\x9f\xb7\xb8\xbb"
                                       "\x85\x22\xd0\xbe\xac\x02"),
      20));
  base::Result<base::ByteSpan> account = trie->get(beacon.span());
  ASSERT_TRUE(account.ok());
  EXPECT_FALSE(account->empty());
  // Every code hash the decoder accepts hashes to a code it carries.
  for (const base::ByteSpan& code : v.codes)
    EXPECT_FALSE(hash::keccak256(code).is_zero());
}

}  // namespace
}  // namespace zkbatch::witness
