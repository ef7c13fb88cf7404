// SPDX-License-Identifier: Apache-2.0
#include "eth/withdrawal.hpp"

#include "base/vector.hpp"
#include "eth/mpt.hpp"
#include "eth/rlp.hpp"

namespace zkbatch::eth {

using base::ByteSpan;
using base::Errc;
using base::make_error;

base::U256 Withdrawal::amount_wei() const {
  return base::mul(base::U256(amount_gwei), base::U256(1000000000ull));
}

base::Status encode_withdrawal(const Withdrawal& w, base::Bytes& out) {
  rlp::Encoder e(out);
  size_t list = e.begin_list();
  e.uint(w.index);
  e.uint(w.validator_index);
  e.bytes(w.address.span());
  e.uint(w.amount_gwei);
  e.end_list(list);
  return e.status();
}

base::Result<Withdrawal> decode_withdrawal(ByteSpan encoded) {
  base::Result<rlp::Decoder> fields = rlp::decode_list(encoded);
  if (!fields) return fields.error();
  Withdrawal w;
  base::Result<uint64_t> index = fields->read_u64();
  if (!index) return index.error();
  w.index = *index;
  base::Result<uint64_t> validator = fields->read_u64();
  if (!validator) return validator.error();
  w.validator_index = *validator;
  if (base::Status s = fields->read_fixed(w.address.mutable_span()); !s) return s.error();
  base::Result<uint64_t> amount = fields->read_u64();
  if (!amount) return amount.error();
  w.amount_gwei = *amount;
  if (base::Status s = fields->finish(); !s) return s.error();
  return w;
}

base::Result<base::Bytes32> withdrawals_root(base::Span<const Withdrawal> withdrawals) {
  // All encodings in one buffer, then views into it (the buffer no longer moves by then).
  base::Bytes encodings;
  base::Vector<size_t> ends;
  for (const Withdrawal& w : withdrawals) {
    if (base::Status s = encode_withdrawal(w, encodings); !s) return s.error();
    if (!ends.push_back(encodings.size())) return make_error(Errc::out_of_memory);
  }
  base::Vector<ByteSpan> values;
  if (!values.reserve(ends.size())) return make_error(Errc::out_of_memory);
  size_t start = 0;
  for (size_t end : ends) {
    values.push_back(ByteSpan(encodings.data() + start, end - start));
    start = end;
  }
  return ordered_trie_root(values.span());
}

}  // namespace zkbatch::eth
