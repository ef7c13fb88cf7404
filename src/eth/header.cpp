// SPDX-License-Identifier: Apache-2.0
#include "eth/header.hpp"

#include <string.h>

#include "eth/detail/keccak.hpp"
#include "eth/rlp.hpp"

namespace zkbatch::eth {

using base::ByteSpan;
using base::Errc;
using base::make_error;

namespace {

// The number of fields of each layout.
constexpr size_t kFieldCount[] = {15, 16, 17, 20, 21};

}  // namespace

base::Status encode_header(const Header& h, base::Bytes& out) {
  rlp::Encoder e(out);
  size_t list = e.begin_list();
  e.bytes(h.parent_hash.span());
  e.bytes(h.ommers_hash.span());
  e.bytes(h.beneficiary.span());
  e.bytes(h.state_root.span());
  e.bytes(h.transactions_root.span());
  e.bytes(h.receipts_root.span());
  e.bytes(h.logs_bloom.span());
  e.u256(h.difficulty);
  e.uint(h.number);
  e.uint(h.gas_limit);
  e.uint(h.gas_used);
  e.uint(h.timestamp);
  e.bytes(h.extra_data_span());
  e.bytes(h.mix_hash.span());
  e.bytes(ByteSpan(h.nonce, 8));
  if (h.has(HeaderFork::london)) e.u256(h.base_fee_per_gas);
  if (h.has(HeaderFork::shanghai)) e.bytes(h.withdrawals_root.span());
  if (h.has(HeaderFork::cancun)) {
    e.uint(h.blob_gas_used);
    e.uint(h.excess_blob_gas);
  }
  if (h.has(HeaderFork::cancun)) {
    e.bytes(h.parent_beacon_block_root.span());
  }
  if (h.has(HeaderFork::prague)) e.bytes(h.requests_hash.span());
  e.end_list(list);
  return e.status();
}

#define ZKB_TRY(expr)                           \
  do {                                          \
    base::Status zkb_status = (expr);           \
    if (!zkb_status) return zkb_status.error(); \
  } while (0)

#define ZKB_READ(expr, target)                \
  do {                                        \
    auto zkb_field = (expr);                  \
    if (!zkb_field) return zkb_field.error(); \
    target = *zkb_field;                      \
  } while (0)

base::Result<Header> decode_header(ByteSpan encoded) {
  base::Result<rlp::Decoder> fields = rlp::decode_list(encoded);
  if (!fields) return fields.error();
  size_t count = 0;
  for (rlp::Decoder probe = *fields; !probe.empty(); ++count) {
    base::Result<rlp::Item> item = probe.read_item();
    if (!item) return item.error();
  }
  Header h;
  bool known = false;
  for (uint8_t fork = 0; fork < 5; ++fork) {
    if (kFieldCount[fork] == count) {
      h.fork = static_cast<HeaderFork>(fork);
      known = true;
    }
  }
  if (!known) return make_error(Errc::malformed, 0, "header field count is not a known fork's");
  rlp::Decoder& d = *fields;
  ZKB_TRY(d.read_fixed(h.parent_hash.mutable_span()));
  ZKB_TRY(d.read_fixed(h.ommers_hash.mutable_span()));
  ZKB_TRY(d.read_fixed(h.beneficiary.mutable_span()));
  ZKB_TRY(d.read_fixed(h.state_root.mutable_span()));
  ZKB_TRY(d.read_fixed(h.transactions_root.mutable_span()));
  ZKB_TRY(d.read_fixed(h.receipts_root.mutable_span()));
  ZKB_TRY(d.read_fixed(h.logs_bloom.mutable_span()));
  ZKB_READ(d.read_u256(), h.difficulty);
  ZKB_READ(d.read_u64(), h.number);
  ZKB_READ(d.read_u64(), h.gas_limit);
  ZKB_READ(d.read_u64(), h.gas_used);
  ZKB_READ(d.read_u64(), h.timestamp);
  size_t extra_at = d.position();
  base::Result<ByteSpan> extra = d.read_bytes();
  if (!extra) return extra.error();
  if (extra->size() > 32) return make_error(Errc::malformed, extra_at, "extra data over 32 bytes");
  if (!extra->empty()) memcpy(h.extra_data, extra->data(), extra->size());
  h.extra_data_size = static_cast<uint8_t>(extra->size());
  ZKB_TRY(d.read_fixed(h.mix_hash.mutable_span()));
  ZKB_TRY(d.read_fixed(base::MutableByteSpan(h.nonce, 8)));
  if (h.has(HeaderFork::london)) ZKB_READ(d.read_u256(), h.base_fee_per_gas);
  if (h.has(HeaderFork::shanghai)) {
    ZKB_TRY(d.read_fixed(h.withdrawals_root.mutable_span()));
  }
  if (h.has(HeaderFork::cancun)) {
    ZKB_READ(d.read_u64(), h.blob_gas_used);
    ZKB_READ(d.read_u64(), h.excess_blob_gas);
  }
  if (h.has(HeaderFork::cancun)) {
    ZKB_TRY(d.read_fixed(h.parent_beacon_block_root.mutable_span()));
  }
  if (h.has(HeaderFork::prague)) ZKB_TRY(d.read_fixed(h.requests_hash.mutable_span()));
  ZKB_TRY(d.finish());
  return h;
}

#undef ZKB_TRY
#undef ZKB_READ

base::Result<base::Bytes32> block_hash(const Header& header) {
  base::Bytes encoded;
  if (base::Status s = encode_header(header, encoded); !s) return s.error();
  return detail::keccak(encoded.span());
}

}  // namespace zkbatch::eth
