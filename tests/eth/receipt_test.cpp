// SPDX-License-Identifier: Apache-2.0
// Receipts (Yellow Paper §4.3.1, EIP-658, EIP-2718). Real receipts are checked against mainnet
// and devnet headers in block_test.cpp.
#include "eth/receipt.hpp"

#include <gtest/gtest.h>

#include "eth/bloom.hpp"
#include "eth/rlp.hpp"
#include "eth_test_util.hpp"

namespace zkbatch::eth {
namespace {

using base::Errc;
using test::Blob;
using test::from_hex;
using test::to_hex;
using test::view;

Log sample_log(uint8_t topics, const Blob& data) {
  Log log;
  for (int i = 0; i < 20; ++i)
    log.address.bytes[i] = static_cast<uint8_t>(i + 1);
  log.topic_count = topics;
  for (uint8_t t = 0; t < topics; ++t)
    log.topics[t].bytes[31] = static_cast<uint8_t>(t + 1);
  log.data = view(data);
  return log;
}

TEST(Receipt, EncodesBothEnvelopesAndDecodesBack) {
  Blob data = from_hex("0x00ff");
  Log logs[] = {sample_log(0, data), sample_log(4, data)};
  Receipt receipt;
  receipt.success = true;
  receipt.cumulative_gas_used = 21000;
  receipt.logs = base::Span<const Log>(logs, 2);
  receipt.logs_bloom = logs_bloom(receipt.logs);
  for (TxType type : {TxType::legacy, TxType::dynamic_fee, TxType::blob}) {
    receipt.type = type;
    base::Bytes out;
    ASSERT_TRUE(encode_receipt(receipt, out).ok());
    size_t list_at = type == TxType::legacy ? 0 : 1;
    if (type != TxType::legacy) {
      EXPECT_EQ(out[0], static_cast<uint8_t>(type));
    }
    EXPECT_TRUE(rlp::validate(out.span().subspan(list_at)).ok());
    Receipt back;
    base::Vector<Log> decoded_logs;
    ASSERT_TRUE(decode_receipt(out.span(), back, decoded_logs).ok());
    EXPECT_EQ(back.type, type);
    EXPECT_TRUE(back.success);
    EXPECT_EQ(back.cumulative_gas_used, 21000u);
    ASSERT_EQ(back.logs.size(), 2u);
    EXPECT_EQ(back.logs[1].topic_count, 4);
    EXPECT_EQ(back.logs[1].topics[3].bytes[31], 4);
    EXPECT_EQ(test::to_blob(back.logs[1].data), data);
    EXPECT_TRUE(back.logs_bloom == receipt.logs_bloom);
  }
}

TEST(Receipt, RejectsMalformedReceipts) {
  Receipt receipt;
  receipt.success = false;
  base::Bytes good;
  ASSERT_TRUE(encode_receipt(receipt, good).ok());
  // A failed receipt's status, right after the 3-byte list header, is the empty string 0x80
  // (EIP-658).
  ASSERT_EQ(good[0], 0xf9);
  EXPECT_EQ(good[3], 0x80);
  Receipt out;
  base::Vector<Log> logs;
  ASSERT_TRUE(decode_receipt(good.span(), out, logs).ok());
  EXPECT_FALSE(out.success);
  // Status 2, and a pre-Byzantium 32-byte state root in its place.
  for (const char* status : {"0x02",
                             "0xa0"
                             "1111111111111111111111111111111111111111111111111111111111111111"}) {
    base::Bytes bad;
    rlp::Encoder e(bad);
    size_t list = e.begin_list();
    e.raw(view(from_hex(status)));
    e.uint(1);
    Bloom bloom{};
    e.bytes(bloom.span());
    e.end_list(e.begin_list());
    e.end_list(list);
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(decode_receipt(bad.span(), out, logs).error().code, Errc::malformed) << status;
  }
  // A log with five topics.
  Blob data;
  Log five = sample_log(4, data);
  Receipt r;
  r.logs = base::Span<const Log>(&five, 1);
  base::Bytes encoded;
  ASSERT_TRUE(encode_receipt(r, encoded).ok());
  Blob bytes = test::to_blob(encoded.span());
  // Rebuild with a fifth topic by hand: [addr, [t1..t5], data].
  base::Bytes bad;
  rlp::Encoder e(bad);
  size_t list = e.begin_list();
  e.uint(1);
  e.uint(0);
  Bloom bloom{};
  e.bytes(bloom.span());
  size_t logs_mark = e.begin_list();
  size_t log_mark = e.begin_list();
  e.bytes(five.address.span());
  size_t topics = e.begin_list();
  for (int t = 0; t < 5; ++t)
    e.bytes(five.topics[0].span());
  e.end_list(topics);
  e.bytes(base::ByteSpan());
  e.end_list(log_mark);
  e.end_list(logs_mark);
  e.end_list(list);
  auto result = decode_receipt(bad.span(), out, logs);
  ASSERT_FALSE(result.ok());
  EXPECT_STREQ(result.error().detail, "log has more than four topics");
  // Unknown type byte, trailing bytes.
  bytes[0] = 0x05;
  EXPECT_FALSE(decode_receipt(view(bytes), out, logs).ok());
  Blob trailing = test::to_blob(good.span());
  trailing.push_back(0);
  EXPECT_FALSE(decode_receipt(view(trailing), out, logs).ok());
}

}  // namespace
}  // namespace zkbatch::eth
