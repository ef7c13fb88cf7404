// SPDX-License-Identifier: Apache-2.0
#include "witness/receipt_bytes.hpp"

#include <cstring>
#include <string>

#include "eth/receipt.hpp"
#include "eth/rlp.hpp"
#include "witness/error.hpp"

namespace zkbatch::witness {

namespace {

// Decodes the consensus encoding with eth::decode_receipt (strict: canonical RLP, EIP-658 status).
void read_consensus(base::ByteSpan value, size_t offset, ReceiptSummary& out) {
  eth::Receipt receipt;
  base::Vector<eth::Log> logs;
  base::Status s = eth::decode_receipt(value, receipt, logs);
  if (!s) throw BlobError(offset + s.error().position, "receipt: " + describe(s.error()));
  out.status = receipt.success;
  out.cumulative_gas_used = receipt.cumulative_gas_used;
  std::memcpy(out.bloom.data(), receipt.logs_bloom.bytes, 256);
  out.logs = logs.size();
}

}  // namespace

ReceiptSummary read_witness_receipt(base::ByteSpan bytes) {
  ReceiptSummary out;
  if (bytes.empty()) throw BlobError(0, "empty receipt");
  if (bytes[0] >= 0xc0) {  // a list: a legacy receipt, used as it is
    out.trie_value = bytes;
    read_consensus(bytes, 0, out);
    return out;
  }
  base::Result<eth::rlp::Item> wrapper = eth::rlp::decode_item(bytes);
  if (!wrapper || wrapper->is_list) {
    throw BlobError(wrapper ? 0 : wrapper.error().position,
                    "receipt is neither an RLP list nor an RLP string wrapping a typed receipt");
  }
  base::ByteSpan inner = wrapper->payload;
  size_t inner_offset = bytes.size() - inner.size();
  if (inner.empty() || inner[0] < 1 || inner[0] > 3) {
    throw BlobError(inner_offset, "typed receipt with a type byte other than 1, 2 or 3");
  }
  out.type = inner[0];
  out.trie_value = inner;
  read_consensus(inner, inner_offset, out);
  return out;
}

}  // namespace zkbatch::witness
