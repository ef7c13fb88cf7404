// SPDX-License-Identifier: Apache-2.0
#include "bytecode.hpp"

#include <cstring>

namespace zkbatch::eth::evm::test {

Bytecode& Bytecode::operator+=(const Bytecode& other) {
  // resize + memcpy rather than insert: GCC 12 reports a false -Warray-bounds for the latter.
  const size_t old_size = bytes_.size();
  const Blob tail = other.bytes_;  // `other` may be *this
  bytes_.resize(old_size + tail.size());
  if (!tail.empty()) std::memcpy(bytes_.data() + old_size, tail.data(), tail.size());
  return *this;
}

Bytecode::Bytecode(uint64_t value) : Bytecode(U256(value)) {}

Bytecode::Bytecode(const U256& value) {
  int n = static_cast<int>(value.count_significant_bytes());
  *this = push_n(n == 0 ? 1 : n, value);
}

Bytecode::Bytecode(const Address& address) : bytes_(21) {
  bytes_[0] = static_cast<uint8_t>(op_byte(Op::push1) + 19);
  std::memcpy(bytes_.data() + 1, address.bytes, 20);
}

Bytecode Bytecode::hex(std::string_view text) {
  return raw(from_hex(text));
}

Bytecode Bytecode::raw(const Blob& bytes) {
  Bytecode b;
  b.bytes_ = bytes;
  return b;
}

Bytecode push_n(int n, const U256& value) {
  uint8_t word[32];
  value.to_be_bytes(word);
  Blob bytes(static_cast<size_t>(n) + 1);
  bytes[0] = static_cast<uint8_t>(op_byte(Op::push1) + n - 1);
  std::memcpy(bytes.data() + 1, word + 32 - n, static_cast<size_t>(n));
  return Bytecode::raw(bytes);
}

Bytecode mstore(const Bytecode& offset, const Bytecode& value) {
  return value + offset + Op::mstore;
}
Bytecode mstore8(const Bytecode& offset, const Bytecode& value) {
  return value + offset + Op::mstore8;
}
Bytecode mload(const Bytecode& offset) {
  return offset + Op::mload;
}
Bytecode sstore(const Bytecode& key, const Bytecode& value) {
  return value + key + Op::sstore;
}
Bytecode sload(const Bytecode& key) {
  return key + Op::sload;
}
Bytecode tstore(const Bytecode& key, const Bytecode& value) {
  return value + key + Op::tstore;
}
Bytecode tload(const Bytecode& key) {
  return key + Op::tload;
}
Bytecode mcopy(const Bytecode& dst, const Bytecode& src, const Bytecode& size) {
  return size + src + dst + Op::mcopy;
}
Bytecode calldataload(const Bytecode& offset) {
  return offset + Op::calldataload;
}
Bytecode ret(const Bytecode& offset, const Bytecode& size) {
  return size + offset + Op::return_;
}
Bytecode revert(const Bytecode& offset, const Bytecode& size) {
  return size + offset + Op::revert;
}
Bytecode ret_top() {
  return Bytecode(0) + Op::mstore + ret(0, 32);
}
Bytecode store_top(uint64_t key) {
  return Bytecode(key) + Op::sstore;
}

Bytecode call(Op kind,
              const Bytecode& gas,
              const Address& to,
              uint64_t value,
              uint64_t in_offset,
              uint64_t in_size,
              uint64_t out_offset,
              uint64_t out_size) {
  Bytecode code =
      Bytecode(out_size) + Bytecode(out_offset) + Bytecode(in_size) + Bytecode(in_offset);
  if (kind == Op::call || kind == Op::callcode) code += Bytecode(value);
  return code + Bytecode(to) + gas + kind;
}

Bytecode create(Op kind, uint64_t value, uint64_t offset, uint64_t size, const U256& salt) {
  Bytecode code;
  if (kind == Op::create2) code += Bytecode(salt);
  return code + Bytecode(size) + Bytecode(offset) + Bytecode(value) + kind;
}

Bytecode deploy(const Bytecode& runtime) {
  // PUSH2 size, PUSH2 offset, PUSH1 0, CODECOPY, PUSH2 size, PUSH1 0, RETURN: 15 bytes.
  const uint64_t size = runtime.size();
  const uint64_t prefix = 15;
  Bytecode code = push_n(2, U256(size)) + push_n(2, U256(prefix)) + push_n(1, U256(0)) +
                  Op::codecopy + push_n(2, U256(size)) + push_n(1, U256(0)) + Op::return_;
  return code + runtime;
}

Bytecode store_bytes(const Blob& data) {
  Bytecode code;
  for (size_t i = 0; i < data.size(); ++i)
    code += mstore8(Bytecode(static_cast<uint64_t>(i)), Bytecode(static_cast<uint64_t>(data[i])));
  return code;
}

}  // namespace zkbatch::eth::evm::test
