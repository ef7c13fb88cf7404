// SPDX-License-Identifier: Apache-2.0
// EIP-4788: Beacon block root in the EVM
// https://eips.ethereum.org/EIPS/eip-4788
// The system call at the start of a block stores the parent beacon block root in the contract at
// BEACON_ROOTS_ADDRESS (whose code is the EIP's), keyed by timestamp in a ring of 8191; anyone
// can then read it back. The call costs the block nothing and does nothing without the contract.
#include "eth/evm/system_call.hpp"
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

// The contract code of EIP-4788 ("Deployment" section).
const char* kBeaconRootsCode =
    "0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f3580156049"
    "5762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f"
    "359062001fff015500";

class Eip4788 : public EvmTest {
 protected:
  Eip4788() {
    pre[kBeaconRootsAddress].nonce = 1;
    pre[kBeaconRootsAddress].code = from_hex(kBeaconRootsCode);
    block.timestamp = 1000;
    root = u256("0x1122334455667788990011223344556677889900112233445566778899001122").to_bytes32();
  }
  base::Bytes32 root{};
};

TEST_F(Eip4788, AddressesAreTheEipsConstants) {
  EXPECT_EQ(kSystemAddress, address("0xfffffffffffffffffffffffffffffffffffffffe"));
  EXPECT_EQ(kBeaconRootsAddress, address("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02"));
}

TEST_F(Eip4788, SystemCallStoresTheRoot) {
  source = std::make_unique<MapStateSource>();
  source->world = pre;
  state = std::make_unique<State>(*source);
  auto r = process_beacon_root(*state, block, root);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, EvmStatus::success);
  post = pre;
  apply_post_state(*state, post);
  // timestamp_idx = timestamp % 8191 holds the timestamp, root_idx = timestamp_idx + 8191 the root.
  EXPECT_EQ(post[kBeaconRootsAddress].storage[U256(1000)], U256(1000));
  EXPECT_EQ(post[kBeaconRootsAddress].storage[U256(1000 + 8191)], U256::from_bytes32(root));
  // The system address is not created and pays nothing.
  EXPECT_EQ(post.count(kSystemAddress), 0u);

  // A transaction in the same block reads it back with the timestamp as call data...
  tx.to = kBeaconRootsAddress;
  for (uint8_t b : U256(1000).to_bytes32().bytes)
    tx.data.push_back(b);
  auto read = execute_transaction(*state, block, tx, sender, 0, 0);
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(read->success());
  EXPECT_EQ(U256::from_be_bytes(read->output.span()), U256::from_bytes32(root));
  // ...and a timestamp that was not stored reverts.
  tx.nonce = 1;
  tx.data.clear();
  for (uint8_t b : U256(999).to_bytes32().bytes)
    tx.data.push_back(b);
  auto missing = execute_transaction(*state, block, tx, sender, read->gas_used, 0);
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->status, EvmStatus::revert);
}

TEST_F(Eip4788, NothingHappensWithoutTheContract) {
  pre.erase(kBeaconRootsAddress);
  source = std::make_unique<MapStateSource>();
  source->world = pre;
  state = std::make_unique<State>(*source);
  auto r = process_beacon_root(*state, block, root);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, EvmStatus::success);
  post = pre;
  apply_post_state(*state, post);
  EXPECT_EQ(state_root(post), state_root(pre));
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
