// SPDX-License-Identifier: Apache-2.0
#include "eth/account.hpp"

#include "eth/rlp.hpp"

namespace zkbatch::eth {

base::Status encode_account(const Account& account, base::Bytes& out) {
  rlp::Encoder e(out);
  size_t list = e.begin_list();
  e.uint(account.nonce);
  e.u256(account.balance);
  e.bytes(account.storage_root.span());
  e.bytes(account.code_hash.span());
  e.end_list(list);
  return e.status();
}

base::Result<Account> decode_account(base::ByteSpan encoded) {
  base::Result<rlp::Decoder> list = rlp::decode_list(encoded);
  if (!list) return list.error();
  Account account;
  base::Result<uint64_t> nonce = list->read_u64();
  if (!nonce) return nonce.error();
  account.nonce = *nonce;
  base::Result<base::U256> balance = list->read_u256();
  if (!balance) return balance.error();
  account.balance = *balance;
  if (base::Status s = list->read_fixed(account.storage_root.mutable_span()); !s) return s.error();
  if (base::Status s = list->read_fixed(account.code_hash.mutable_span()); !s) return s.error();
  if (base::Status s = list->finish(); !s) return s.error();
  return account;
}

base::Status encode_storage_value(const base::U256& value, base::Bytes& out) {
  rlp::Encoder e(out);
  e.u256(value);
  return e.status();
}

base::Result<base::U256> decode_storage_value(base::ByteSpan encoded) {
  rlp::Decoder decoder(encoded);
  base::Result<base::U256> value = decoder.read_u256();
  if (!value) return value;
  if (base::Status s = decoder.finish(); !s) return s.error();
  return value;
}

}  // namespace zkbatch::eth
