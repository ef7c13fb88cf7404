// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Instructions that read or write memory or the frame's byte inputs: MLOAD, MSTORE, MSTORE8,
// MSIZE, MCOPY (EIP-5656), KECCAK256, call data, code and return data (EIP-211). Each charges its
// memory expansion (C_mem) and per-word copy or hash cost before touching memory.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/u256.hpp"
#include "eth/evm/frame.hpp"
#include "eth/evm/gas_costs.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::evm::instr {

using base::U256;

inline EvmStatus mload(StackTop s, Frame& f) {
  EvmStatus st = check_memory(f, s[0], U256(32));
  if (st != EvmStatus::success) return st;
  s[0] = U256::from_be_bytes(base::ByteSpan(f.memory.data() + s[0].low64(), 32));
  return EvmStatus::success;
}

inline EvmStatus mstore(StackTop s, Frame& f) {
  EvmStatus st = check_memory(f, s[0], U256(32));
  if (st != EvmStatus::success) return st;
  s[1].to_be_bytes(f.memory.data() + s[0].low64());
  return EvmStatus::success;
}

inline EvmStatus mstore8(StackTop s, Frame& f) {
  EvmStatus st = check_memory(f, s[0], U256(1));
  if (st != EvmStatus::success) return st;
  f.memory.data()[s[0].low64()] = static_cast<uint8_t>(s[1].low64());
  return EvmStatus::success;
}

inline void msize(StackTop s, const Frame& f) {
  s[-1] = U256(f.memory.size());
}

/// MCOPY (EIP-5656): copies within memory; overlapping regions behave like memmove. The expansion
/// covers the larger of the two regions' ends.
inline EvmStatus mcopy(StackTop s, Frame& f) {
  const U256& dst = s[0];
  const U256& src = s[1];
  const U256& size = s[2];
  EvmStatus st = check_memory(f, base::max(dst, src), size);
  if (st != EvmStatus::success) return st;
  if (size.is_zero()) return EvmStatus::success;
  if (!charge(f, copy_cost(size.low64()))) return EvmStatus::out_of_gas;
  memmove(f.memory.data() + dst.low64(), f.memory.data() + src.low64(), size.low64());
  return EvmStatus::success;
}

/// KECCAK256: 30 + 6 per word hashed.
inline EvmStatus keccak256(StackTop s, Frame& f) {
  EvmStatus st = check_memory(f, s[0], s[1]);
  if (st != EvmStatus::success) return st;
  uint64_t size = s[1].low64();
  if (!charge(f, gas::kKeccakWord * static_cast<int64_t>(num_words(size))))
    return EvmStatus::out_of_gas;
  const uint8_t* data = size == 0 ? nullptr : f.memory.data() + s[0].low64();
  base::Bytes32 digest = hash::keccak256(base::ByteSpan(data, size));
  s[1] = U256::from_bytes32(digest);
  return EvmStatus::success;
}

inline void calldataload(StackTop s, const Frame& f) {
  uint8_t bytes[32];
  copy_padded(bytes, f.msg.input, s[0], 32);
  s[0] = U256::from_be_bytes(base::ByteSpan(bytes, 32));
}

inline void calldatasize(StackTop s, const Frame& f) {
  s[-1] = U256(f.msg.input.size());
}

inline void codesize(StackTop s, const Frame& f) {
  s[-1] = U256(f.code.size());
}

inline void returndatasize(StackTop s, const Frame& f) {
  s[-1] = U256(f.return_data.size());
}

/// The copy into memory shared by CALLDATACOPY, CODECOPY and EXTCODECOPY: stack (dest, offset,
/// size) starting at `s[first]`; source bytes past the end read as zero.
inline EvmStatus copy_to_memory(StackTop s, int first, Frame& f, base::ByteSpan source) {
  const U256& dest = s[first];
  const U256& offset = s[first + 1];
  const U256& size = s[first + 2];
  EvmStatus st = check_memory(f, dest, size);
  if (st != EvmStatus::success) return st;
  if (size.is_zero()) return EvmStatus::success;
  if (!charge(f, copy_cost(size.low64()))) return EvmStatus::out_of_gas;
  copy_padded(f.memory.data() + dest.low64(), source, offset, static_cast<size_t>(size.low64()));
  return EvmStatus::success;
}

inline EvmStatus calldatacopy(StackTop s, Frame& f) {
  return copy_to_memory(s, 0, f, f.msg.input);
}

inline EvmStatus codecopy(StackTop s, Frame& f) {
  return copy_to_memory(s, 0, f, f.code);
}

/// RETURNDATACOPY (EIP-211): reading past the return data is an exceptional halt, not zeros.
inline EvmStatus returndatacopy(StackTop s, Frame& f) {
  const U256& dest = s[0];
  const U256& offset = s[1];
  const U256& size = s[2];
  EvmStatus st = check_memory(f, dest, size);
  if (st != EvmStatus::success) return st;
  uint64_t available = f.return_data.size();
  if (!offset.fits_uint64() || offset.low64() > available) return EvmStatus::invalid_memory_access;
  if (size.low64() > available - offset.low64() || (!size.is_zero() && !size.fits_uint64()))
    return EvmStatus::invalid_memory_access;
  if (size.is_zero()) return EvmStatus::success;
  if (!charge(f, copy_cost(size.low64()))) return EvmStatus::out_of_gas;
  memcpy(f.memory.data() + dest.low64(), f.return_data.data() + offset.low64(), size.low64());
  return EvmStatus::success;
}

}  // namespace zkbatch::eth::evm::instr
