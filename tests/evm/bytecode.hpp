// SPDX-License-Identifier: Apache-2.0
// A small DSL that composes EVM code so that tests read like assembly: opcodes convert to code,
// integers to the shortest PUSH, `+` concatenates and `n * code` repeats. Helpers take their
// arguments in the order the EVM documents them and push them so that the first ends on top.
//   sstore(1, Op::gas) + ret(0, 32)
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/u256.hpp"
#include "eth/address.hpp"
#include "eth/evm/opcodes.hpp"
#include "test_state.hpp"

namespace zkbatch::eth::evm::test {

/// EVM code under construction.
class Bytecode {
 public:
  Bytecode() = default;
  /// One opcode.
  Bytecode(Op op) : bytes_{op_byte(op)} {}  // NOLINT: implicit by design
  /// The shortest PUSH of `value` (PUSH1 0 for zero; use Op::push0 for PUSH0).
  Bytecode(uint64_t value);                                        // NOLINT: implicit by design
  Bytecode(int value) : Bytecode(static_cast<uint64_t>(value)) {}  // NOLINT
  /// The shortest PUSH of a 256-bit value.
  Bytecode(const U256& value);  // NOLINT: implicit by design
  /// PUSH20 of an address.
  Bytecode(const Address& address);  // NOLINT: implicit by design

  /// Raw bytes from hex (no PUSH added).
  static Bytecode hex(std::string_view text);
  /// Raw bytes.
  static Bytecode raw(const Blob& bytes);

  Bytecode& operator+=(const Bytecode& other);
  const Blob& bytes() const { return bytes_; }
  size_t size() const { return bytes_.size(); }

 private:
  Blob bytes_;
};

inline Bytecode operator+(Bytecode a, const Bytecode& b) {
  a += b;
  return a;
}
inline Bytecode operator+(Op a, const Bytecode& b) {
  return Bytecode(a) + b;
}
/// `count` copies of `code`.
inline Bytecode operator*(int count, const Bytecode& code) {
  Bytecode out;
  for (int i = 0; i < count; ++i)
    out += code;
  return out;
}

/// PUSHn with exactly `n` bytes of `value` (big-endian, truncated to n bytes).
Bytecode push_n(int n, const U256& value);

/// Memory and storage, arguments in the EVM's order.
Bytecode mstore(const Bytecode& offset, const Bytecode& value);
Bytecode mstore8(const Bytecode& offset, const Bytecode& value);
Bytecode mload(const Bytecode& offset);
Bytecode sstore(const Bytecode& key, const Bytecode& value);
Bytecode sload(const Bytecode& key);
Bytecode tstore(const Bytecode& key, const Bytecode& value);
Bytecode tload(const Bytecode& key);
Bytecode mcopy(const Bytecode& dst, const Bytecode& src, const Bytecode& size);
Bytecode calldataload(const Bytecode& offset);

/// RETURN / REVERT of memory[offset, offset + size).
Bytecode ret(const Bytecode& offset, const Bytecode& size);
Bytecode revert(const Bytecode& offset, const Bytecode& size);
/// Stores the top of the stack at memory 0 and returns those 32 bytes.
Bytecode ret_top();
/// Stores the top of the stack in storage slot `key`.
Bytecode store_top(uint64_t key);

/// CALL, CALLCODE, DELEGATECALL or STATICCALL with all seven (or six) arguments;
/// `value` is ignored for DELEGATECALL and STATICCALL.
Bytecode call(Op kind,
              const Bytecode& gas,
              const Address& to,
              uint64_t value = 0,
              uint64_t in_offset = 0,
              uint64_t in_size = 0,
              uint64_t out_offset = 0,
              uint64_t out_size = 0);
/// CREATE (salt ignored) or CREATE2 of memory[offset, offset + size).
Bytecode create(Op kind, uint64_t value, uint64_t offset, uint64_t size, const U256& salt = U256());

/// Initcode that returns `runtime` as the code to deploy (CODECOPY then RETURN).
Bytecode deploy(const Bytecode& runtime);
/// Code that writes `data` into memory from offset 0 (MSTORE8 per byte).
Bytecode store_bytes(const Blob& data);

}  // namespace zkbatch::eth::evm::test
