// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/host.hpp"

#include <stdlib.h>
#include <string.h>

#include "base/utility.hpp"
#include "eth/evm/frame.hpp"
#include "eth/evm/gas_costs.hpp"
#include "eth/evm/instructions_calls.hpp"
#include "eth/evm/interpreter.hpp"
#include "eth/evm/precompile_dispatch.hpp"
#include "eth/rlp.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::evm {

namespace {

using base::U256;

Address address_from_digest(const base::Bytes32& digest) {
  Address a;
  memcpy(a.bytes, digest.bytes + 12, 20);
  return a;
}

}  // namespace

Address create_address(const Address& sender, uint64_t nonce) {
  // rlp([sender, nonce]) is at most 1 + 21 + 9 bytes: encode into a fixed buffer.
  uint8_t buffer[32];
  uint8_t nonce_bytes[8];
  size_t nonce_size = rlp::to_minimal_be(nonce, nonce_bytes);
  size_t nonce_item = (nonce_size == 1 && nonce_bytes[0] < 0x80) ? 1 : 1 + nonce_size;
  size_t payload = 21 + nonce_item;
  size_t n = 0;
  buffer[n++] = static_cast<uint8_t>(0xc0 + payload);
  buffer[n++] = 0x80 + 20;
  memcpy(buffer + n, sender.bytes, 20);
  n += 20;
  if (nonce_size == 0) {
    buffer[n++] = 0x80;  // zero is the empty string
  } else if (nonce_item == 1) {
    buffer[n++] = nonce_bytes[0];
  } else {
    buffer[n++] = static_cast<uint8_t>(0x80 + nonce_size);
    memcpy(buffer + n, nonce_bytes, nonce_size);
    n += nonce_size;
  }
  return address_from_digest(hash::keccak256(base::ByteSpan(buffer, n)));
}

Address create2_address(const Address& sender, const base::Bytes32& salt, base::ByteSpan initcode) {
  uint8_t buffer[1 + 20 + 32 + 32];
  buffer[0] = 0xff;
  memcpy(buffer + 1, sender.bytes, 20);
  memcpy(buffer + 21, salt.bytes, 32);
  base::Bytes32 code_hash = hash::keccak256(initcode);
  memcpy(buffer + 53, code_hash.bytes, 32);
  return address_from_digest(hash::keccak256(base::ByteSpan(buffer, sizeof(buffer))));
}

Host::Host(State& state, const BlockEnv& block, const TxEnv& tx)
    : state_(state), block_(block), tx_(tx) {}

Host::~Host() {
  unwind(0);
  for (FrameBuffers* b : buffers_) {
    base::destroy_at(b);
    free(b);
  }
}

EvmStatus Host::fail(const base::Error& error) {
  if (fatal_.code == base::Errc::ok) fatal_ = error;
  return EvmStatus::fatal;
}

EvmStatus fail(Frame& frame, const base::Error& error) {
  return frame.host.fail(error);
}

FrameBuffers* Host::buffers(size_t index) {
  while (buffers_.size() <= index) {
    void* memory = malloc(sizeof(FrameBuffers));
    if (memory == nullptr) return nullptr;
    FrameBuffers* b = base::construct_at(static_cast<FrameBuffers*>(memory));
    if (!buffers_.push_back(b)) {
      base::destroy_at(b);
      free(b);
      return nullptr;
    }
  }
  return buffers_[index];
}

void Host::unwind(size_t count) {
  while (active_ > count) {
    FrameBuffers* b = buffers_[--active_];
    base::destroy_at(b->frame);
    b->frame = nullptr;
  }
}

ExecutionResult Host::execute(const Message& root) {
  const size_t base_depth = active_;
  ExecutionResult result;
  if (!begin(root, &result)) return result;
  for (;;) {
    Frame& frame = *buffers_[active_ - 1]->frame;
    EvmStatus status = run_frame(frame);
    if (status == EvmStatus::fatal) {
      unwind(base_depth);
      return ExecutionResult(EvmStatus::fatal, 0);
    }
    if (frame.child.active) {
      // The frame asked for a nested call or creation: run it, or finish it at once.
      ExecutionResult child;
      if (begin(frame.child.msg, &child)) continue;
      if (child.status == EvmStatus::fatal) {
        unwind(base_depth);
        return child;
      }
      instr::finish_child(frame, child);
      continue;
    }
    result = end_frame(status);
    if (result.status == EvmStatus::fatal) {
      unwind(base_depth);
      return result;
    }
    if (active_ == base_depth) return result;
    instr::finish_child(*buffers_[active_ - 1]->frame, result);
  }
}

