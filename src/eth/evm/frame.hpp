// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The machine state of one frame (Yellow Paper §9.4.1, μ: gas, pc, memory, stack, return data)
// and the helpers every instruction family shares: the stack view, memory expansion and its gas,
// address and word conversions.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"
#include "eth/evm/gas_costs.hpp"
#include "eth/evm/memory.hpp"
#include "eth/evm/message.hpp"
#include "eth/evm/opcodes.hpp"
#include "eth/evm/state.hpp"
#include "eth/evm/status.hpp"

namespace zkbatch::eth::evm {

class Host;

/// The top of the stack as an instruction sees it: [0] is the top item, [1] the one below it.
/// The dispatcher checks the depth before the instruction runs and moves the top by
/// stack_out - stack_in after it, so an instruction with n inputs and one output writes the
/// output to [n - 1], and one without inputs writes it to [-1].
class StackTop {
 public:
  explicit StackTop(base::U256* top) : top_(top) {}
  base::U256& operator[](int i) const { return top_[-i]; }

 private:
  base::U256* top_;
};

/// A nested call or creation that a frame has asked for and waits on: the message, and where its
/// result goes (CALL's output region; the stack slot is the frame's top).
struct PendingChild {
  bool active = false;
  /// The instruction that made the request (CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE,
  /// CREATE2).
  Op op = Op::stop;
  Message msg;
  /// CALL family: the memory region that receives the output.
  uint64_t ret_offset = 0;
  uint64_t ret_size = 0;
};

/// One frame's mutable machine state (Yellow Paper §9.4.1, μ) and the Host's bookkeeping for it.
/// Frames live in the Host's per-depth buffers, so that nested calls suspend a frame and resume it
/// later instead of recursing on the native stack.
struct Frame {
  Host& host;
  State& state;
  /// The message being executed (a copy: the parent's stack may move on).
  Message msg;
  /// The code being run.
  base::ByteSpan code;
  /// jumpdests[i] != 0 when code[i] is a JUMPDEST outside push data.
  const uint8_t* jumpdests = nullptr;
  int64_t gas_left = 0;
  /// EIP-3529 refund counter of this frame (children add theirs on success).
  int64_t gas_refund = 0;
  Memory memory;
  /// Output of the last call or creation made by this frame (EIP-211).
  base::Bytes& return_data;
  /// RETURN/REVERT data region, valid once the frame has ended with one of them.
  uint64_t output_offset = 0;
  uint64_t output_size = 0;

  /// Where execution continues when the frame is resumed.
  size_t pc = 0;
  /// The top stack item (one below the bottom when empty).
  base::U256* top = nullptr;
  /// The stack's bottom slot.
  base::U256* stack_base = nullptr;

  /// The nested message this frame waits on, if any.
  PendingChild child;
  /// The state checkpoint taken when the frame started (undone if it fails).
  Snapshot snapshot;
  /// For creations: the new account's address.
  Address create_address{};

  Frame(Host& h, State& s, base::Bytes& return_buffer)
      : host(h), state(s), return_data(return_buffer) {}
};

/// Records a fatal error with the Host and returns EvmStatus::fatal (defined in host.hpp).
EvmStatus fail(Frame& frame, const base::Error& error);

/// Slow path of check_memory: charges the expansion to `end` bytes and grows memory.
EvmStatus expand_memory(Frame& frame, uint64_t end);

/// Makes memory cover [offset, offset + size), charging the expansion gas (C_mem). A zero size
/// needs nothing, whatever the offset. On success both values fit below kMaxMemorySize.
inline EvmStatus check_memory(Frame& frame, const base::U256& offset, const base::U256& size) {
  if (size.is_zero()) return EvmStatus::success;
  if (!offset.fits_uint64() || !size.fits_uint64()) return EvmStatus::out_of_gas;
  uint64_t o = offset.low64();
  uint64_t n = size.low64();
  if (o > kMaxMemorySize || n > kMaxMemorySize - o) return EvmStatus::out_of_gas;
  if (o + n <= frame.memory.size()) return EvmStatus::success;
  return expand_memory(frame, o + n);
}

/// Charges `cost`; false (out of gas) when the frame cannot pay it.
inline bool charge(Frame& frame, int64_t cost) {
  frame.gas_left -= cost;
  return frame.gas_left >= 0;
}

/// G_copy per word for copying `size` bytes (size below kMaxMemorySize after check_memory).
constexpr int64_t copy_cost(uint64_t size) {
  return gas::kCopyWord * static_cast<int64_t>(num_words(size));
}

/// The address in the low 160 bits of a stack word.
inline Address to_address(const base::U256& word) {
  uint8_t bytes[32];
  word.to_be_bytes(bytes);
  Address a;
  memcpy(a.bytes, bytes + 12, 20);
  return a;
}

/// An address as a stack word.
inline base::U256 to_word(const Address& address) {
  return base::U256::from_be_bytes(address.span());
}

/// Copies `size` bytes from `source` at `offset` into `out`, with zeros where the source ends
/// (CALLDATACOPY, CODECOPY, EXTCODECOPY, CALLDATALOAD read past the end as zeros).
inline void copy_padded(uint8_t* out,
                        base::ByteSpan source,
                        const base::U256& offset,
                        size_t size) {
  if (size == 0) return;
  size_t copied = 0;
  if (offset.fits_uint64() && offset.low64() < source.size()) {
    size_t start = static_cast<size_t>(offset.low64());
    size_t available = source.size() - start;
    copied = available < size ? available : size;
    memcpy(out, source.data() + start, copied);
  }
  if (size > copied) memset(out + copied, 0, size - copied);
}

}  // namespace zkbatch::eth::evm
