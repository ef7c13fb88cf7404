// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Message calls and contract creations (Yellow Paper §7 and §8): the part of the EVM around the
// interpreter that moves value, dispatches precompiles, checkpoints the state and undoes failed
// frames, and deploys code. Nested calls do not recurse on the native stack: a frame that calls
// is suspended, its child runs in the next per-depth buffer, and the parent resumes with the
// child's result, so 1024 nested frames need no more native stack than one (the guest's stack is
// small, and sanitizers enlarge every native frame).
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/u256.hpp"
#include "base/vector.hpp"
#include "eth/address.hpp"
#include "eth/evm/block_env.hpp"
#include "eth/evm/frame.hpp"
#include "eth/evm/message.hpp"
#include "eth/evm/opcode_traits.hpp"
#include "eth/evm/state.hpp"

namespace zkbatch::eth::evm {

/// Everything one call depth needs, allocated once and reused by every frame at that depth: the
/// stack, memory, the JUMPDEST map, the return-data buffer and the frame itself.
struct FrameBuffers {
  /// stack[0] is a guard slot below the bottom, so an empty stack's top pointer stays inside.
  base::U256 stack[kStackLimit + 1];
  base::Bytes memory;
  base::Bytes jumpdests;
  base::Bytes return_data;
  /// Storage for the frame while one runs at this depth.
  alignas(Frame) unsigned char frame_storage[sizeof(Frame)];
  Frame* frame = nullptr;
};

/// The address of CREATE: the last 20 bytes of keccak256(rlp([sender, nonce])) (Yellow Paper
/// §7, eq. 88).
Address create_address(const Address& sender, uint64_t nonce);
/// The address of CREATE2: keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initcode))[12:]
/// (EIP-1014).
Address create2_address(const Address& sender, const base::Bytes32& salt, base::ByteSpan initcode);

/// Runs messages for one transaction over a State.
class Host {
 public:
  Host(State& state, const BlockEnv& block, const TxEnv& tx);
  ~Host();
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  /// Runs `msg` and every frame it starts to completion. Calls (CALL, CALLCODE, DELEGATECALL,
  /// STATICCALL, a transaction to an account): depth and balance checks (which fail without
  /// consuming gas), the value transfer, then the precompile or the code of `msg.code_address`.
  /// Creations (CREATE, CREATE2, a transaction without recipient): depth, balance and nonce
  /// checks, the creator's nonce increment, the address, the collision check (EIP-684,
  /// EIP-7610), the initcode, then the EIP-170 size limit, the EIP-3541 0xEF rule and the deposit
  /// cost. A failed frame's state changes are undone.
  ExecutionResult execute(const Message& msg);

  State& state() { return state_; }
  const BlockEnv& block() const { return block_; }
  const TxEnv& tx() const { return tx_; }

  /// Records a fatal error (a failed state read, memory exhausted): every frame unwinds with
  /// EvmStatus::fatal and the transaction fails with this error.
  EvmStatus fail(const base::Error& error);
  /// The fatal error, if any (Errc::ok otherwise).
  const base::Error& fatal_error() const { return fatal_; }

 private:
  // Starts `msg`. Returns true when it pushed a frame to run; false when the message finished at
  // once (checks failed, a precompile, no code), with its result in `*result`.
  bool begin(const Message& msg, ExecutionResult* result);
  bool begin_call(const Message& msg, ExecutionResult* result);
  bool begin_create(const Message& msg, ExecutionResult* result);
  // Pushes a frame that runs `code` for `msg`; false (and a fatal result) when memory runs out.
  bool push_frame(const Message& msg,
                  base::ByteSpan code,
                  const Snapshot& snapshot,
                  const Address& created,
                  ExecutionResult* result);
  // Ends the top frame with `status`: collects its output, undoes its changes if it failed or
  // deploys the code of a creation, and pops it.
  ExecutionResult end_frame(EvmStatus status);
  // Undoes a failed message's changes and applies the exceptional-halt rules to `result`.
  void settle_failure(const Snapshot& snapshot, ExecutionResult& result);
  // Pops frames until `count` remain (after a fatal error).
  void unwind(size_t count);
  FrameBuffers* buffers(size_t index);

  State& state_;
  const BlockEnv& block_;
  const TxEnv& tx_;
  base::Error fatal_{};
  base::Vector<FrameBuffers*> buffers_;
  size_t active_ = 0;  // frames in use: buffers_[0 .. active_)
};

}  // namespace zkbatch::eth::evm