bool Host::begin(const Message& msg, ExecutionResult* result) {
  if (msg.depth > kMaxCallDepth) {
    *result = ExecutionResult(EvmStatus::call_depth_exceeded, msg.gas);
    return false;
  }
  const bool is_create = msg.kind == CallKind::create || msg.kind == CallKind::create2;
  return is_create ? begin_create(msg, result) : begin_call(msg, result);
}

bool Host::push_frame(const Message& msg,
                      base::ByteSpan code,
                      const Snapshot& snapshot,
                      const Address& created,
                      ExecutionResult* result) {
  FrameBuffers* b = buffers(active_);
  if (b == nullptr || !analyze_jumpdests(code, b->jumpdests)) {
    *result = ExecutionResult(fail(base::make_error(base::Errc::out_of_memory, 0, "frame")), 0);
    return false;
  }
  b->memory.clear();
  b->return_data.clear();
  Frame* f = base::construct_at(static_cast<Frame*>(static_cast<void*>(b->frame_storage)), *this,
                                state_, b->return_data);
  f->msg = msg;
  f->code = code;
  f->jumpdests = b->jumpdests.data();
  f->gas_left = msg.gas;
  f->memory = Memory(&b->memory);
  f->stack_base = b->stack + 1;
  f->top = f->stack_base - 1;
  f->snapshot = snapshot;
  f->create_address = created;
  b->frame = f;
  ++active_;
  return true;
}

void Host::settle_failure(const Snapshot& snapshot, ExecutionResult& result) {
  state_.revert(snapshot);
  result.gas_refund = 0;
  if (result.status != EvmStatus::revert) {
    result.gas_left = 0;
    result.output.clear();
  }
}

bool Host::begin_call(const Message& msg, ExecutionResult* result) {
  const bool moves_value = msg.kind == CallKind::call || msg.kind == CallKind::callcode;
  auto sender = state_.account(msg.sender);
  if (!sender.ok()) {
    *result = ExecutionResult(fail(sender.error()), 0);
    return false;
  }
  if (moves_value && (*sender)->balance < msg.value) {
    *result = ExecutionResult(EvmStatus::insufficient_balance, msg.gas);
    return false;
  }

  Snapshot snapshot = state_.snapshot();
  if (msg.kind == CallKind::call) {
    // The transfer touches the recipient even for zero value (EIP-161), which is also how a
    // STATICCALL touches its target.
    auto recipient = state_.account(msg.recipient);
    if (!recipient.ok()) {
      *result = ExecutionResult(fail(recipient.error()), 0);
      return false;
    }
    base::Status moved = state_.sub_balance(*sender, msg.value);
    if (moved.ok()) moved = state_.add_balance(*recipient, msg.value);
    if (!moved.ok()) {
      *result = ExecutionResult(fail(moved.error()), 0);
      return false;
    }
  }

  if (is_precompile(msg.code_address)) {
    base::Error error{};
    *result = run_precompile(msg.code_address, msg.input, msg.gas, &error);
    if (result->status == EvmStatus::fatal) {
      *result = ExecutionResult(fail(error), 0);
    } else if (result->status != EvmStatus::success) {
      settle_failure(snapshot, *result);
    }
    return false;
  }
  auto code_account = state_.account(msg.code_address);
  if (!code_account.ok()) {
    *result = ExecutionResult(fail(code_account.error()), 0);
    return false;
  }
  auto code = state_.code(*code_account);
  if (!code.ok()) {
    *result = ExecutionResult(fail(code.error()), 0);
    return false;
  }
  if (code->empty()) {
    *result = ExecutionResult(EvmStatus::success, msg.gas);
    return false;
  }
  return push_frame(msg, *code, snapshot, Address{}, result);
}

