// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/bytes.hpp"
#include "base/u256.hpp"
#include "eth/evm/gas_costs.hpp"

namespace zkbatch::eth::evm {

/// The largest memory offset + size the interpreter accepts. Reaching it would cost
/// 3 * 2^27 + 2^54 / 512 > 3.5 * 10^13 gas, far above any block's gas limit, so anything larger
/// is out of gas, and every offset below it fits 32 bits on the guest.
inline constexpr uint64_t kMaxMemorySize = 0xffffffffull;

/// Words of 32 bytes covering `size` bytes.
constexpr uint64_t num_words(uint64_t size) {
  return (size + 31) / 32;
}

/// Total cost of `words` words of memory: G_memory * words + words^2 / 512 (Yellow Paper §9.4,
/// C_mem). Exact in int64 for words <= 2^27.
constexpr int64_t memory_cost(uint64_t words) {
  int64_t w = static_cast<int64_t>(words);
  return gas::kMemoryWord * w + w * w / gas::kQuadDivisor;
}

/// A frame's byte-addressed memory (Yellow Paper μ_m): zero-initialized, grown in 32-byte words
/// by the instructions that touch it.
class Memory {
 public:
  Memory() = default;
  explicit Memory(base::Bytes* buffer) : bytes_(buffer) {}

  /// Current size in bytes (a multiple of 32): MSIZE.
  size_t size() const { return bytes_->size(); }
  uint8_t* data() { return bytes_->data(); }
  const uint8_t* data() const { return bytes_->data(); }
  /// Grows to `new_size` bytes, zero-filled; false when memory runs out.
  bool grow(size_t new_size) { return bytes_->resize(new_size); }

 private:
  base::Bytes* bytes_ = nullptr;
};

}  // namespace zkbatch::eth::evm
