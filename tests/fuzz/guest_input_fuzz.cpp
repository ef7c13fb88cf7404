// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the guest-safe guest-input decoder on arbitrary bytes. It must never read out of
// bounds or allocate beyond a small multiple of the input; an accepted input must re-encode to
// exactly the same bytes (the format has one encoding per value), and its error positions must
// lie inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "eth/guest_input.hpp"
#include "witness/guest_input.hpp"

namespace {

zkbatch::witness::ByteVector owned(zkbatch::base::ByteSpan s) {
  return zkbatch::witness::ByteVector(s.begin(), s.end());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace zkbatch;
  witness::GuestInputView v;
  base::Status s = witness::decode_guest_input(base::ByteSpan(data, size), v);
  if (!s) {
    if (s.error().position > size) std::abort();
    return 0;
  }
  witness::GuestInput in;
  in.chain_id = v.chain_id;
  in.number = v.number;
  in.timestamp = v.timestamp;
  in.gas_limit = v.gas_limit;
  in.gas_used = v.gas_used;
  in.blob_gas_used = v.blob_gas_used;
  in.excess_blob_gas = v.excess_blob_gas;
  in.beneficiary = v.beneficiary;
  in.difficulty = v.difficulty;
  in.prev_randao = v.prev_randao;
  in.base_fee = v.base_fee;
  in.parent_beacon_block_root = v.parent_beacon_block_root;
  std::memcpy(in.logs_bloom.data(), v.logs_bloom.data(), 256);
  in.pre_state_root = v.pre_state_root;
  in.block_hash = v.block_hash;
  for (size_t i = 0; i < 256; ++i)
    in.prev_hashes[i] = v.prev_hash(i);
  in.header_rlp = owned(v.header_rlp);
  for (const base::ByteSpan& n : v.trie_nodes)
    in.trie_nodes.push_back(owned(n));
  for (const base::ByteSpan& c : v.codes)
    in.codes.push_back(owned(c));
  for (const base::ByteSpan& t : v.transactions)
    in.transactions.push_back(owned(t));
  for (const witness::GuestWithdrawal& w : v.withdrawals)
    in.withdrawals.push_back(w);
  in.withdrawal_indices_known = (v.flags & witness::kGuestInputWithdrawalIndices) != 0;
  witness::ByteVector again = witness::encode_guest_input(in);
  if (again.size() != size || std::memcmp(again.data(), data, size) != 0) std::abort();
  return 0;
}
