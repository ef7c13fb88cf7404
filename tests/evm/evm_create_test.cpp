// SPDX-License-Identifier: Apache-2.0
// Contract creation (Yellow Paper §7): CREATE addresses from rlp([sender, nonce]), CREATE2
// addresses (EIP-1014, the EIP's own examples), the creator's nonce, value, collisions (EIP-684,
// EIP-7610), and what CREATE leaves on the stack and in the return data.
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

TEST(CreateAddress, RlpOfSenderAndNonce) {
  // Vectors published with go-ethereum's crypto.CreateAddress tests.
  Address sender = address("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
  EXPECT_EQ(create_address(sender, 0), address("0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"));
  EXPECT_EQ(create_address(sender, 1), address("0x343c43a37d37dff08ae8c4a11544c718abb4fcf8"));
  EXPECT_EQ(create_address(sender, 2), address("0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91"));
  // Nonces whose RLP is longer than one byte hash differently from each other.
  EXPECT_NE(create_address(sender, 0x80), create_address(sender, 0x7f));
  EXPECT_NE(create_address(sender, UINT64_MAX - 1), create_address(sender, 0x80));
}

TEST(CreateAddress, Eip1014Examples) {
  struct Row {
    const char* sender;
    const char* salt;
    const char* initcode;
    const char* expected;
  };
  const Row rows[] = {
      {"0x0000000000000000000000000000000000000000", "0x00", "0x00",
       "0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38"},
      {"0xdeadbeef00000000000000000000000000000000", "0x00", "0x00",
       "0xB928f69Bb1D91Cd65274e3c79d8986362984fDA3"},
      {"0xdeadbeef00000000000000000000000000000000",
       "0x000000000000000000000000feed000000000000000000000000000000000000", "0x00",
       "0xD04116cDd17beBE565EB2422F2497E06cC1C9833"},
      {"0x0000000000000000000000000000000000000000", "0x00", "0xdeadbeef",
       "0x70f2b2914A2a4b783FaEFb75f459A580616Fcb5e"},
      {"0x00000000000000000000000000000000deadbeef", "0xcafebabe", "0xdeadbeef",
       "0x60f3f640a8508fC6a86d45DF051962668E1e8AC7"},
      {"0x00000000000000000000000000000000deadbeef", "0xcafebabe",
       "0xdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef",
       "0x1d8bfDC5D46DC4f61D6b6115972536eBE6A8854C"},
      {"0x0000000000000000000000000000000000000000", "0x00", "0x",
       "0xE33C0C7F7df4809055C3ebA6c09CFe4BaF1BD9e0"},
  };
  for (const Row& r : rows) {
    Blob code = from_hex(r.initcode);
    EXPECT_EQ(create2_address(address(r.sender), u256(r.salt).to_bytes32(), view(code)),
              address(r.expected))
        << r.expected;
  }
}

class EvmCreate : public EvmTest {};

TEST_F(EvmCreate, CreatePushesTheNewAddressAndBumpsTheNonce) {
  pre[contract_address()].nonce = 5;
  pre[contract_address()].balance = U256(100);
  Bytecode runtime = Bytecode(0x2a) + ret_top();
  Bytecode init = deploy(runtime);
  execute(store_bytes(init.bytes()) + create(Op::create, 40, 0, init.size()) + store_top(0) +
              Op::returndatasize + store_top(1),
          500000);
  ASSERT_TRUE(result.success());
  Address created = create_address(contract_address(), 5);
  EXPECT_EQ(post_storage(0), to_word(created));
  EXPECT_EQ(post_storage(1), U256(0));  // success leaves no return data
  EXPECT_EQ(post[contract_address()].nonce, 6u);
  EXPECT_EQ(post[created].nonce, 1u);
  EXPECT_EQ(post[created].balance, U256(40));
  EXPECT_EQ(post[created].code, runtime.bytes());
}

TEST_F(EvmCreate, Create2UsesTheSalt) {
  Bytecode init = deploy(Bytecode(Op::stop));
  execute(
      store_bytes(init.bytes()) + create(Op::create2, 0, 0, init.size(), U256(7)) + store_top(0),
      500000);
  ASSERT_TRUE(result.success());
  Address expected = create2_address(contract_address(), U256(7).to_bytes32(), view(init.bytes()));
  EXPECT_EQ(post_storage(0), to_word(expected));
}

TEST_F(EvmCreate, CollisionFailsAndConsumesTheGasGiven) {
  Bytecode init = deploy(Bytecode(Op::stop));
  Address target = create2_address(contract_address(), U256(1).to_bytes32(), view(init.bytes()));
  Bytecode code =
      store_bytes(init.bytes()) + create(Op::create2, 0, 0, init.size(), U256(1)) + store_top(0);
  for (int kind = 0; kind < 3; ++kind) {
    pre.erase(target);
    if (kind == 0) pre[target].nonce = 1;
    if (kind == 1) pre[target].code = {0x00};
    if (kind == 2) pre[target].storage[U256(1)] = U256(1);  // EIP-7610
    execute(code, 500000);
    ASSERT_TRUE(result.success()) << kind;
    EXPECT_EQ(post_storage(0), U256(0)) << kind;
    EXPECT_EQ(post[contract_address()].nonce, 1u) << kind;
    // All but 1/64 of the gas went into the failed creation.
    EXPECT_GT(result.gas_used, 400000u) << kind;
  }
  // An account with only a balance is not a collision; the balance is kept.
  pre.erase(target);
  pre[target].balance = U256(9);
  execute(code, 500000);
  EXPECT_EQ(post_storage(0), to_word(target));
  EXPECT_EQ(post[target].balance, U256(9));
}

TEST_F(EvmCreate, RevertedInitcodeReturnsItsData) {
  Bytecode init = mstore(0, 0x77) + revert(31, 1);
  execute(store_bytes(init.bytes()) + create(Op::create, 0, 0, init.size()) + store_top(0) +
              Op::returndatasize + store_top(1),
          500000);
  ASSERT_TRUE(result.success());
  EXPECT_EQ(post_storage(0), U256(0));
  EXPECT_EQ(post_storage(1), U256(1));
  EXPECT_EQ(post[contract_address()].nonce, 1u);  // the nonce went up anyway
}

TEST_F(EvmCreate, CreatorNonceAtMaximumFails) {
  pre[contract_address()].nonce = UINT64_MAX;
  execute(create(Op::create, 0, 0, 0) + store_top(0), 500000);
  ASSERT_TRUE(result.success());
  EXPECT_EQ(post_storage(0), U256(0));
  EXPECT_EQ(post[contract_address()].nonce, UINT64_MAX);  // EIP-2681: unchanged
}

TEST_F(EvmCreate, InsufficientBalanceFails) {
  execute(create(Op::create, 1, 0, 0) + store_top(0), 500000);
  EXPECT_EQ(post_storage(0), U256(0));
  EXPECT_EQ(post[contract_address()].nonce, 0u);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
