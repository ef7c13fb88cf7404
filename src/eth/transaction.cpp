// SPDX-License-Identifier: Apache-2.0
#include "eth/transaction.hpp"

#include <string.h>

#include "eth/detail/keccak.hpp"
#include "eth/rlp.hpp"

namespace zkbatch::eth {

using base::ByteSpan;
using base::Errc;
using base::make_error;

namespace {

// Field counts of the signed payloads (EIP-155, EIP-2930, EIP-1559, EIP-4844).
constexpr size_t kFieldCount[4] = {9, 11, 12, 14};

// Reads `to`: empty for a contract creation, else exactly 20 bytes.
base::Status read_to(rlp::Decoder& d, Transaction& tx) {
  size_t at = d.position();
  base::Result<ByteSpan> to = d.read_bytes();
  if (!to) return to.error();
  if (to->empty()) {
    tx.has_to = false;
    return {};
  }
  if (to->size() != 20) return make_error(Errc::malformed, at, "transaction to is not 20 bytes");
  tx.has_to = true;
  memcpy(tx.to.bytes, to->data(), 20);
  return {};
}

// Reads an EIP-2930 access list: [[address, [key, ...]], ...].
base::Status read_access_list(rlp::Decoder& d, Transaction& tx) {
  base::Result<rlp::Decoder> list = d.read_list();
  if (!list) return list.error();
  while (!list->empty()) {
    base::Result<rlp::Decoder> entry = list->read_list();
    if (!entry) return entry.error();
    AccessListEntry item;
    size_t at = entry->position();
    if (base::Status s = entry->read_fixed(item.address.mutable_span()); !s) {
      return make_error(s.error().code, at, "access-list address is not 20 bytes");
    }
    base::Result<rlp::Decoder> keys = entry->read_list();
    if (!keys) return keys.error();
    item.first_key = static_cast<uint32_t>(tx.access_list_keys.size());
    while (!keys->empty()) {
      base::Bytes32 key;
      size_t key_at = keys->position();
      if (base::Status s = keys->read_fixed(key.mutable_span()); !s) {
        return make_error(s.error().code, key_at, "access-list storage key is not 32 bytes");
      }
      if (!tx.access_list_keys.push_back(key)) return make_error(Errc::out_of_memory, key_at);
    }
    item.key_count = static_cast<uint32_t>(tx.access_list_keys.size() - item.first_key);
    if (base::Status s = entry->finish(); !s) return s;
    if (!tx.access_list.push_back(item)) return make_error(Errc::out_of_memory, at);
  }
  return {};
}

base::Status read_blob_hashes(rlp::Decoder& d, Transaction& tx) {
  base::Result<rlp::Decoder> list = d.read_list();
  if (!list) return list.error();
  while (!list->empty()) {
    base::Bytes32 hash;
    size_t at = list->position();
    if (base::Status s = list->read_fixed(hash.mutable_span()); !s) {
      return make_error(s.error().code, at, "blob versioned hash is not 32 bytes");
    }
    if (!tx.blob_versioned_hashes.push_back(hash)) return make_error(Errc::out_of_memory, at);
  }
  return {};
}

// Small helpers that read one field into a struct member and pass errors on.
#define ZKB_READ(expr, target)                \
  do {                                        \
    auto zkb_field = (expr);                  \
    if (!zkb_field) return zkb_field.error(); \
    target = *zkb_field;                      \
  } while (0)

#define ZKB_CHECK(expr)                 \
  do {                                  \
    base::Status zkb_status = (expr);   \
    if (!zkb_status) return zkb_status; \
  } while (0)

base::Status read_fields(rlp::Decoder& d, Transaction& tx) {
  const TxType type = tx.type;
  if (type != TxType::legacy) {
    ZKB_READ(d.read_u64(), tx.chain_id);
    tx.has_chain_id = true;
  }
  ZKB_READ(d.read_u64(), tx.nonce);
  if (type == TxType::legacy || type == TxType::access_list) {
    ZKB_READ(d.read_u256(), tx.gas_price);
  } else {
    ZKB_READ(d.read_u256(), tx.max_priority_fee_per_gas);
    ZKB_READ(d.read_u256(), tx.max_fee_per_gas);
  }
  ZKB_READ(d.read_u64(), tx.gas_limit);
  size_t to_at = d.position();
  ZKB_CHECK(read_to(d, tx));
  if (type == TxType::blob && !tx.has_to) {
    return make_error(Errc::malformed, to_at, "blob transaction cannot create a contract");
  }
  ZKB_READ(d.read_u256(), tx.value);
  size_t data_at = d.position();
  base::Result<ByteSpan> data = d.read_bytes();
  if (!data) return data.error();
  if (!base::append(tx.data, *data)) return make_error(Errc::out_of_memory, data_at);
  if (type != TxType::legacy) ZKB_CHECK(read_access_list(d, tx));
  if (type == TxType::blob) {
    ZKB_READ(d.read_u256(), tx.max_fee_per_blob_gas);
    ZKB_CHECK(read_blob_hashes(d, tx));
  }
  size_t v_at = d.position();
  ZKB_READ(d.read_u64(), tx.v);
  if (type == TxType::legacy) {
    // EIP-155: v = chain_id * 2 + 35 + parity; 27 + parity without replay protection.
    if (tx.v == 27 || tx.v == 28) {
      tx.y_parity = static_cast<uint8_t>(tx.v - 27);
    } else if (tx.v >= 35) {
      tx.has_chain_id = true;
      tx.chain_id = (tx.v - 35) / 2;
      tx.y_parity = static_cast<uint8_t>((tx.v - 35) % 2);
    } else {
      return make_error(Errc::malformed, v_at, "legacy v is neither 27/28 nor EIP-155");
    }
  } else {
    if (tx.v > 1) return make_error(Errc::malformed, v_at, "y parity above 1");
    tx.y_parity = static_cast<uint8_t>(tx.v);
  }
  ZKB_READ(d.read_u256(), tx.r);
  ZKB_READ(d.read_u256(), tx.s);
  return {};
}

#undef ZKB_READ
#undef ZKB_CHECK

// Writes the fields of `tx`, with the signature or, for the signing hash, without it (plus
// EIP-155's [chain_id, 0, 0] for legacy).
void write_fields(const Transaction& tx, bool with_signature, rlp::Encoder& e) {
  const TxType type = tx.type;
  if (type != TxType::legacy) e.uint(tx.chain_id);
  e.uint(tx.nonce);
  if (type == TxType::legacy || type == TxType::access_list) {
    e.u256(tx.gas_price);
  } else {
    e.u256(tx.max_priority_fee_per_gas);
    e.u256(tx.max_fee_per_gas);
  }
  e.uint(tx.gas_limit);
  e.bytes(tx.has_to ? tx.to.span() : ByteSpan());
  e.u256(tx.value);
  e.bytes(tx.data.span());
  if (type != TxType::legacy) {
    size_t list = e.begin_list();
    for (const AccessListEntry& entry : tx.access_list) {
      size_t item = e.begin_list();
      e.bytes(entry.address.span());
      size_t keys = e.begin_list();
      for (uint32_t k = 0; k < entry.key_count; ++k) {
        e.bytes(tx.access_list_keys[entry.first_key + k].span());
      }
      e.end_list(keys);
      e.end_list(item);
    }
    e.end_list(list);
  }
  if (type == TxType::blob) {
    e.u256(tx.max_fee_per_blob_gas);
    size_t list = e.begin_list();
    for (const base::Bytes32& hash : tx.blob_versioned_hashes)
      e.bytes(hash.span());
    e.end_list(list);
  }
  if (with_signature) {
    e.uint(tx.v);
    e.u256(tx.r);
    e.u256(tx.s);
  } else if (type == TxType::legacy && tx.has_chain_id) {
    e.uint(tx.chain_id);
    e.uint(0);
    e.uint(0);
  }
}

base::Status encode(const Transaction& tx, bool with_signature, base::Bytes& out) {
  rlp::Encoder e(out);
  if (tx.type != TxType::legacy) {
    uint8_t type = static_cast<uint8_t>(tx.type);
    e.raw(ByteSpan(&type, 1));
  }
  size_t list = e.begin_list();
  write_fields(tx, with_signature, e);
  e.end_list(list);
  return e.status();
}

}  // namespace

base::Result<Transaction> decode_transaction(ByteSpan envelope, base::Arena* arena) {
  if (envelope.empty()) return make_error(Errc::truncated, 0, "empty transaction");
  Transaction tx(arena);
  uint8_t first = envelope[0];
  size_t offset = 0;
  if (first >= 0xc0) {
    tx.type = TxType::legacy;
  } else if (first >= 1 && first <= 3) {
    tx.type = static_cast<TxType>(first);
    offset = 1;
  } else {
    return make_error(Errc::malformed, 0, "unknown transaction type");
  }
  rlp::Decoder outer(envelope.subspan(offset), offset);
  base::Result<rlp::Decoder> fields = outer.read_list();
  if (!fields) return fields.error();
  if (base::Status s = outer.finish(); !s) return s.error();
  // Count the fields first, so that a wrong count is reported as such.
  size_t count = 0;
  for (rlp::Decoder probe = *fields; !probe.empty(); ++count) {
    base::Result<rlp::Item> item = probe.read_item();
    if (!item) return item.error();
  }
  if (count != kFieldCount[static_cast<int>(tx.type)]) {
    return make_error(Errc::malformed, offset,
                      count < kFieldCount[static_cast<int>(tx.type)]
                          ? "transaction has too few fields"
                          : "transaction has too many fields");
  }
  if (base::Status s = read_fields(*fields, tx); !s) return s.error();
  return tx;
}

base::Status encode_transaction(const Transaction& tx, base::Bytes& out) {
  return encode(tx, true, out);
}

base::Bytes32 transaction_hash(ByteSpan envelope) {
  return detail::keccak(envelope);
}

base::Result<base::Bytes32> signing_hash(const Transaction& tx) {
  base::Bytes payload;
  if (base::Status s = encode(tx, false, payload); !s) return s.error();
  return detail::keccak(payload.span());
}

}  // namespace zkbatch::eth
