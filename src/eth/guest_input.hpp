// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base (plus eth/address.hpp) only.
//
// The binary "guest input" of one block: everything the block validator needs, written by the
// host (src/witness/guest_input.hpp) and read by the guest. Version 1, all integers little-endian:
//
//   offset  size        field
//   0       8           magic "ZKBGUEST"
//   8       4           version = 1
//   12      4           flags: bit 0 header RLP present, bit 1 withdrawals carry index and
//                       validator index (they came from a header); other bits must be 0
//   16      8 x 7       chain id, number, timestamp, gas limit, gas used, blob gas used,
//                       excess blob gas
//   72      20          beneficiary
//   92      32 x 4      difficulty (big-endian), prev_randao, base fee (big-endian),
//                       parent beacon block root
//   220     256         logs bloom
//   476     32          pre-state root (the parent's state root; root of the trie nodes)
//   508     32          block hash
//   540     32 x 256    hashes of blocks n-256 .. n-1 (entry 255 is the parent hash)
//   8732    4 + n       header RLP (length, bytes; length 0 when absent)
//           4 + ...     trie nodes: count, then per node length (4) and bytes
//           4 + ...     codes: count, then per code length and bytes
//           4 + ...     transactions (EIP-2718 envelopes): count, then length and bytes each
//           4 + 44 x n  withdrawals: count, then index (8), validator index (8), address (20),
//                       amount in Gwei (8)
//   end                 nothing may follow
//
// The decoder checks every length against the bytes left before using it and every count
// against the smallest possible size of its items, so no input makes it read out of bounds or
// allocate more than a small multiple of the input's size. Nothing in the input is trusted: the
// guest still hashes every node, code and header it uses.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/vector.hpp"
#include "eth/address.hpp"

namespace zkbatch::eth {

/// The magic bytes that open every guest input.
inline constexpr uint8_t kGuestInputMagic[8] = {'Z', 'K', 'B', 'G', 'U', 'E', 'S', 'T'};
/// The format version this decoder reads and the host writes.
inline constexpr uint32_t kGuestInputVersion = 1;
/// Flag: `header_rlp` holds the block header's RLP.
inline constexpr uint32_t kGuestInputHasHeader = 1u << 0;
/// Flag: withdrawal index and validator index are known (from a header), so the withdrawals
/// root can be computed.
inline constexpr uint32_t kGuestInputWithdrawalIndices = 1u << 1;
/// Size of the fixed part, up to and including the 256 previous block hashes.
inline constexpr size_t kGuestInputFixedSize = 8732;
/// Size of one encoded withdrawal.
inline constexpr size_t kGuestWithdrawalSize = 44;
/// Largest single item (node, code, transaction, header) the decoder accepts: far above any
/// consensus limit (EIP-170 code, 30M-gas calldata), small enough to bound the guest's memory.
inline constexpr uint32_t kGuestInputMaxItem = 16u << 20;

/// One withdrawal (EIP-4895): amounts in Gwei as in the header.
struct GuestWithdrawal {
  uint64_t index = 0;
  uint64_t validator_index = 0;
  eth::Address address{};
  uint64_t amount_gwei = 0;
};

/// A decoded guest input. Byte fields view the input buffer, which must outlive the view.
struct GuestInputView {
  uint32_t version = 0;
  uint32_t flags = 0;
  uint64_t chain_id = 0;
  uint64_t number = 0;
  uint64_t timestamp = 0;
  uint64_t gas_limit = 0;
  uint64_t gas_used = 0;
  uint64_t blob_gas_used = 0;
  uint64_t excess_blob_gas = 0;
  eth::Address beneficiary{};
  base::Bytes32 difficulty{};  ///< big-endian
  base::Bytes32 prev_randao{};
  base::Bytes32 base_fee{};  ///< big-endian
  base::Bytes32 parent_beacon_block_root{};
  base::ByteSpan logs_bloom;  ///< 256 bytes
  base::Bytes32 pre_state_root{};
  base::Bytes32 block_hash{};
  base::ByteSpan prev_hashes;  ///< 256 x 32 bytes; use prev_hash(i)
  base::ByteSpan header_rlp;   ///< empty unless flags has kGuestInputHasHeader
  base::Vector<base::ByteSpan> trie_nodes;
  base::Vector<base::ByteSpan> codes;
  base::Vector<base::ByteSpan> transactions;
  base::Vector<GuestWithdrawal> withdrawals;

