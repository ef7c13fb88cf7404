// SPDX-License-Identifier: Apache-2.0
// Host only. What `zkbatch witness inspect` reports per block: read from the JSON and the
// compact blob's instruction counts, without building or hashing any trie.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "base/bytes.hpp"
#include "witness/block_witness.hpp"

namespace zkbatch::witness {

/// A one-line description of a block's witness.
struct BlockSummary {
  uint64_t number = 0;
  base::Bytes32 hash{};      ///< b_hashes.cur_hash
  size_t transactions = 0;   ///< real transactions (entries with a non-empty byte_code)
  uint64_t gas_used = 0;     ///< b_meta.block_gas_used
  size_t witness_bytes = 0;  ///< size of the compact trie blob
  size_t trie_nodes = 0;     ///< leaf, extension, branch and account-leaf instructions
  size_t hash_nodes = 0;     ///< subtrees the witness gives only by hash
  size_t codes = 0;          ///< distinct codes (CODE instructions and code_db)
  FormatVersion version = FormatVersion::v0_7;
  CodeDbForm code_db_form = CodeDbForm::absent;
  size_t withdrawals = 0;
};

/// Decodes `block`'s compact blob and counts. Throws InputError (naming `file`) when the blob
/// does not decode.
BlockSummary summarize_block(const BlockWitness& block, const std::string& file);

/// "v0.6.0" or "v0.7.0".
const char* format_name(FormatVersion version);
/// "absent", "null", "array" or "map".
const char* code_db_name(CodeDbForm form);

}  // namespace zkbatch::witness
