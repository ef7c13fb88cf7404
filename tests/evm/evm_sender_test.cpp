// SPDX-License-Identifier: Apache-2.0
// EIP-155: Simple replay attack protection
// https://eips.ethereum.org/EIPS/eip-155
// Sender recovery on the EIP's worked example (key 0x4646...46 signs nonce 9 to 0x3535...35 on
// chain 1, sender 0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f), the chain id check, and the
// signature ranges of EIP-2 (s at most n/2) and the Yellow Paper appendix F (0 < r < n, 0 < s).
#include <gtest/gtest.h>

#include "eth/evm/sender.hpp"
#include "eth/transaction.hpp"
#include "test_state.hpp"

namespace zkbatch::eth::evm::test {
namespace {

const char* kEip155Example =
    "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a0"
    "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb70330"
    "4b3800ccf555c9f3dc64214b297fb1966a3b6d83";

// n, the order of secp256k1 (SEC 2 v2 §2.4.1).
const U256 kOrder = u256("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

Transaction decode(const char* hex) {
  Blob bytes = from_hex(hex);
  auto tx = decode_transaction(view(bytes));
  EXPECT_TRUE(tx.ok());
  return std::move(*tx);
}

TEST(Sender, Eip155Example) {
  Transaction tx = decode(kEip155Example);
  auto r = recover_sender(tx, 1);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->error, TxError::none);
  EXPECT_EQ(r->sender, address("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"));
}

TEST(Sender, OtherChainIsRejected) {
  Transaction tx = decode(kEip155Example);
  auto r = recover_sender(tx, 5);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->error, TxError::chain_id_mismatch);
}

TEST(Sender, SignatureRanges) {
  // (r, s) and (r, n - s) are both valid ECDSA signatures; EIP-2 accepts only the low s.
  Transaction tx = decode(kEip155Example);
  tx.s = kOrder - tx.s;
  tx.y_parity ^= 1;
  auto r = recover_sender(tx, 1);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->error, TxError::invalid_signature);
  for (const U256& bad_r : {U256(0), kOrder, U256::max()}) {
    Transaction t = decode(kEip155Example);
    t.r = bad_r;
    EXPECT_EQ(recover_sender(t, 1)->error, TxError::invalid_signature);
  }
  Transaction t = decode(kEip155Example);
  t.s = U256(0);
  EXPECT_EQ(recover_sender(t, 1)->error, TxError::invalid_signature);
}

TEST(Sender, HalfOrderBoundary) {
  // s = floor(n / 2) is allowed, one more is not; and 2 * floor(n / 2) + 1 = n.
  const U256 half = kOrder >> 1;
  EXPECT_EQ(half + half + U256(1), kOrder);
  Transaction t = decode(kEip155Example);
  t.s = half + U256(1);
  EXPECT_EQ(recover_sender(t, 1)->error, TxError::invalid_signature);
}

TEST(Sender, ChangedMessageGivesAnotherSender) {
  Transaction tx = decode(kEip155Example);
  tx.nonce = 10;
  auto r = recover_sender(tx, 1);
  ASSERT_TRUE(r.ok());
  if (r->error == TxError::none) {
    EXPECT_NE(r->sender, address("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"));
  }
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