  /// The hash of block number - 256 + i (i < 256; entry 255 is the parent).
  base::Bytes32 prev_hash(size_t i) const {
    base::Bytes32 out{};
    memcpy(out.bytes, prev_hashes.data() + 32 * i, 32);
    return out;
  }
};

namespace guest_input_detail {

/// A bounds-checked little-endian reader; every failure carries the offset of the field.
class Reader {
 public:
  explicit Reader(base::ByteSpan input) : in_(input) {}
  size_t position() const { return pos_; }
  size_t remaining() const { return in_.size() - pos_; }

  base::Status take(size_t count, base::ByteSpan* out, const char* what) {
    if (count > remaining()) return base::make_error(base::Errc::truncated, pos_, what);
    *out = in_.subspan(pos_, count);
    pos_ += count;
    return {};
  }
  base::Status u32(uint32_t* out, const char* what) {
    base::ByteSpan b;
    base::Status s = take(4, &b, what);
    if (!s) return s;
    *out = static_cast<uint32_t>(b[0]) | static_cast<uint32_t>(b[1]) << 8 |
           static_cast<uint32_t>(b[2]) << 16 | static_cast<uint32_t>(b[3]) << 24;
    return {};
  }
  base::Status u64(uint64_t* out, const char* what) {
    base::ByteSpan b;
    base::Status s = take(8, &b, what);
    if (!s) return s;
    uint64_t v = 0;
    for (size_t i = 8; i > 0; --i)
      v = (v << 8) | b[i - 1];
    *out = v;
    return {};
  }
  base::Status fixed(uint8_t* out, size_t count, const char* what) {
    base::ByteSpan b;
    base::Status s = take(count, &b, what);
    if (!s) return s;
    memcpy(out, b.data(), count);
    return {};
  }
  // A list of length-prefixed items: each item needs at least 4 bytes, so a count above
  // remaining / 4 cannot be held and is rejected before anything is reserved.
  base::Status items(base::Vector<base::ByteSpan>* out, bool allow_empty, const char* what) {
    size_t at = pos_;
    uint32_t count = 0;
    base::Status s = u32(&count, what);
    if (!s) return s;
    if (count > remaining() / 4) return base::make_error(base::Errc::truncated, at, what);
    out->clear();
    if (!out->reserve(count)) return base::make_error(base::Errc::out_of_memory, at, what);
    for (uint32_t i = 0; i < count; ++i) {
      size_t item_at = pos_;
      uint32_t length = 0;
      s = u32(&length, what);
      if (!s) return s;
      if (length > kGuestInputMaxItem) return base::make_error(base::Errc::overflow, item_at, what);
      if (length == 0 && !allow_empty)
        return base::make_error(base::Errc::malformed, item_at, what);
      base::ByteSpan item;
      s = take(length, &item, what);
      if (!s) return s;
      out->push_back(item);
    }
    return {};
  }

