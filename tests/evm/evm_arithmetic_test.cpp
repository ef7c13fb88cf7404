// SPDX-License-Identifier: Apache-2.0
// Arithmetic, comparison and bitwise instructions through the dispatcher: operand order (Yellow
// Paper appendix H.2: μ_s[0] is the top of the stack), results on small values worked by hand
// from the definitions, and EXP's per-byte gas (EIP-160). The 256-bit arithmetic itself is
// checked against GMP in tests/base.
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class EvmArithmetic : public EvmTest {
 protected:
  // Runs `a OP b` (a on top) and returns the result word.
  U256 binary(Op op, const U256& a, const U256& b) {
    auto r = run(Bytecode(b) + Bytecode(a) + op + ret_top(), 100000);
    EXPECT_EQ(r.status, EvmStatus::success);
    return output_word(r);
  }
  U256 ternary(Op op, const U256& a, const U256& b, const U256& c) {
    auto r = run(Bytecode(c) + Bytecode(b) + Bytecode(a) + op + ret_top(), 100000);
    EXPECT_EQ(r.status, EvmStatus::success);
    return output_word(r);
  }
  static U256 neg(uint64_t v) { return -U256(v); }
};

TEST_F(EvmArithmetic, OperandOrderFollowsTheStack) {
  EXPECT_EQ(binary(Op::sub, U256(5), U256(3)), U256(2));
  EXPECT_EQ(binary(Op::div, U256(10), U256(3)), U256(3));
  EXPECT_EQ(binary(Op::mod, U256(10), U256(3)), U256(1));
  EXPECT_EQ(binary(Op::sdiv, neg(10), U256(3)), neg(3));
  EXPECT_EQ(binary(Op::smod, neg(10), U256(3)), neg(1));
  EXPECT_EQ(binary(Op::exp, U256(2), U256(10)), U256(1024));
  EXPECT_EQ(binary(Op::signextend, U256(0), U256(0xff)), U256::max());
  EXPECT_EQ(binary(Op::lt, U256(1), U256(2)), U256(1));
  EXPECT_EQ(binary(Op::gt, U256(1), U256(2)), U256(0));
  EXPECT_EQ(binary(Op::slt, neg(1), U256(1)), U256(1));
  EXPECT_EQ(binary(Op::sgt, neg(1), U256(1)), U256(0));
  EXPECT_EQ(binary(Op::byte, U256(31), U256(0x1234)), U256(0x34));
  EXPECT_EQ(binary(Op::shl, U256(4), U256(1)), U256(16));
  EXPECT_EQ(binary(Op::shr, U256(4), U256(16)), U256(1));
  EXPECT_EQ(binary(Op::sar, U256(4), neg(16)), neg(1));
  EXPECT_EQ(ternary(Op::addmod, U256(6), U256(7), U256(8)), U256(5));
  EXPECT_EQ(ternary(Op::mulmod, U256(6), U256(7), U256(8)), U256(2));
}

TEST_F(EvmArithmetic, DivisionByZeroIsZero) {
  EXPECT_EQ(binary(Op::div, U256(7), U256(0)), U256(0));
  EXPECT_EQ(binary(Op::sdiv, U256(7), U256(0)), U256(0));
  EXPECT_EQ(binary(Op::mod, U256(7), U256(0)), U256(0));
  EXPECT_EQ(ternary(Op::addmod, U256(7), U256(1), U256(0)), U256(0));
}

TEST_F(EvmArithmetic, ExpChargesFiftyPerExponentByte) {
  // PUSH (3) PUSH (3) EXP (10 + 50 * bytes) POP (2).
  for (uint64_t exponent : {0ull, 1ull, 0xffull, 0x100ull, 0xffffffffull}) {
    U256 e(exponent);
    int64_t expected = 3 + 3 + 10 + 50 * e.count_significant_bytes() + 2;
    auto r = run(Bytecode(e) + Bytecode(2) + Op::exp + Op::pop, 1000);
    EXPECT_EQ(r.status, EvmStatus::success);
    EXPECT_EQ(gas_used(r, 1000), expected) << exponent;
  }
  // A full 32-byte exponent: 10 + 1600.
  auto r = run(Bytecode(U256::max()) + Bytecode(2) + Op::exp + Op::pop, 5000);
  EXPECT_EQ(gas_used(r, 5000), 3 + 3 + 10 + 1600 + 2);
}

TEST_F(EvmArithmetic, BitwiseAndIszero) {
  EXPECT_EQ(binary(Op::and_, U256(0b1100), U256(0b1010)), U256(0b1000));
  EXPECT_EQ(binary(Op::or_, U256(0b1100), U256(0b1010)), U256(0b1110));
  EXPECT_EQ(binary(Op::xor_, U256(0b1100), U256(0b1010)), U256(0b0110));
  auto r = run(Bytecode(0) + Op::not_ + ret_top(), 1000);
  EXPECT_EQ(output_word(r), U256::max());
  r = run(Bytecode(0) + Op::iszero + ret_top(), 1000);
  EXPECT_EQ(output_word(r), U256(1));
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
