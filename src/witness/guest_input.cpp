// SPDX-License-Identifier: Apache-2.0
#include "witness/guest_input.hpp"

#include <cstring>
#include <set>
#include <stdexcept>
#include <string>

#include "hash/keccak.hpp"
#include "witness/error.hpp"

namespace zkbatch::witness {

namespace {

class Writer {
 public:
  explicit Writer(ByteVector& out) : out_(out) {}
  void raw(const uint8_t* data, size_t size) {
    if (size == 0) return;
    size_t at = out_.size();
    out_.resize(at + size);
    std::memcpy(out_.data() + at, data, size);
  }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i)
      out_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i)
      out_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void length(size_t size, const char* what) {
    if (size > kGuestInputMaxItem) {
      throw std::length_error(std::string("guest input: ") + what + " of " + std::to_string(size) +
                              " bytes exceeds the format's limit");
    }
    u32(static_cast<uint32_t>(size));
  }
  void items(const std::vector<ByteVector>& list, const char* what) {
    if (list.size() > UINT32_MAX)
      throw std::length_error(std::string("guest input: too many ") + what);
    u32(static_cast<uint32_t>(list.size()));
    for (const ByteVector& item : list) {
      length(item.size(), what);
      raw(item.data(), item.size());
    }
  }

 private:
  ByteVector& out_;
};

// Appends the nodes `trie` exports, skipping those already seen (storage tries of different
// accounts can share nodes).
void export_trie(eth::Trie& trie,
                 std::set<base::Bytes32, Bytes32Less>& seen,
                 std::vector<ByteVector>& out) {
  base::Vector<base::Bytes> nodes;
  base::Status status = trie.export_nodes(nodes);
  if (!status) throw std::runtime_error("exporting trie nodes: " + describe(status.error()));
  for (const base::Bytes& node : nodes) {
    base::Bytes32 h = hash::keccak256(node.span());
    if (seen.insert(h).second) out.emplace_back(node.begin(), node.end());
  }
}

}  // namespace

ByteVector encode_guest_input(const GuestInput& in) {
  ByteVector out;
  size_t estimate = kGuestInputFixedSize + in.header_rlp.size() + 16;
  for (const auto& list : {&in.trie_nodes, &in.codes, &in.transactions}) {
    for (const ByteVector& item : *list)
      estimate += 4 + item.size();
  }
  out.reserve(estimate + in.withdrawals.size() * kGuestWithdrawalSize);
  Writer w(out);
  w.raw(kGuestInputMagic, 8);
  w.u32(kGuestInputVersion);
  uint32_t flags = 0;
  if (!in.header_rlp.empty()) flags |= kGuestInputHasHeader;
  if (in.withdrawal_indices_known) flags |= kGuestInputWithdrawalIndices;
  w.u32(flags);
  for (uint64_t v : {in.chain_id, in.number, in.timestamp, in.gas_limit, in.gas_used,
                     in.blob_gas_used, in.excess_blob_gas}) {
    w.u64(v);
  }
  w.raw(in.beneficiary.bytes, 20);
  for (const base::Bytes32* h :
       {&in.difficulty, &in.prev_randao, &in.base_fee, &in.parent_beacon_block_root}) {
    w.raw(h->bytes, 32);
  }
  w.raw(in.logs_bloom.data(), 256);
  w.raw(in.pre_state_root.bytes, 32);
  w.raw(in.block_hash.bytes, 32);
  for (const base::Bytes32& h : in.prev_hashes)
    w.raw(h.bytes, 32);
  w.length(in.header_rlp.size(), "header RLP");
  w.raw(in.header_rlp.data(), in.header_rlp.size());
  w.items(in.trie_nodes, "trie nodes");
  w.items(in.codes, "codes");
  w.items(in.transactions, "transactions");
  if (in.withdrawals.size() > UINT32_MAX)
    throw std::length_error("guest input: too many withdrawals");
  w.u32(static_cast<uint32_t>(in.withdrawals.size()));
  for (const GuestWithdrawal& wd : in.withdrawals) {
    w.u64(wd.index);
    w.u64(wd.validator_index);
    w.raw(wd.address.bytes, 20);
    w.u64(wd.amount_gwei);
  }
  return out;
}

GuestInput make_guest_input(const BlockWitness& block, PreState& pre) {
  GuestInput in;
  const BlockMetadata& m = block.meta;
  in.chain_id = m.chain_id;
  in.number = m.number;
  in.timestamp = m.timestamp;
  in.gas_limit = m.gas_limit;
  in.gas_used = m.gas_used;
  in.blob_gas_used = m.blob_gas_used;
  in.excess_blob_gas = m.excess_blob_gas;
  in.beneficiary = m.beneficiary;
  in.difficulty = m.difficulty.to_bytes32();
  in.prev_randao = m.random;
  in.base_fee = m.base_fee.to_bytes32();
  in.parent_beacon_block_root = m.parent_beacon_block_root;
  in.logs_bloom = m.bloom;
  in.pre_state_root = pre.state_root;
  in.block_hash = block.hashes.cur_hash;
  in.prev_hashes = block.hashes.prev_hashes;

  std::set<base::Bytes32, Bytes32Less> seen;
  export_trie(pre.state, seen, in.trie_nodes);
  for (auto& [hashed, trie] : pre.storage)
    export_trie(trie, seen, in.trie_nodes);

  CodeMap codes = pre.codes;
  for (const ByteVector& code : block.code_db) {
    add_code(codes, base::ByteSpan(code.data(), code.size()));
  }
  for (auto& [hash, code] : codes)
    in.codes.push_back(code);

  for (const TxnInfo& txn : block.txns) {
    if (!txn.byte_code.empty()) in.transactions.push_back(txn.byte_code);
  }
  // The witness has no withdrawal index or validator index (reference §1.5): both stay zero
  // until a header provides them.
  for (const WitnessWithdrawal& w : block.withdrawals) {
    GuestWithdrawal g;
    g.address = w.address;
    g.amount_gwei = w.amount_gwei;
    in.withdrawals.push_back(g);
  }
  return in;
}

}  // namespace zkbatch::witness
