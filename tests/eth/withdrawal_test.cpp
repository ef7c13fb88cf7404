// SPDX-License-Identifier: Apache-2.0
// Withdrawals (EIP-4895). Real withdrawals roots are reproduced in block_test.cpp.
#include "eth/withdrawal.hpp"

#include <gtest/gtest.h>

#include "eth/account.hpp"
#include "eth_test_util.hpp"

namespace zkbatch::eth {
namespace {

TEST(Withdrawal, AmountIsGweiAndRootOfNoneIsEmpty) {
  Withdrawal w;
  w.amount_gwei = 32000000000ull;  // 32 ETH
  EXPECT_EQ(w.amount_wei(), base::mul(base::U256(32), base::U256(1000000000000000000ull)));
  auto root = withdrawals_root(base::Span<const Withdrawal>());
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(*root, kEmptyTrieRoot);
  auto bad = decode_withdrawal(test::view(test::from_hex("0xc480808080")));
  EXPECT_FALSE(bad.ok());  // the address must be 20 bytes
  Withdrawal full;
  full.index = 1;
  full.validator_index = 2;
  full.address.bytes[19] = 3;
  full.amount_gwei = 4;
  base::Bytes encoded;
  ASSERT_TRUE(encode_withdrawal(full, encoded).ok());
  // rlp([1, 2, 0x00..03, 4]) written out from appendix B.
  EXPECT_EQ(test::to_hex(encoded.span()),
            "0xd80102940000000000000000000000000000000000000003"
            "04");
}

}  // namespace
}  // namespace zkbatch::eth