 private:
  base::ByteSpan in_;
  size_t pos_ = 0;
};

}  // namespace guest_input_detail

/// Decodes a version-1 guest input into `out`. Errors (position = byte offset of the field):
/// malformed for a wrong magic, an unknown version or flag, an empty trie node or transaction,
/// a header length that disagrees with the flags, or bytes after the last field; truncated when
/// the input ends inside a field or a count or length announces more than the bytes left can
/// hold (checked before anything is allocated); overflow for an item longer than
/// kGuestInputMaxItem; out_of_memory when the lists cannot be allocated.
inline base::Status decode_guest_input(base::ByteSpan input, GuestInputView& out) {
  using base::Errc;
  using base::make_error;
  guest_input_detail::Reader r(input);
  uint8_t magic[8];
  base::Status s = r.fixed(magic, 8, "magic");
  if (!s) return s;
  if (memcmp(magic, kGuestInputMagic, 8) != 0) return make_error(Errc::malformed, 0, "magic");
  s = r.u32(&out.version, "version");
  if (!s) return s;
  if (out.version != kGuestInputVersion) return make_error(Errc::malformed, 8, "version");
  s = r.u32(&out.flags, "flags");
  if (!s) return s;
  if ((out.flags & ~(kGuestInputHasHeader | kGuestInputWithdrawalIndices)) != 0) {
    return make_error(Errc::malformed, 12, "flags");
  }
  uint64_t* words[] = {&out.chain_id, &out.number,        &out.timestamp,      &out.gas_limit,
                       &out.gas_used, &out.blob_gas_used, &out.excess_blob_gas};
  for (uint64_t* word : words) {
    s = r.u64(word, "block fields");
    if (!s) return s;
  }
  base::Bytes32* hashes[] = {&out.difficulty, &out.prev_randao, &out.base_fee,
                             &out.parent_beacon_block_root};
  if (!(s = r.fixed(out.beneficiary.bytes, 20, "beneficiary"))) return s;
  for (base::Bytes32* h : hashes) {
    if (!(s = r.fixed(h->bytes, 32, "block fields"))) return s;
  }
  if (!(s = r.take(256, &out.logs_bloom, "logs bloom"))) return s;
  if (!(s = r.fixed(out.pre_state_root.bytes, 32, "pre-state root"))) return s;
  if (!(s = r.fixed(out.block_hash.bytes, 32, "block hash"))) return s;
  if (!(s = r.take(256 * 32, &out.prev_hashes, "previous block hashes"))) return s;

  size_t header_at = r.position();
  uint32_t header_size = 0;
  if (!(s = r.u32(&header_size, "header RLP"))) return s;
  if (header_size > kGuestInputMaxItem) return make_error(Errc::overflow, header_at, "header RLP");
  bool has_header = (out.flags & kGuestInputHasHeader) != 0;
  if (has_header != (header_size != 0)) return make_error(Errc::malformed, header_at, "header RLP");
  if (!(s = r.take(header_size, &out.header_rlp, "header RLP"))) return s;

  if (!(s = r.items(&out.trie_nodes, false, "trie nodes"))) return s;
  if (!(s = r.items(&out.codes, true, "codes"))) return s;
  if (!(s = r.items(&out.transactions, false, "transactions"))) return s;

  size_t withdrawals_at = r.position();
  uint32_t count = 0;
  if (!(s = r.u32(&count, "withdrawals"))) return s;
  if (count > r.remaining() / kGuestWithdrawalSize) {
    return make_error(Errc::truncated, withdrawals_at, "withdrawals");
  }
  out.withdrawals.clear();
  if (!out.withdrawals.reserve(count)) return make_error(Errc::out_of_memory, withdrawals_at);
  for (uint32_t i = 0; i < count; ++i) {
    GuestWithdrawal w;
    if (!(s = r.u64(&w.index, "withdrawals"))) return s;
    if (!(s = r.u64(&w.validator_index, "withdrawals"))) return s;
    if (!(s = r.fixed(w.address.bytes, 20, "withdrawals"))) return s;
    if (!(s = r.u64(&w.amount_gwei, "withdrawals"))) return s;
    out.withdrawals.push_back(w);
  }
  if (r.remaining() != 0) return make_error(Errc::malformed, r.position(), "trailing bytes");
  return {};
}

}  // namespace zkbatch::eth