bool Host::begin_create(const Message& msg, ExecutionResult* result) {
  auto sender = state_.account(msg.sender);
  if (!sender.ok()) {
    *result = ExecutionResult(fail(sender.error()), 0);
    return false;
  }
  if ((*sender)->balance < msg.value) {
    *result = ExecutionResult(EvmStatus::insufficient_balance, msg.gas);
    return false;
  }
  const uint64_t nonce = (*sender)->nonce;
  if (nonce == UINT64_MAX) {  // EIP-2681
    *result = ExecutionResult(EvmStatus::nonce_overflow, msg.gas);
    return false;
  }
  base::Status changed = state_.set_nonce(*sender, nonce + 1);
  if (!changed.ok()) {
    *result = ExecutionResult(fail(changed.error()), 0);
    return false;
  }

  const Address address = msg.kind == CallKind::create2
                              ? create2_address(msg.sender, msg.salt, msg.input)
                              : create_address(msg.sender, nonce);
  // EIP-2929: the new address is warm even if the creation fails.
  auto warmed = state_.access_account(address);
  auto target =
      warmed.ok() ? state_.account(address) : base::Result<CachedAccount*>(warmed.error());
  if (!target.ok()) {
    *result = ExecutionResult(fail(target.error()), 0);
    return false;
  }
  // EIP-684 and EIP-7610: an address with a nonce, code or storage cannot be created again.
  if ((*target)->nonce != 0 || (*target)->code_hash != kEmptyCodeHash ||
      state_.has_storage(*target)) {
    *result = ExecutionResult(EvmStatus::address_collision, 0);
    return false;
  }

  Snapshot snapshot = state_.snapshot();
  changed = state_.mark_created(*target);
  if (changed.ok()) changed = state_.set_nonce(*target, 1);  // EIP-161
  if (changed.ok()) changed = state_.sub_balance(*sender, msg.value);
  if (changed.ok()) changed = state_.add_balance(*target, msg.value);
  if (!changed.ok()) {
    *result = ExecutionResult(fail(changed.error()), 0);
    return false;
  }
  if (msg.input.empty()) {  // nothing to run: an account without code
    *result = ExecutionResult(EvmStatus::success, msg.gas);
    result->create_address = address;
    return false;
  }
  Message frame = msg;
  frame.recipient = address;
  frame.code_address = address;
  frame.input = base::ByteSpan();
  return push_frame(frame, msg.input, snapshot, address, result);
}

ExecutionResult Host::end_frame(EvmStatus status) {
  FrameBuffers* b = buffers_[active_ - 1];
  Frame& f = *b->frame;
  ExecutionResult result(status, 0);
  if (status == EvmStatus::success || status == EvmStatus::revert) {
    result.gas_left = f.gas_left;
    if (status == EvmStatus::success) result.gas_refund = f.gas_refund;
    if (f.output_size > 0) {
      base::Status copied =
          result.output.append(base::ByteSpan(f.memory.data() + f.output_offset, f.output_size));
      if (!copied.ok()) return ExecutionResult(fail(copied.error()), 0);
    }
  }
  const bool is_create = f.msg.kind == CallKind::create || f.msg.kind == CallKind::create2;
  if (is_create && result.status == EvmStatus::success) {
    base::ByteSpan code = result.output.span();
    const int64_t deposit = gas::kCodeDeposit * static_cast<int64_t>(code.size());
    if (code.size() > kMaxCodeSize) {
      result.status = EvmStatus::code_size_exceeded;  // EIP-170
    } else if (!code.empty() && code[0] == 0xef) {
      result.status = EvmStatus::contract_validation_failure;  // EIP-3541
    } else if (result.gas_left < deposit) {
      result.status = EvmStatus::out_of_gas;
    } else {
      auto target = state_.account(f.create_address);
      base::Status stored = target.ok() ? state_.set_code(*target, code) : target.error();
      if (!stored.ok()) return ExecutionResult(fail(stored.error()), 0);
      result.gas_left -= deposit;
      result.output.clear();
      result.create_address = f.create_address;
    }
  }
  if (result.status != EvmStatus::success) settle_failure(f.snapshot, result);
  base::destroy_at(b->frame);
  b->frame = nullptr;
  --active_;
  return result;
}

}  // namespace zkbatch::eth::evm
