// SPDX-License-Identifier: Apache-2.0
#include "eth/receipt.hpp"

#include <string.h>

#include "eth/rlp.hpp"

namespace zkbatch::eth {

using base::ByteSpan;
using base::Errc;
using base::make_error;

base::Status encode_receipt(const Receipt& receipt, base::Bytes& out) {
  rlp::Encoder e(out);
  if (receipt.type != TxType::legacy) {
    uint8_t type = static_cast<uint8_t>(receipt.type);
    e.raw(ByteSpan(&type, 1));
  }
  size_t list = e.begin_list();
  e.uint(receipt.success ? 1 : 0);
  e.uint(receipt.cumulative_gas_used);
  e.bytes(receipt.logs_bloom.span());
  size_t logs = e.begin_list();
  for (const Log& log : receipt.logs) {
    size_t item = e.begin_list();
    e.bytes(log.address.span());
    size_t topics = e.begin_list();
    for (const base::Bytes32& topic : log.topic_span())
      e.bytes(topic.span());
    e.end_list(topics);
    e.bytes(log.data);
    e.end_list(item);
  }
  e.end_list(logs);
  e.end_list(list);
  return e.status();
}

namespace {

base::Status decode_log(rlp::Decoder& logs, base::Vector<Log>& out) {
  base::Result<rlp::Decoder> item = logs.read_list();
  if (!item) return item.error();
  Log log;
  if (base::Status s = item->read_fixed(log.address.mutable_span()); !s) return s;
  base::Result<rlp::Decoder> topics = item->read_list();
  if (!topics) return topics.error();
  while (!topics->empty()) {
    size_t at = topics->position();
    if (log.topic_count == kMaxLogTopics) {
      return make_error(Errc::malformed, at, "log has more than four topics");
    }
    if (base::Status s = topics->read_fixed(log.topics[log.topic_count].mutable_span()); !s) {
      return s;
    }
    ++log.topic_count;
  }
  base::Result<ByteSpan> data = item->read_bytes();
  if (!data) return data.error();
  log.data = *data;
  if (base::Status s = item->finish(); !s) return s;
  if (!out.push_back(log)) return make_error(Errc::out_of_memory, logs.position());
  return {};
}

}  // namespace

base::Status decode_receipt(ByteSpan encoded, Receipt& out, base::Vector<Log>& logs) {
  logs.clear();
  if (encoded.empty()) return make_error(Errc::truncated, 0, "empty receipt");
  size_t offset = 0;
  out.type = TxType::legacy;
  if (encoded[0] >= 1 && encoded[0] <= 3) {
    out.type = static_cast<TxType>(encoded[0]);
    offset = 1;
  } else if (encoded[0] < 0xc0) {
    return make_error(Errc::malformed, 0, "unknown receipt type");
  }
  rlp::Decoder outer(encoded.subspan(offset), offset);
  base::Result<rlp::Decoder> fields = outer.read_list();
  if (!fields) return fields.error();
  if (base::Status s = outer.finish(); !s) return s;
  size_t status_at = fields->position();
  base::Result<ByteSpan> status = fields->read_bytes();
  if (!status) return status.error();
  if (status->size() > 1 || (status->size() == 1 && (*status)[0] != 1)) {
    return make_error(Errc::malformed, status_at, "receipt status is neither 0 nor 1");
  }
  out.success = status->size() == 1;
  base::Result<uint64_t> gas = fields->read_u64();
  if (!gas) return gas.error();
  out.cumulative_gas_used = *gas;
  if (base::Status s = fields->read_fixed(out.logs_bloom.mutable_span()); !s) return s;
  base::Result<rlp::Decoder> list = fields->read_list();
  if (!list) return list.error();
  while (!list->empty()) {
    if (base::Status s = decode_log(*list, logs); !s) return s;
  }
  if (base::Status s = fields->finish(); !s) return s;
  out.logs = logs.span();
  return {};
}

}  // namespace zkbatch::eth
