// SPDX-License-Identifier: Apache-2.0
// Block headers: the layouts of every fork, strict decoding. Real Cancun headers and their
// hashes are checked in block_test.cpp.
#include "eth/header.hpp"

#include <gtest/gtest.h>

#include "eth/account.hpp"
#include "eth/rlp.hpp"
#include "eth_test_util.hpp"

namespace zkbatch::eth {
namespace {

using base::Errc;
using test::to_hex;

Header sample(HeaderFork fork) {
  Header h;
  h.fork = fork;
  h.parent_hash.bytes[0] = 1;
  h.state_root.bytes[0] = 2;
  h.number = 19807080;
  h.gas_limit = 30000000;
  h.gas_used = 12345;
  h.timestamp = 1714900000;
  h.extra_data_size = 3;
  h.extra_data[0] = 'z';
  h.nonce[7] = 1;
  h.base_fee_per_gas = base::U256(7);
  h.withdrawals_root = kEmptyTrieRoot;
  h.blob_gas_used = 131072;
  h.excess_blob_gas = 1;
  h.parent_beacon_block_root.bytes[31] = 3;
  h.requests_hash.bytes[0] = 4;
  return h;
}

size_t field_count(const base::Bytes& encoded) {
  auto list = rlp::decode_list(encoded.span());
  EXPECT_TRUE(list.ok());
  size_t n = 0;
  while (!list->empty()) {
    EXPECT_TRUE(list->read_item().ok());
    ++n;
  }
  return n;
}

TEST(Header, EveryForkLayoutRoundTrips) {
  struct Case {
    HeaderFork fork;
    size_t fields;
  };
  // 15 Yellow Paper fields; London +1 (EIP-1559), Shanghai +1 (EIP-4895), Cancun +3
  // (EIP-4844, EIP-4788), Prague +1 (EIP-7685).
  for (Case c : {Case{HeaderFork::frontier, 15}, Case{HeaderFork::london, 16},
                 Case{HeaderFork::shanghai, 17}, Case{HeaderFork::cancun, 20},
                 Case{HeaderFork::prague, 21}}) {
    SCOPED_TRACE(c.fields);
    Header h = sample(c.fork);
    base::Bytes encoded;
    ASSERT_TRUE(encode_header(h, encoded).ok());
    EXPECT_EQ(field_count(encoded), c.fields);
    auto back = decode_header(encoded.span());
    ASSERT_TRUE(back.ok()) << test::describe(back.error());
    EXPECT_EQ(back->fork, c.fork);
    EXPECT_EQ(back->number, h.number);
    EXPECT_EQ(back->extra_data_size, 3);
    EXPECT_EQ(back->has(HeaderFork::cancun), c.fields >= 20);
    base::Bytes again;
    ASSERT_TRUE(encode_header(*back, again).ok());
    EXPECT_EQ(to_hex(again.span()), to_hex(encoded.span()));
    auto hash = block_hash(*back);
    ASSERT_TRUE(hash.ok());
    EXPECT_EQ(to_hex(hash->span()), to_hex(test::view(test::ref_keccak_blob(encoded.span()))));
  }
}

TEST(Header, StrictDecoding) {
  base::Bytes encoded;
  ASSERT_TRUE(encode_header(sample(HeaderFork::cancun), encoded).ok());
  // 18 or 19 fields belong to no fork.
  auto fields = rlp::decode_list(encoded.span());
  base::Bytes cut;
  rlp::Encoder e(cut);
  size_t list = e.begin_list();
  for (int i = 0; i < 18; ++i)
    e.raw(*fields->read_raw());
  e.end_list(list);
  auto r = decode_header(cut.span());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::malformed);
  // Extra data longer than 32 bytes (Yellow Paper §4.3.4).
  fields = rlp::decode_list(encoded.span());
  base::Bytes long_extra;
  rlp::Encoder e2(long_extra);
  list = e2.begin_list();
  for (int i = 0; i < 20; ++i) {
    auto raw = fields->read_raw();
    if (i == 12) {
      uint8_t extra[33] = {};
      e2.bytes(base::ByteSpan(extra, 33));
    } else {
      e2.raw(*raw);
    }
  }
  e2.end_list(list);
  auto r2 = decode_header(long_extra.span());
  ASSERT_FALSE(r2.ok());
  EXPECT_STREQ(r2.error().detail, "extra data over 32 bytes");
  // Trailing bytes.
  test::Blob trailing = test::to_blob(encoded.span());
  trailing.push_back(0x80);
  EXPECT_FALSE(decode_header(test::view(trailing)).ok());
}

}  // namespace
}  // namespace zkbatch::eth
