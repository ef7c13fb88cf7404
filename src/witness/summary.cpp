// SPDX-License-Identifier: Apache-2.0
#include "witness/summary.hpp"

#include <set>

#include "hash/keccak.hpp"
#include "witness/compact.hpp"
#include "witness/pre_state.hpp"

namespace zkbatch::witness {

BlockSummary summarize_block(const BlockWitness& block, const std::string& file) {
  BlockSummary s;
  s.number = block.meta.number;
  s.hash = block.hashes.cur_hash;
  for (const TxnInfo& txn : block.txns)
    s.transactions += txn.byte_code.empty() ? 0 : 1;
  s.gas_used = block.meta.gas_used;
  s.witness_bytes = block.compact.size();
  s.version = block.version;
  s.code_db_form = block.code_db_form;
  s.withdrawals = block.withdrawals.size();

  CompactTree tree = decode_block_compact(block, file);
  const CompactStats& st = tree.stats;
  s.trie_nodes = st.leaf + st.extension + st.branch + st.account_leaf;
  s.hash_nodes = st.hash;
  std::set<base::Bytes32, Bytes32Less> codes;
  for (const CompactNode& n : tree.nodes) {
    if (n.kind == CompactNodeKind::code) codes.insert(hash::keccak256(n.data));
  }
  for (const ByteVector& code : block.code_db) {
    codes.insert(hash::keccak256(base::ByteSpan(code.data(), code.size())));
  }
  s.codes = codes.size();
  return s;
}

const char* format_name(FormatVersion version) {
  return version == FormatVersion::v0_6 ? "v0.6.0" : "v0.7.0";
}

const char* code_db_name(CodeDbForm form) {
  switch (form) {
    case CodeDbForm::absent:
      return "absent";
    case CodeDbForm::null:
      return "null";
    case CodeDbForm::array:
      return "array";
    case CodeDbForm::map:
      return "map";
  }
  return "?";
}

}  // namespace zkbatch::witness
